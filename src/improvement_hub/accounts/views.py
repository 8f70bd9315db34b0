"""Your account: download your data, close your account. Thin: the work is in closure.py."""

import json
import time

from allauth.account import app_settings as allauth_settings
from allauth.account.internal.flows.login import get_authentication_records
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from improvement_hub.accounts.closure import account_close, account_data_export
from improvement_hub.accounts.closure_forms import AccountCloseForm
from improvement_hub.core.personal_data import personal_data_sections


def _recently_signed_in(request: HttpRequest) -> bool:
    """True if this session signed in (by any route, single sign-on too) a few minutes ago.

    People without a password prove it is them by signing in again.
    """
    records = get_authentication_records(request, request.user)
    latest = max((record.get("at", 0) for record in records), default=0)
    return time.time() - latest < allauth_settings.REAUTHENTICATION_TIMEOUT


@login_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "account/my_data.html", {"sections": personal_data_sections()})


@login_required
@require_GET
def my_data_download(request: HttpRequest) -> HttpResponse:
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
def account_close_view(request: HttpRequest) -> HttpResponse:
    user = request.user
    has_password = user.has_usable_password()
    data = request.POST if request.method == "POST" else None
    form = AccountCloseForm(data, user=user) if has_password else None
    may_close = has_password or _recently_signed_in(request)
    if request.method == "POST" and may_close and (form is None or form.is_valid()):
        try:
            account_close(user=user)
        except ValidationError:
            pass  # closed in another tab meanwhile: the outcome is the same
        logout(request)
        return redirect("accounts:account_closed")
    return render(
        request,
        "account/account_close.html",
        {"form": form, "has_password": has_password, "may_close": may_close},
    )


@require_GET
def account_closed(request: HttpRequest) -> HttpResponse:
    return render(request, "account/account_closed.html")
