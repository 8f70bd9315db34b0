"""The "close your account" form: the person's password, when their account has one (the
service, ``closure.account_close_own``, checks it)."""

from typing import Any

from django import forms

from improvement_hub.core.forms import GovUKFormMixin


class AccountCloseForm(GovUKFormMixin, forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, with_password: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_password:
            del self.fields["password"]
