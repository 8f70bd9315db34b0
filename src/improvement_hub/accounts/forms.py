"""allauth's forms in GOV.UK wording, and the forms of the account and people pages."""

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse

from improvement_hub.accounts.models import User
from improvement_hub.accounts.permissions import MANAGED_ROLES
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.selectors import staff_member_by_email
from improvement_hub.core.forms import GovUKFormMixin


class LoginForm(GovUKFormMixin, allauth_forms.LoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = "Email address"
        self.fields["login"].error_messages["required"] = "Enter your email address"
        self.fields["login"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].help_text = ""
        if "remember" in self.fields:
            self.fields["remember"].label = "Keep me signed in on this device"


class SignupForm(GovUKFormMixin, allauth_forms.SignupForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "We will send you an email to confirm it is yours."
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )
        self.fields["password1"].label = "Create a password"
        self.fields["password1"].help_text = "Use at least 10 characters. Avoid common words."
        self.fields["password1"].error_messages["required"] = "Enter a password"
        self.fields["password2"].label = "Confirm password"
        self.fields["password2"].error_messages["required"] = "Enter your password again"

    def try_save(self, request: HttpRequest) -> tuple[User | None, HttpResponse | None]:
        """Takes as long for an address that already has an account as for a new one.

        A new account's password is hashed (slow by design); for an existing one allauth only
        sends an email, so the time taken would tell who has an account. Hash it anyway.
        """
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)


class ResetPasswordForm(GovUKFormMixin, allauth_forms.ResetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )


class ResetPasswordKeyForm(GovUKFormMixin, allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = "New password"
        self.fields["password1"].error_messages["required"] = "Enter a new password"
        self.fields["password2"].label = "Confirm new password"
        self.fields["password2"].error_messages["required"] = "Enter your new password again"


class ChangePasswordForm(GovUKFormMixin, allauth_forms.ChangePasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["oldpassword"].label = "Current password"
        self.fields["oldpassword"].help_text = ""
        self.fields["oldpassword"].error_messages["required"] = "Enter your current password"
        self.fields["password1"].label = "New password"
        self.fields["password1"].help_text = "Use at least 10 characters. Avoid common words."
        self.fields["password1"].error_messages["required"] = "Enter a new password"
        self.fields["password2"].label = "Confirm new password"
        self.fields["password2"].error_messages["required"] = "Enter your new password again"


class SetPasswordForm(GovUKFormMixin, allauth_forms.SetPasswordForm):
    """For an account without a password (single sign-on). Needs
    ``ACCOUNT_FORMS["set_password"]`` pointing here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = "Create a password"
        self.fields["password1"].help_text = "Use at least 10 characters. Avoid common words."
        self.fields["password1"].error_messages["required"] = "Enter a password"
        self.fields["password2"].label = "Confirm password"
        self.fields["password2"].error_messages["required"] = "Enter your password again"


class ReauthenticateForm(GovUKFormMixin, allauth_forms.ReauthenticateForm):
    """Needs ``ACCOUNT_FORMS["reauthenticate"]`` pointing here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
        self.fields["password"].error_messages["required"] = "Enter your password"


class AddEmailForm(GovUKFormMixin, allauth_forms.AddEmailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages["required"] = "Enter an email address"
        self.fields["email"].error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )


class RoleChangeForm(GovUKFormMixin, forms.Form):
    """Give or remove one role: the buttons on the person's page send both answers."""

    role = forms.ChoiceField(label="Role", choices=[(r.value, r.value) for r in MANAGED_ROLES])
    change = forms.ChoiceField(
        label="Change", choices=[("grant", "Give the role"), ("remove", "Remove the role")]
    )

    def role_value(self) -> Role:
        return Role(self.cleaned_data["role"])

    def grant(self) -> bool:
        return bool(self.cleaned_data["change"] == "grant")


class LineManagerForm(GovUKFormMixin, forms.Form):
    line_manager = forms.EmailField(
        label="Line manager's email address",
        required=False,
        max_length=254,
        help_text="Leave it empty if they have no line manager on the hub.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )

    def clean_line_manager(self) -> User | None:
        email = self.cleaned_data["line_manager"]
        if not email:
            return None
        manager = staff_member_by_email(email)
        if manager is None:
            raise forms.ValidationError("There is no council staff member with that email address")
        return manager


class DirectorateForm(GovUKFormMixin, forms.Form):
    """The directorate a person works in. The choices are the directorates the user
    model's foreign key points to (council's reference data), read through that key."""

    directorate = User._meta.get_field("directorate").formfield(
        label="Directorate",
        required=False,
        empty_label="Not known",
        help_text="Reports and dashboards group people by it.",
        error_messages={"invalid_choice": "Choose a directorate from the list"},
    )


class NameForm(GovUKFormMixin, forms.Form):
    first_name = forms.CharField(label="First name", max_length=150, required=False)
    last_name = forms.CharField(label="Last name", max_length=150, required=False)
