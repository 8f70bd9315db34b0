"""Public pages of the Innovation Lab: the referral journey, tracking, challenges, the
plan, methods and other labs. No account is needed."""

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from improvement_hub.core.client_ip import client_ip
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of
from improvement_hub.lab import permissions, selectors, services
from improvement_hub.lab.forms import (
    STEP_FORMS,
    STEPS,
    EvidenceForm,
    ReferralForm,
    ReplyForm,
    SignedInContactForm,
)
from improvement_hub.lab.models import Referral, ReferralDraft
from improvement_hub.spaces import selectors as space_selectors

DRAFT_COOKIE = "lab_referral_draft"
DRAFT_SALT = "lab.referral.draft"
# The longest a draft's cookie lasts; once the draft holds contact details, its cookie
# lasts only as long as the draft does without a change (services.DRAFT_IDLE_WITH_CONTACT).
DRAFT_AGE = int(services.DRAFT_IDLE.total_seconds())
ORDER = [
    "who",
    "affected",
    "problem",
    "services",
    "tried",
    "priorities",
    "evidence",
    "contact",
    "consent",
    "check",
]


def lab_home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "lab/lab_home.html", {"challenges": selectors.challenge_list_public()[:6]}
    )


def _draft(request: HttpRequest) -> ReferralDraft | None:
    token = request.get_signed_cookie(
        DRAFT_COOKIE, default=None, salt=DRAFT_SALT, max_age=DRAFT_AGE
    )
    if not token:
        return None
    try:
        draft = ReferralDraft.objects.filter(token=token).first()
    except ValidationError:
        return None
    if draft is not None and services.draft_is_expired(draft):
        services.draft_clear(draft=draft)
        return None
    return draft


def _keep(response: HttpResponse, draft: ReferralDraft) -> HttpResponse:
    response.set_signed_cookie(
        DRAFT_COOKIE,
        str(draft.token),
        salt=DRAFT_SALT,
        max_age=int(services.draft_idle_limit(draft).total_seconds()),
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


def _next(step: str, request: HttpRequest) -> str:
    if request.GET.get("change"):
        return reverse("lab:refer_check")
    following = ORDER[ORDER.index(step) + 1]
    return (
        reverse("lab:refer_check")
        if following == "check"
        else reverse("lab:refer_step", args=[following])
    )


def _back(step: str) -> str:
    index = ORDER.index(step)
    return (
        reverse("lab:refer_start")
        if index == 0
        else reverse("lab:refer_step", args=[ORDER[index - 1]])
    )


def refer_start(request: HttpRequest) -> HttpResponse:
    draft = _draft(request)
    return render(
        request,
        "lab/refer/start.html",
        {
            "has_draft": bool(draft and (draft.answers or draft.evidence.exists())),
            "contact_hours": int(services.DRAFT_IDLE_WITH_CONTACT.total_seconds() // 3600),
        },
    )


@require_POST
def refer_clear(request: HttpRequest) -> HttpResponse:
    """Clear my answers: deletes the draft, its files and the cookie that points to it."""
    draft = _draft(request)
    if draft is not None:
        services.draft_clear(draft=draft)
    messages.success(request, "Your answers have been cleared")
    response = redirect("lab:refer_start")
    response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
    return response


def _question_context(step: str, form: Any) -> dict[str, object]:
    return {
        "form": form,
        "account_email": getattr(form, "account_email", ""),
        "title": form.title,
        "back": _back(step),
        "step": step,
        "step_number": ORDER.index(step) + 1,
        "step_total": len(ORDER) - 1,
    }


def _step_form(request: HttpRequest, step: str, **kwargs: Any) -> Any:
    """A question page's form. A signed-in person's verified email is not asked again."""
    account_email = (
        selectors.account_verified_email(user=request.user) if step == "contact" else None
    )
    if account_email:
        return SignedInContactForm(account_email=account_email, **kwargs)
    return STEP_FORMS[step](**kwargs)


@never_cache
def refer_step(request: HttpRequest, step: str) -> HttpResponse:
    """One question page. Answers are saved to the draft on every valid "Continue"."""
    if step == "evidence":
        return refer_evidence(request)
    form_class = STEP_FORMS.get(step)
    if form_class is None:
        raise Http404
    draft = _draft(request)
    if request.method != "POST":
        initial = form_class.from_answers(draft.answers) if draft else {}
        form = _step_form(request, step, initial=initial)
        return render(request, "lab/refer/question.html", _question_context(step, form))
    form = _step_form(request, step, data=request.POST)
    if not form.is_valid():
        return render(request, "lab/refer/question.html", _question_context(step, form))
    draft = draft or ReferralDraft.objects.create()
    services.draft_save(draft=draft, answers=form.to_answers())
    return _keep(redirect(_next(step, request)), draft)


@never_cache
def refer_evidence(request: HttpRequest) -> HttpResponse:
    """Optional files: upload one at a time, see the list, remove any."""
    draft = _draft(request)
    if request.method != "POST":
        context = _evidence_context(request, draft, EvidenceForm())
        return render(request, "lab/refer/evidence.html", context)
    draft = draft or ReferralDraft.objects.create()
    if remove := request.POST.get("remove"):
        services.evidence_remove(draft=draft, evidence_id=int(remove) if remove.isdigit() else 0)
        return _keep(redirect("lab:refer_step", step="evidence"), draft)
    form = EvidenceForm(request.POST, request.FILES)
    upload = form.cleaned_data["file"] if form.is_valid() else None
    if upload and submit(
        form, lambda: services.evidence_add(draft=draft, upload=upload, ip=client_ip(request))
    ):
        messages.success(request, "Your file has been uploaded")
        return _keep(redirect("lab:refer_step", step="evidence"), draft)
    context = _evidence_context(request, draft, form)
    return _keep(render_form(request, "lab/refer/evidence.html", context, form=form), draft)


def _evidence_context(
    request: HttpRequest, draft: ReferralDraft | None, form: EvidenceForm
) -> dict[str, object]:
    files = list(draft.evidence.all()) if draft else []
    return {
        "form": form,
        "files": files,
        "can_add_file": services.evidence_has_room(stored=len(files)),
        "max_files": services.MAX_FILES,
        "back": _back("evidence"),
        "next": _next("evidence", request),
        "step_number": ORDER.index("evidence") + 1,
        "step_total": len(ORDER) - 1,
    }


def _first_missing(answers: dict[str, Any]) -> str | None:
    """The first page whose saved answers are missing or no longer valid."""
    for step, form_class in STEPS:
        if not form_class(data=_as_form_data(form_class, answers)).is_valid():
            return step
    return None


def _as_form_data(form_class: type[Any], answers: dict[str, Any]) -> MultiValueDict[str, Any]:
    """Saved answers as the data a form is bound to (a ticked box as "on")."""
    data: dict[str, list[Any]] = {}
    for name in form_class.base_fields:
        value = answers.get(name)
        if value is None or value is False:
            continue
        data[name] = value if isinstance(value, list) else ["on" if value is True else value]
    return MultiValueDict(data)


def _check_context(draft: ReferralDraft, form: ReferralForm | None = None) -> dict[str, object]:
    return {
        "answers": selectors.answers_for_display(draft.answers),
        "files": list(draft.evidence.all()),
        "form": form,
        "back": _back("check"),
    }


@never_cache
def refer_check(request: HttpRequest) -> HttpResponse:
    """Check your answers, then send. A honeypot field catches simple bots."""
    draft = _draft(request)
    if draft is None or not draft.answers:
        return redirect("lab:refer_start")
    if missing := _first_missing(draft.answers):
        messages.info(request, "Please answer this question before you send your referral")
        return redirect("lab:refer_step", step=missing)
    if request.method != "POST":
        return render(request, "lab/refer/check.html", _check_context(draft))
    if request.POST.get("website"):
        return HttpResponseBadRequest("Sorry, there is a problem with your request.")
    form = ReferralForm(data=_as_form_data(ReferralForm, draft.answers))
    data = form.referral_data() if form.is_valid() else None
    referrer = _referrer(request, data)
    sent = data and submit(
        form,
        lambda: services.referral_submit(
            data=data, ip=client_ip(request), draft=draft, referrer=referrer
        ),
    )
    if not sent:
        return render_form(request, "lab/refer/check.html", _check_context(draft, form), form=form)
    request.session["lab_last_reference"] = sent[0].reference
    response = redirect("lab:refer_done")
    response.delete_cookie(DRAFT_COOKIE)
    return response


def _referrer(request: HttpRequest, data: services.ReferralData | None) -> Any:
    """The signed-in person, when the referral is sent with their verified email (then no
    confirmation is needed); None otherwise, as for anyone without an account."""
    email = selectors.account_verified_email(user=request.user)
    if data is None or not email or data.email.strip().lower() != email:
        return None
    return request.user


def refer_done(request: HttpRequest) -> HttpResponse:
    reference = request.session.get("lab_last_reference")
    if not reference:
        return redirect("lab:refer_start")
    own = selectors.referral_get_for_referrer(user=request.user, reference=reference)
    return render(request, "lab/refer/done.html", {"reference": reference, "own": own})


@never_cache
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation email. Confirming needs a button press (a POST), so
    that email scanners that open links do not confirm for the person."""
    referral = services.confirm_token_read(token)
    if referral is None:
        return render(request, "lab/refer/confirm_invalid.html", status=404)
    if request.method == "POST":
        services.referral_confirm_email(referral=referral)
        return render(request, "lab/refer/confirmed.html", {"referral": referral})
    return render(request, "lab/refer/confirm.html", {"referral": referral})


def _tracked(request: HttpRequest, reference: str) -> tuple[Referral, str]:
    token = request.GET.get("token") or request.POST.get("token") or ""
    referral = services.referral_get_by_tracking(
        reference=reference, token=token
    ) or selectors.referral_get_for_referrer(user=request.user, reference=reference)
    if referral is None:
        raise Http404("No such referral")
    return referral, token


def _track_url(reference: str, token: str) -> str:
    url = reverse("lab:track", args=[reference])
    return f"{url}?token={token}" if token else url


@never_cache
def track(request: HttpRequest, reference: str) -> HttpResponse:
    """The referrer's tracking page: status and every message, no account needed."""
    referral, token = _tracked(request, reference)
    reply_form = ReplyForm()
    if request.method == "POST" and request.POST.get("action") == "reply":
        reply_form = ReplyForm(request.POST)
        reply = reply_form.cleaned_data["message"] if reply_form.is_valid() else ""
        if reply and submit(
            reply_form, lambda: services.referral_reply(referral=referral, message=reply)
        ):
            messages.success(
                request, "Thank you. Your reply has been sent to the Improvement Hub Team."
            )
            return redirect(_track_url(reference, token))
    history = selectors.referral_public_history(referral=referral)
    form = reply_form if reply_form.errors else None
    context = {"referral": referral, "token": token, "history": history, "form": form}
    response = render_form(request, "lab/track.html", {**context, "reply_form": reply_form})
    # The token is in the address: never send it to other sites. (Not "no-referrer":
    # browsers then send "Origin: null" with the page's forms, which CSRF rightly refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


@require_POST
def track_withdraw(request: HttpRequest, reference: str) -> HttpResponse:
    referral, token = _tracked(request, reference)
    try:
        services.referral_withdraw(referral=referral)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Your referral has been withdrawn")
    return redirect(_track_url(reference, token))


def track_data(request: HttpRequest, reference: str) -> HttpResponse:
    """The referrer's own data, as a JSON download."""
    referral, _token = _tracked(request, reference)
    data = selectors.referral_data_for_referrer(referral=referral)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{referral.reference}.json"'
    response["Referrer-Policy"] = "no-referrer"
    return response


def challenge_list(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.challenge_list_public(), 20)
    return render(request, "lab/challenge_list.html", {"page": page})


def challenge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request,
        "lab/challenge_detail.html",
        {
            "challenge": selectors.challenge_get_public(slug=slug),
            "can_move": permissions.can_triage(request.user),
        },
    )


def plan(request: HttpRequest) -> HttpResponse:
    """The lab plan, with the move into council buildings (spaces' move plan)."""
    context = {**selectors.lab_plan(), "move_plan": space_selectors.move_plan_current()}
    return render(request, "lab/plan.html", context)


def methods(request: HttpRequest) -> HttpResponse:
    return render(request, "lab/methods.html", {"stages": selectors.method_list()})


def peer_labs(request: HttpRequest) -> HttpResponse:
    return render(request, "lab/peer_labs.html", {"labs": selectors.peer_lab_list()})


@login_required
def my_referrals(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own referrals, each linked to its tracking page."""
    page = page_of(request, selectors.referral_list_for_referrer(user=request.user), 20)
    return render(request, "lab/my_referrals.html", {"page": page})
