"""The "close your account" form: the person proves it is them with their password."""

from allauth.account.adapter import get_adapter
from django import forms
from django.core.exceptions import ValidationError

from improvement_hub.core.forms import GovUKFormMixin

WRONG_PASSWORD = "The password is not correct"  # noqa: S105 - an error message, not a password
TOO_MANY_TRIES = "You have entered the wrong password too many times. Try again in 5 minutes"


class AccountCloseForm(GovUKFormMixin, forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        # Through allauth, so its limits on failed passwords count these tries too.
        try:
            correct = get_adapter().reauthenticate(self.user, password)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise ValidationError(TOO_MANY_TRIES) from error
            raise
        if not correct:
            raise ValidationError(WRONG_PASSWORD)
        return password
