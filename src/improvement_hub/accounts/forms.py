"""allauth's forms in GOV.UK wording."""

from typing import Any

from allauth.account import forms as allauth_forms
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse

from improvement_hub.accounts.models import User
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
    pass


class AddEmailForm(GovUKFormMixin, allauth_forms.AddEmailForm):
    pass
