"""The admin page where the Hub Team erases what someone wrote, at their request."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from improvement_hub.accounts.closure import account_erase
from improvement_hub.accounts.models import User
from improvement_hub.accounts.permissions import can_erase_contributions
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.forms import GovUKFormMixin


def _account(number_or_email: str) -> User | None:
    """The account with this number (its id) or email address, closed accounts too."""
    value = number_or_email.strip()
    if value.isdigit() and len(value) < 19:
        return User.objects.filter(pk=int(value)).first()
    return User.objects.filter(email__iexact=value).first() if value else None


class FindAccountForm(GovUKFormMixin, forms.Form):
    account = forms.CharField(
        label="Email address or account number",
        max_length=254,
        help_text="The account number is the number in the person's address under "
        "Settings → Users.",
    )

    def clean_account(self) -> User:
        person = _account(self.cleaned_data["account"])
        if person is None:
            raise ValidationError("There is no account with that email address or number")
        return person


@require_http_methods(["GET", "POST"])
def erase_contributions(request: SignedInRequest) -> HttpResponse:
    if not can_erase_contributions(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _erase(request)
    form = FindAccountForm(request.GET or None)
    person = form.cleaned_data["account"] if form.is_valid() else None
    context = {
        "form": form,
        "person": person,
        "idea_count": person.ideas.count() if person else 0,
        "comment_count": person.idea_comments.count() if person else 0,
        "page_title": "Erase someone's contributions",
        "header_icon": "bin",
    }
    return TemplateResponse(request, "account/admin_erase_contributions.html", context)


def _erase(request: SignedInRequest) -> HttpResponse:
    person = (
        _account(request.POST.get("user", "")) if request.POST.get("user", "").isdigit() else None
    )
    if person is None:
        raise Http404("No such account")
    try:
        erased = account_erase(actor=request.user, user=person)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"{erased} ideas and comments erased in all; account {person.pk} is closed."
        )
    return redirect("accounts_erase_contributions")
