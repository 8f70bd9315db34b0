"""A measure's page (its XmR chart and values) and the forms on it: add a value, upload a
CSV of values, re-baseline the chart, remove a value or a re-baseline (each removal asks
first, on a warning page that needs no JavaScript, and is recorded)."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from improvement_hub.accounts import selectors as people
from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.forms import render_form, submit
from improvement_hub.initiatives import charts, imports, permissions, selectors, services
from improvement_hub.initiatives.forms import ObservationForm, ObservationImportForm, RebaseForm
from improvement_hub.initiatives.models import Measure
from improvement_hub.initiatives.models.measures import Removal, measure_value_text

if TYPE_CHECKING:
    from improvement_hub.accounts.models import User

# A CSV upload's problems shown at most (one a row); the rest are counted.
ROW_ERRORS_SHOWN = 50

VARIATION_LABELS = {
    "common_cause": "Common cause variation",
    "special_cause_improvement": "Special cause improvement",
    "special_cause_concern": "Special cause concern",
    "special_cause_neutral": "Special cause variation",
}
ASSURANCE_LABELS = {
    "pass": "Consistently meets the target",
    "fail": "Consistently misses the target",
    "hit_and_miss": "Hits and misses the target at random",
}
SPECIAL_CAUSE_LABELS = {"improvement": "Improvement", "concern": "Concern", "neutral": "Neither"}
RULE_LABELS = {
    "outside_limits": "a point beyond a limit",
    "two_of_three": "two of three points near a limit",
    "trend": "a trend",
    "run": "a run on one side of the mean",
}


def _measure_context(request: HttpRequest, measure: Measure, **bound: forms.Form) -> dict[str, Any]:
    result = selectors.measure_spc(measure)
    observations = list(measure.observations.all())
    rows = []
    points = iter(result.points if result else [])
    charted = {o.pk for o in selectors.measure_charted_observations(measure)}
    segments = result.segments if result else []
    for observation in observations:
        if observation.pk not in charted:
            # stored before the limits were checked: listed (so it can be removed), not drawn
            rows.append({"observation": observation, "special_cause_label": "Not charted"})
            continue
        point = next(points)
        label = ""
        if point.special_cause:
            rule = RULE_LABELS[point.rule or ""]  # a special cause always has its rule
            label = f"{SPECIAL_CAUSE_LABELS[point.special_cause]}: {rule}"
        rows.append(
            {
                "observation": observation,
                "point": point,
                "segment": segments[point.segment],
                "special_cause_label": label,
            }
        )
    markers = [
        (c.starts_on, "pdsa", f"PDSA {n}: {c.title}")
        for n, c in enumerate(measure.pdsa_cycles.all(), start=1)
    ] + [(r.on, "rebase", f"Re-baselined: {r.reason}") for r in measure.rebases.all()]
    can_edit = permissions.can_edit_initiative(request.user, measure.initiative)
    removals = list(Removal.objects.of_measure(measure)) if can_edit else []
    return {
        "measure": measure,
        "target": selectors.measure_target(measure),
        "initiative": measure.initiative,
        "result": result,
        "summary": result.summary(unit=measure.unit) if result else "",
        "shifted": bool(result and len(result.segments) > 1),
        "removals": [
            (
                r,
                people.person_label(actor=request.user, person=r.removed_by)
                if r.removed_by
                else "",
            )
            for r in removals
        ],
        "chart": charts.xmr_chart(result, markers=markers) if result else None,
        "observations": observations,
        "rows": rows,
        "variation_label": VARIATION_LABELS.get(result.variation, "") if result else "",
        "assurance_label": ASSURANCE_LABELS.get(result.assurance or "", "") if result else "",
        "can_edit": can_edit,
        "observation_form": bound.get("observation_form") or ObservationForm(),
        "import_form": bound.get("import_form") or ObservationImportForm(),
        "rebase_form": bound.get("rebase_form") or RebaseForm(),
        "form": next((f for f in bound.values() if f.errors), None),
    }


def _who(request: HttpRequest, person: "User | None") -> str:
    return people.person_label(actor=request.user, person=person) if person else ""


def measure_detail(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = selectors.measure_get_for_user(user=request.user, initiative_pk=pk, pk=measure_pk)
    return render(request, "initiatives/measure_detail.html", _measure_context(request, measure))


def _measure_for_editor(request: SignedInRequest, pk: int, measure_pk: int) -> Measure:
    measure = selectors.measure_get_for_user(user=request.user, initiative_pk=pk, pk=measure_pk)
    if not permissions.can_edit_initiative(request.user, measure.initiative):
        raise Http404
    return measure


@login_required
@require_POST
def observation_add(request: SignedInRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    form = ObservationForm(request.POST)
    if form.is_valid():
        row = (1, form.cleaned_data["on"], form.cleaned_data["value"])
        if submit(
            form, lambda: services.observations_add(actor=request.user, measure=measure, rows=[row])
        ):
            messages.success(request, "Value added")
            return redirect(measure)
        # one value: its problem belongs to its date, without the row number
        problems = [str(problem) for problem in form.errors.pop(NON_FIELD_ERRORS, ())]
        form.add_error("on", [_sentence(problem.removeprefix("Row 1: ")) for problem in problems])
    context = _measure_context(request, measure, observation_form=form)
    return render_form(request, "initiatives/measure_detail.html", context, form=form)


def _sentence(text: str) -> str:
    """A problem without its row number, starting with a capital as a GOV.UK message does."""
    return text[:1].upper() + text[1:]


def _problems_on_file(form: forms.Form) -> None:
    """Moves the upload's problems (the file's, or each row's) onto its field: the first
    rows' problems, and how many more there are."""
    problems = [str(problem) for problem in form.errors.pop(NON_FIELD_ERRORS, ())]
    shown = problems[:ROW_ERRORS_SHOWN]
    if len(problems) > ROW_ERRORS_SHOWN:
        more = len(problems) - ROW_ERRORS_SHOWN
        shown.append(f"{more} more row{'s have' if more != 1 else ' has'} problems")
    form.add_error("file", shown)


@login_required
def observation_import(request: SignedInRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    if request.method != "POST":
        return redirect(measure.get_absolute_url() + "#import")
    form = ObservationImportForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        added = submit(
            form,
            lambda: services.observations_add(
                actor=request.user, measure=measure, rows=imports.read_csv(upload)
            ),
        )
        if added is not None:
            messages.success(request, f"{added} value{'s' if added != 1 else ''} added")
            return redirect(measure)
        _problems_on_file(form)
    context = _measure_context(request, measure, import_form=form)
    return render_form(request, "initiatives/measure_detail.html", context, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def observation_delete(
    request: SignedInRequest, pk: int, measure_pk: int, observation_pk: int
) -> HttpResponse:
    """Asks before removing a value (a warning page); removes it on "Yes, remove it"."""
    measure = _measure_for_editor(request, pk, measure_pk)
    back = measure.get_absolute_url() + "#data"
    if request.method == "POST":
        removed = services.observation_delete(
            actor=request.user, measure=measure, observation_id=observation_pk
        )
        messages.success(request, "Value removed" if removed else "That value was already removed")
        return redirect(back)
    observation = get_object_or_404(measure.observations, pk=observation_pk)
    what = f"{measure_value_text(measure, observation.value)} on {observation.on:%-d %B %Y}"
    return _confirm(request, measure, singular="value", what=what, back=back)


def _confirm(
    request: SignedInRequest, measure: Measure, *, singular: str, what: str, back: str
) -> HttpResponse:
    context = {"measure": measure, "initiative": measure.initiative, "singular": singular}
    context |= {"what": what, "back": back}
    return render(request, "initiatives/measure_remove.html", context)


@login_required
@require_POST
def rebase_add(request: SignedInRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    form = RebaseForm(request.POST)
    if form.is_valid():
        answers = form.cleaned_data
        if submit(
            form, lambda: services.rebase_add(actor=request.user, measure=measure, **answers)
        ):
            messages.success(request, "Chart re-baselined")
            return redirect(measure)
    context = _measure_context(request, measure, rebase_form=form)
    return render_form(request, "initiatives/measure_detail.html", context, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def rebase_delete(
    request: SignedInRequest, pk: int, measure_pk: int, rebase_pk: int
) -> HttpResponse:
    """Asks before removing a re-baseline (a warning page); removes it on "Yes, remove it"."""
    measure = _measure_for_editor(request, pk, measure_pk)
    if request.method == "POST":
        removed = services.rebase_delete(actor=request.user, measure=measure, rebase_id=rebase_pk)
        text = "Re-baseline removed" if removed else "That re-baseline was already removed"
        messages.success(request, text)
        return redirect(measure)
    rebase = get_object_or_404(measure.rebases, pk=rebase_pk)
    what = f"From {rebase.on:%-d %B %Y}: {rebase.reason}"
    back = measure.get_absolute_url()
    return _confirm(request, measure, singular="re-baseline", what=what, back=back)
