"""Your account: the overview, your name, download your data, close your account."""

import json
import time
from functools import partial

from allauth.account import app_settings as allauth_settings
from allauth.account.internal.flows.login import get_authentication_records
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from improvement_hub.accounts.closure import (
    account_close_own,
    account_data_export,
    account_may_close,
)
from improvement_hub.accounts.closure_forms import AccountCloseForm
from improvement_hub.accounts.forms import NameForm
from improvement_hub.accounts.selectors import account_overview
from improvement_hub.accounts.services import user_update_name
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.personal_data import personal_data_sections


def _recently_signed_in(request: SignedInRequest) -> bool:
    """True if this session signed in (by any route, single sign-on too) a few minutes ago.

    People without a password prove it is them by signing in again.
    """
    records = get_authentication_records(request, request.user)
    latest = max((record.get("at", 0) for record in records), default=0)
    return time.time() - latest < allauth_settings.REAUTHENTICATION_TIMEOUT


@login_required
@require_GET
def account(request: SignedInRequest) -> HttpResponse:
    return render(request, "account/account.html", account_overview(user=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def account_name(request: SignedInRequest) -> HttpResponse:
    user = request.user
    initial = {"first_name": user.first_name, "last_name": user.last_name}
    form = NameForm(request.POST if request.method == "POST" else None, initial=initial)
    save = partial(user_update_name, user=user)
    if form.is_valid() and submit(form, lambda: save(**form.cleaned_data)) is not None:
        messages.success(request, "Your name has been saved")
        return redirect("accounts:account")
    return render_form(request, "account/account_name.html", {"form": form})


@login_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "account/my_data.html", {"sections": personal_data_sections()})


@login_required
@require_GET
def my_data_download(request: SignedInRequest) -> HttpResponse:
    data = account_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"improvement-hub-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_close_view(request: SignedInRequest) -> HttpResponse:
    user, recent = request.user, _recently_signed_in(request)
    with_password = user.has_usable_password()
    form = AccountCloseForm(
        request.POST if request.method == "POST" else None, with_password=with_password
    )
    may_close = account_may_close(user=user, recently_signed_in=recent)
    if request.method == "POST" and may_close and form.is_valid():
        password = form.cleaned_data.get("password", "")
        close = partial(account_close_own, user=user, password=password, recently_signed_in=recent)
        if submit(form, close):
            logout(request)
            return redirect("accounts:account_closed")
    return render(
        request,
        "account/account_close.html",
        {"form": form if with_password else None, "may_close": may_close},
    )


@require_GET
def account_closed(request: HttpRequest) -> HttpResponse:
    return render(request, "account/account_closed.html")
