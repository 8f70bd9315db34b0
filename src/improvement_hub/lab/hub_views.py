"""The Hub Team's casework screens: the triage inbox and each referral."""

from django.contrib import messages
from django.core.cache import cache
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from improvement_hub.core import page_cache
from improvement_hub.core.decorators import hidden_unless
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.pagination import page_of
from improvement_hub.lab import asides, permissions, selectors, services
from improvement_hub.lab.filters import InboxFilter
from improvement_hub.lab.forms import AssignForm, DecisionForm, TagsForm
from improvement_hub.lab.models import Referral


@hidden_unless(permissions.can_triage)
def inbox(request: HttpRequest) -> HttpResponse:
    filters = InboxFilter(request.GET, queryset=selectors.referral_inbox(), request=request)
    page = page_of(request, filters.qs, 25)
    rows = _inbox_rows(list(page.object_list))
    context = {"page": page, "rows": rows, "filter_form": filters.form}
    return render(request, "lab/triage/inbox.html", context)


# A kept row is keyed by its day: it is not needed after it.
INBOX_ROW_SECONDS = 24 * 60 * 60


def _inbox_rows(referrals: list[Referral]) -> list[str]:
    """The inbox's rows, each rendered once per change of its referral, per day (its
    working days left) and per site version (the assignee's name, a service's directorate
    edited in the admin) and kept in the cache: the Hub Team open the inbox again and again
    between decisions, and drawing 25 rows was a third of the page. The same for every
    member of the Hub Team. Only the rows not kept read their services (cross-system)."""
    today = timezone.localdate()
    suffix = f"{today.isoformat()}:{get_language()}:{page_cache.site_version()}"
    keys = [selectors.referral_row_key(referral, suffix) for referral in referrals]
    kept = cache.get_many(keys)
    missing = [referral for referral, key in zip(referrals, keys, strict=True) if key not in kept]
    if missing:
        selectors.referral_inbox_rows_load(missing)
        drawn = {
            selectors.referral_row_key(row.referral, suffix): render_to_string(
                "lab/triage/inbox_row.html", {"row": row}
            )
            for row in selectors.referral_inbox_rows(missing, today)
        }
        cache.set_many(drawn, INBOX_ROW_SECONDS)
        kept |= drawn
    return [mark_safe(kept[key]) for key in keys]  # noqa: S308  # our template's output


# How long a kept record stays: long enough for a triage session's repeat views. Its version
# changes with every change (``selectors.referral_record_version``), and the retention
# erasure deletes it (``services.retention_erase``); with the default local-memory cache, a
# copy kept by another process is gone within this time.
RECORD_SECONDS = 60 * 60
RECORD_PARTS = ("tags", "summary", "history")


def _record(referral: Referral) -> dict[str, str]:
    """The referral's record as its page shows it (status tags, the summary of its answers,
    its history), rendered once per change and kept in the cache: most views of a
    referral (the Hub Team opening it, deciding, coming back) see the same record, and
    reading and drawing it was a quarter of the page. The same for every member of the Hub
    Team: nothing in it depends on who looks, or on the day. One entry per referral (a new
    rendering replaces the one before), holding the version it was drawn from."""
    key = selectors.referral_record_key(referral.pk)
    version = selectors.referral_record_version(referral)
    kept = cache.get(key)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == version:
        record = kept[1]
    else:
        context = {"referral": referral, "record": selectors.referral_record(referral)}
        record = {
            part: render_to_string(f"lab/triage/record/{part}.html", context)
            for part in RECORD_PARTS
        }
        cache.set(key, (version, record), RECORD_SECONDS)
    return {part: mark_safe(html) for part, html in record.items()}  # noqa: S308  # our templates' output


def _referral_context(referral: Referral, form: DecisionForm | None = None) -> dict[str, object]:
    aside = selectors.referral_aside(referral=referral) or asides.referral_aside_refresh(
        referral=referral
    )
    return {
        "referral": referral,
        "record": _record(referral),
        "days_left": selectors.referral_days_left(referral),
        "suggestions": aside.suggestions,
        "similar": aside.similar,
        "access_log": selectors.referral_access_log(referral=referral),
        "decision_form": form or DecisionForm(),
        "form": form if form is not None and form.errors else None,
        "assign_form": AssignForm(initial={"assignee": referral.assignee_id}),
    }


@hidden_unless(permissions.can_triage)
def referral_detail(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    return render(request, "lab/triage/referral_detail.html", _referral_context(referral))


@hidden_unless(permissions.can_triage)
def referral_contact(request: HttpRequest, reference: str) -> HttpResponse:
    """Shows the referrer's contact details. Each view is logged."""
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    contact = selectors.referral_personal_data(user=request.user, referral=referral)
    response = render(
        request, "lab/triage/contact.html", {"referral": referral, "contact": contact}
    )
    response["Cache-Control"] = "no-store"
    return response


# FileResponse streams, so it is no HttpResponse: core.decorators.View could say HttpResponseBase.
@hidden_unless(permissions.can_triage)
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


@hidden_unless(permissions.can_triage)
@require_POST
def referral_decide(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    form = DecisionForm(request.POST)
    decided = (
        submit(
            form,
            lambda: services.referral_decide(
                actor=request.user, referral=referral, decision=form.decision()
            ),
        )
        if form.is_valid()
        else None
    )
    if decided is not None:
        messages.success(request, "The decision is saved and the referrer has been emailed")
        return redirect("lab:triage_referral", reference=reference)
    # Read again: the service may have seen a decision this page's copy did not.
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    context = _referral_context(referral, form)
    return render_form(request, "lab/triage/referral_detail.html", context, form=form)


@hidden_unless(permissions.can_triage)
@require_POST
def referral_assign(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    form = AssignForm(request.POST)
    # A choice that names nobody in the Hub Team assigns the referral to nobody, as before.
    assignee = form.cleaned_data["assignee"] if form.is_valid() else None
    services.referral_assign(actor=request.user, referral=referral, assignee=assignee)
    messages.success(request, "The assignee has been saved")
    return redirect("lab:triage_referral", reference=reference)


@hidden_unless(permissions.can_triage)
@require_POST
def referral_tags(request: HttpRequest, reference: str) -> HttpResponse:
    referral = selectors.referral_get_for_hub(user=request.user, reference=reference)
    form = TagsForm(request.POST)
    if form.is_valid():
        services.referral_update_tags(
            actor=request.user,
            referral=referral,
            services=form.cleaned_data["services"],
            priorities=form.cleaned_data["priorities"],
        )
        messages.success(request, "Services and priorities saved")
    else:
        messages.error(request, "Select services and priorities from the lists")
    return redirect("lab:triage_referral", reference=reference)
