"""Public pages of the Innovation Lab: the referral journey, tracking, challenges, the
plan, methods and other labs. No account is needed."""

import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from improvement_hub.core.client_ip import client_ip
from improvement_hub.core.ratelimit import RateLimited
from improvement_hub.council.models import Priority, Service
from improvement_hub.lab import selectors, services
from improvement_hub.lab.forms import STEP_FORMS, STEPS, EvidenceForm, ReplyForm
from improvement_hub.lab.models import (
    AffectedCount,
    Agency,
    RaisedAs,
    Referral,
    ReferralDraft,
)

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


@never_cache
def refer_step(request: HttpRequest, step: str) -> HttpResponse:
    """One question page. Answers are saved to the draft on every valid "Continue"."""
    if step == "evidence":
        return refer_evidence(request)
    form_class = STEP_FORMS.get(step)
    if form_class is None:
        raise Http404
    draft = _draft(request)
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            draft = draft or ReferralDraft.objects.create()
            services.draft_save(draft=draft, answers=form.to_answers())
            return _keep(redirect(_next(step, request)), draft)
    else:
        form = form_class(initial=form_class.from_answers(draft.answers) if draft else {})
    return render(
        request,
        "lab/refer/question.html",
        {
            "form": form,
            "title": form_class.title,
            "back": _back(step),
            "step": step,
            "step_number": ORDER.index(step) + 1,
            "step_total": len(ORDER) - 1,
        },
    )


@never_cache
def refer_evidence(request: HttpRequest) -> HttpResponse:
    """Optional files: upload one at a time, see the list, remove any."""
    draft = _draft(request)
    form = EvidenceForm()
    if request.method == "POST":
        draft = draft or ReferralDraft.objects.create()
        status = 400
        if request.POST.get("remove"):
            services.evidence_remove(
                draft=draft,
                evidence_id=int(request.POST["remove"]) if request.POST["remove"].isdigit() else 0,
            )
            return _keep(redirect("lab:refer_step", step="evidence"), draft)
        form = EvidenceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.evidence_add(
                    draft=draft, upload=form.cleaned_data["file"], ip=_ip(request)
                )
            except ValidationError as error:
                form.add_error("file", error.messages)
            except RateLimited as limited:
                form.add_error("file", limited.message)
                status = 429
            else:
                messages.success(request, "Your file has been uploaded")
                return _keep(redirect("lab:refer_step", step="evidence"), draft)
        response = render(
            request,
            "lab/refer/evidence.html",
            _evidence_context(request, draft, form),
            status=status,
        )
        return _keep(response, draft)
    return render(request, "lab/refer/evidence.html", _evidence_context(request, draft, form))


def _evidence_context(
    request: HttpRequest, draft: ReferralDraft | None, form: EvidenceForm
) -> dict[str, object]:
    return {
        "form": form,
        "files": list(draft.evidence.all()) if draft else [],
        "back": _back("evidence"),
        "next": _next("evidence", request),
        "step_number": ORDER.index("evidence") + 1,
        "step_total": len(ORDER) - 1,
    }


def _answers_for_display(answers: dict) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    raised = dict(RaisedAs.choices)
    counts = dict(AffectedCount.choices)
    agencies = dict(Agency.choices)
    service_names = dict(
        Service.objects.filter(slug__in=answers.get("services") or []).values_list("slug", "name")
    )
    priority_names = dict(
        Priority.objects.filter(slug__in=answers.get("priorities") or []).values_list(
            "slug", "name"
        )
    )
    other = [agencies.get(a, a) for a in answers.get("agencies") or []]
    if answers.get("agencies_other"):
        other.append(answers["agencies_other"])
    who = raised.get(answers.get("raised_as", ""), "")
    if answers.get("organisation_name"):
        who = f"{who} – {answers['organisation_name']}"
    return [
        ("Who is raising it", who, "who"),
        (
            "Who it affects",
            "\n".join(
                filter(
                    None,
                    [answers.get("affected_who"), counts.get(answers.get("affected_count", ""))],
                )
            ),
            "affected",
        ),
        ("The problem", answers.get("problem", ""), "problem"),
        ("Council services", ", ".join(service_names.values()), "services"),
        ("Other organisations", ", ".join(other), "services"),
        ("What has been tried", answers.get("tried", ""), "tried"),
        ("Council priorities", ", ".join(priority_names.values()), "priorities"),
        ("Your name", answers.get("contact_name", ""), "contact"),
        ("Email address", answers.get("email", ""), "contact"),
        ("Phone number", answers.get("phone", ""), "contact"),
    ]


def _first_missing(answers: dict) -> str | None:  # type: ignore[type-arg]
    """The first page whose saved answers are missing or no longer valid."""
    for step, form_class in STEPS:
        if not form_class(data=_as_form_data(form_class, answers)).is_valid():
            return step
    return None


def _as_form_data(form_class, answers: dict) -> dict:  # type: ignore[no-untyped-def,type-arg]
    data = {}
    for name in form_class.base_fields:
        value = answers.get(name)
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    from django.utils.datastructures import MultiValueDict

    return MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in data.items()})


@never_cache
def refer_check(request: HttpRequest) -> HttpResponse:
    """Check your answers, then send. A honeypot field catches simple bots."""
    draft = _draft(request)
    if draft is None or not draft.answers:
        return redirect("lab:refer_start")
    missing = _first_missing(draft.answers)
    if missing:
        messages.info(request, "Please answer this question before you send your referral")
        return redirect("lab:refer_step", step=missing)
    error = None
    if request.method == "POST":
        if request.POST.get("website"):
            return HttpResponseBadRequest("Sorry, there is a problem with your request.")
        answers = draft.answers
        data = services.ReferralData(
            problem=answers["problem"],
            email=answers["email"],
            consent=bool(answers.get("consent")),
            raised_as=answers.get("raised_as", ""),
            organisation_name=answers.get("organisation_name") or "",
            affected_who=answers.get("affected_who") or "",
            affected_count=answers.get("affected_count") or "",
            services=tuple(Service.objects.filter(slug__in=answers.get("services") or [])),
            agencies=tuple(a for a in answers.get("agencies") or [] if a in Agency.values),
            agencies_other=answers.get("agencies_other") or "",
            tried=answers.get("tried") or "",
            priorities=tuple(Priority.objects.filter(slug__in=answers.get("priorities") or [])),
            contact_name=answers.get("contact_name") or "",
            phone=answers.get("phone") or "",
        )
        try:
            referral, _tracking = services.referral_submit(data=data, ip=_ip(request), draft=draft)
        except RateLimited as exc:
            error = exc.message
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            request.session["lab_last_reference"] = referral.reference
            response = redirect("lab:refer_done")
            response.delete_cookie(DRAFT_COOKIE)
            return response
    return render(
        request,
        "lab/refer/check.html",
        {
            "answers": _answers_for_display(draft.answers),
            "files": list(draft.evidence.all()),
            "error": error,
            "back": _back("check"),
        },
        status=429 if error else 200,
    )


def _ip(request: HttpRequest) -> str:
    return client_ip(request)


def refer_done(request: HttpRequest) -> HttpResponse:
    reference = request.session.get("lab_last_reference")
    if not reference:
        return redirect("lab:refer_start")
    return render(request, "lab/refer/done.html", {"reference": reference})


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
    referral = services.referral_get_by_tracking(reference=reference, token=token)
    if referral is None:
        raise Http404("No such referral")
    return referral, token


@never_cache
def track(request: HttpRequest, reference: str) -> HttpResponse:
    """The referrer's tracking page: status and every message, no account needed."""
    referral, token = _tracked(request, reference)
    reply_form = ReplyForm()
    if request.method == "POST" and request.POST.get("action") == "reply":
        reply_form = ReplyForm(request.POST)
        if reply_form.is_valid():
            try:
                services.referral_reply(
                    referral=referral, message=reply_form.cleaned_data["message"]
                )
            except ValidationError as error:
                reply_form.add_error(None, error.messages)
            else:
                messages.success(
                    request, "Thank you. Your reply has been sent to the Improvement Hub Team."
                )
                return redirect(f"{reverse('lab:track', args=[reference])}?token={token}")
    response = render(
        request,
        "lab/track.html",
        {
            "referral": referral,
            "token": token,
            "history": selectors.referral_public_history(referral=referral),
            "reply_form": reply_form,
            "form": reply_form if reply_form.errors else None,
        },
        status=400 if reply_form.errors else 200,
    )
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
    return redirect(f"{reverse('lab:track', args=[reference])}?token={token}")


def track_data(request: HttpRequest, reference: str) -> HttpResponse:
    """The referrer's own data, as a JSON download."""
    referral, _token = _tracked(request, reference)
    data = {
        "reference": referral.reference,
        "status": referral.get_status_display(),
        "raised_as": referral.get_raised_as_display(),
        "organisation_name": referral.organisation_name,
        "affected_who": referral.affected_who,
        "affected_count": referral.get_affected_count_display() if referral.affected_count else "",
        "problem": referral.problem,
        "services": [s.name for s in referral.services.all()],
        "other_organisations": referral.agency_labels
        + ([referral.agencies_other] if referral.agencies_other else []),
        "tried": referral.tried,
        "priorities": [p.name for p in referral.priorities.all()],
        "contact_name": referral.contact_name,
        "email": referral.email,
        "phone": referral.phone,
        "consent_given_at": referral.consent_at.isoformat() if referral.consent_at else None,
        "evidence_files": [e.original_name for e in referral.evidence.all()],
        "messages": [
            {"date": e.created_at.isoformat(), "what": e.get_kind_display(), "message": e.message}
            for e in selectors.referral_public_history(referral=referral)
        ],
    }
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{referral.reference}.json"'
    response["Referrer-Policy"] = "no-referrer"
    return response


def challenge_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.challenge_list_public(), 20).get_page(request.GET.get("page"))
    return render(request, "lab/challenge_list.html", {"page": page, "querystring": ""})


def challenge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request,
        "lab/challenge_detail.html",
        {"challenge": selectors.challenge_get_public(slug=slug)},
    )


def plan(request: HttpRequest) -> HttpResponse:
    return render(request, "lab/plan.html", selectors.lab_plan())


def methods(request: HttpRequest) -> HttpResponse:
    return render(request, "lab/methods.html", {"stages": selectors.method_list()})


def peer_labs(request: HttpRequest) -> HttpResponse:
    return render(request, "lab/peer_labs.html", {"labs": selectors.peer_lab_list()})
