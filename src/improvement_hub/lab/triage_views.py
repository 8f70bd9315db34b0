"""The Hub Team's casework screens: the triage inbox and each referral."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.core.search import query_id
from improvement_hub.council.models import Priority, Service
from improvement_hub.lab import permissions, selectors, services
from improvement_hub.lab.forms import DecisionForm
from improvement_hub.lab.models import Referral, ReferralStatus


def hub_team_only(view):  # type: ignore[no-untyped-def]
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        if not permissions.can_triage(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _hub_team():  # type: ignore[no-untyped-def]
    return User.objects.filter(is_active=True, groups__name=str(Role.HUB_TEAM)).order_by(
        "first_name"
    )


@hub_team_only
def inbox(request: HttpRequest) -> HttpResponse:
    # Values that name nothing the filters offer (an id too large for the database, an
    # unknown or malformed slug) are ignored, and the filter shows "Any".
    service_list = list(Service.objects.filter(is_active=True))
    priority_list = list(Priority.objects.filter(is_active=True))
    service, priority = request.GET.get("service", ""), request.GET.get("priority", "")
    assignee = request.GET.get("assignee", "")
    filters = selectors.InboxFilters(
        status=request.GET.get("status", "open"),
        service=service if service in {s.slug for s in service_list} else "",
        priority=priority if priority in {p.slug for p in priority_list} else "",
        assignee="none" if assignee == "none" else str(query_id(assignee) or ""),
        age=request.GET.get("age", ""),
    )
    page = Paginator(selectors.referral_inbox(filters=filters), 25).get_page(
        request.GET.get("page")
    )
    today = timezone.localdate()
    rows = []
    for referral in page.object_list:
        days = selectors.referral_days_left(referral, today)
        rows.append(
            {
                "referral": referral,
                "days": days,
                "overdue_by": -days if days is not None and days < 0 else None,
                "cross_system": len(referral.service_list) + len(referral.agencies) >= 2,
            }
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "lab/triage/inbox.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "querystring": query.urlencode(),
            "statuses": ReferralStatus.choices,
            "services": service_list,
            "priorities": priority_list,
            "hub_team": _hub_team(),
        },
    )


def _referral_context(
    request: HttpRequest, referral: Referral, form: DecisionForm | None = None
) -> dict[str, object]:
    return {
        "referral": referral,
        "days_left": selectors.referral_days_left(referral),
        "suggestions": selectors.referral_suggestions(referral=referral),
        "similar": selectors.referral_similar(referral=referral),
        "access_log": selectors.referral_access_log(referral=referral),
        "decision_form": form or DecisionForm(),
        "form": form if form is not None and form.errors else None,
        "hub_team": _hub_team(),
        "cross_system": len(referral.services.all()) + len(referral.agencies) >= 2,
    }


@hub_team_only
def referral_detail(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    return render(request, "lab/triage/referral_detail.html", _referral_context(request, referral))


@hub_team_only
def referral_contact(request: HttpRequest, reference: str) -> HttpResponse:
    """Shows the referrer's contact details. Each view is logged."""
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    contact = selectors.referral_personal_data(user=request.user, referral=referral)
    response = render(
        request, "lab/triage/contact.html", {"referral": referral, "contact": contact}
    )
    response["Cache-Control"] = "no-store"
    return response


@hub_team_only
def evidence_download(request: HttpRequest, reference: str, evidence_id: int) -> FileResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    evidence = selectors.evidence_get_for_hub(
        user=request.user, referral=referral, evidence_id=evidence_id
    )
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@hub_team_only
@require_POST
def referral_decide(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    form = DecisionForm(request.POST)
    if form.is_valid() and form.cleaned_data["kind"] == "declined":
        if not form.cleaned_data["message"].strip() and not form.cleaned_data["note"].strip():
            form.add_error("note", "Enter the reason for declining, or write the message yourself")
    if form.is_valid():
        data = form.cleaned_data
        merge_into = None
        if data["merge_into"]:
            merge_into = Referral.objects.filter(
                reference=data["merge_into"].strip().upper()
            ).first()
        template_subject, template_body = services.template_text(
            data["kind"],
            reference=referral.reference or "",
            service=data["service"].name if data["service"] else "",
            service_contact=services.service_contact(data["service"]),
            challenge=(
                data["challenge"].title if data["challenge"] else data["new_challenge_title"]
            ),
            reason=data["note"],
        )
        decision = services.Decision(
            kind=data["kind"],
            message=data["message"] or template_body,
            note=data["note"],
            challenge=data["challenge"],
            new_challenge_title=data["new_challenge_title"],
            service=data["service"],
            merge_into=merge_into,
        )
        try:
            services.referral_decide(actor=request.user, referral=referral, decision=decision)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(request, "The decision is saved and the referrer has been emailed")
            return redirect("lab:triage_referral", reference=reference)
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    return render(
        request,
        "lab/triage/referral_detail.html",
        _referral_context(request, referral, form),
        status=400,
    )


@hub_team_only
@require_POST
def referral_assign(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    value = request.POST.get("assignee", "")
    assignee = _hub_team().filter(pk=value).first() if value.isdigit() else None
    services.referral_assign(actor=request.user, referral=referral, assignee=assignee)
    messages.success(request, "The assignee has been saved")
    return redirect("lab:triage_referral", reference=reference)


@hub_team_only
@require_POST
def referral_tags(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    services.referral_update_tags(
        actor=request.user,
        referral=referral,
        services=Service.objects.filter(slug__in=request.POST.getlist("services")),
        priorities=Priority.objects.filter(slug__in=request.POST.getlist("priorities")),
    )
    messages.success(request, "Services and priorities saved")
    return redirect("lab:triage_referral", reference=reference)
