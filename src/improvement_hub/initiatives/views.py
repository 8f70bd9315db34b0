"""The portfolio pages and an initiative's pages. Parse, call a selector or service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement_hub.core.forms import add_service_errors
from improvement_hub.core.search import query_id
from improvement_hub.council.models import ChangeScale, Directorate, Priority
from improvement_hub.ideas.models import Idea
from improvement_hub.initiatives import charts, exports, imports, permissions, selectors, services
from improvement_hub.initiatives.forms import (
    PARTS,
    InitiativeForm,
    ObservationForm,
    ObservationImportForm,
    PilotDecisionForm,
    RebaseForm,
    SourcesForm,
)
from improvement_hub.initiatives.models import Initiative, Pilot, Rag, Stage, Strand

VIEWS = [
    ("initiatives:portfolio", "List"),
    ("initiatives:board", "Board"),
    ("initiatives:spectrum", "Spectrum"),
    ("initiatives:timeline", "Timeline"),
    ("initiatives:summary", "Summary"),
]


def _filters(request: HttpRequest) -> tuple[selectors.PortfolioFilters, str]:
    get = request.GET
    choices = {
        "strand": Strand.values,
        "scale": ChangeScale.values,
        "stage": Stage.values,
        "rag": Rag.values,
    }
    values = {}
    for name, allowed in choices.items():
        value = get.get(name, "")
        values[name] = value if value in allowed else ""
    values["q"] = get.get("q", "").strip()[:100]
    values["priority"] = get.get("priority", "")[:100]
    values["directorate"] = get.get("directorate", "")[:150]
    query = get.copy()
    query.pop("page", None)
    return selectors.PortfolioFilters(**values), query.urlencode()


def _portfolio_context(request: HttpRequest, view_name: str) -> dict[str, object]:
    filters, querystring = _filters(request)
    return {
        "filters": filters,
        "querystring": querystring,
        "initiatives": selectors.initiative_list_for_user(user=request.user, filters=filters),
        "views": VIEWS,
        "current_view": view_name,
        "strands": Strand.choices,
        "scales": ChangeScale.choices,
        "stages": Stage.choices,
        "rags": Rag.choices,
        "priorities": Priority.objects.filter(is_active=True),
        "directorates": Directorate.objects.all(),
        "goals": selectors.goal_progress_list(user=request.user),
        "can_create": permissions.can_create_initiative(request.user),
        "can_export": permissions.can_view_all_initiatives(request.user),
        "staff_view": permissions.can_view_all_initiatives(request.user),
    }


def portfolio(request: HttpRequest) -> HttpResponse:
    context = _portfolio_context(request, "initiatives:portfolio")
    context["page"] = Paginator(context["initiatives"], 25).get_page(request.GET.get("page"))
    return render(request, "initiatives/portfolio_list.html", context)


def board(request: HttpRequest) -> HttpResponse:
    context = _portfolio_context(request, "initiatives:board")
    context["lanes"] = selectors.portfolio_board(context["initiatives"])
    return render(request, "initiatives/portfolio_board.html", context)


def spectrum(request: HttpRequest) -> HttpResponse:
    context = _portfolio_context(request, "initiatives:spectrum")
    context["spectrum"] = selectors.portfolio_spectrum(context["initiatives"])
    return render(request, "initiatives/portfolio_spectrum.html", context)


def timeline(request: HttpRequest) -> HttpResponse:
    context = _portfolio_context(request, "initiatives:timeline")
    groups = selectors.portfolio_timeline(context["initiatives"])
    context["chart"] = charts.timeline_chart(
        groups, start=selectors.TIMELINE_START, end=selectors.TIMELINE_END
    )
    context["groups"] = groups
    return render(request, "initiatives/portfolio_timeline.html", context)


def summary(request: HttpRequest) -> HttpResponse:
    context = _portfolio_context(request, "initiatives:summary")
    context["summary"] = selectors.portfolio_summary(context["initiatives"])
    context["scale_choices"] = ChangeScale.choices
    return render(request, "initiatives/portfolio_summary.html", context)


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if not permissions.can_view_all_initiatives(request.user) or fmt not in ("csv", "xlsx"):
        raise Http404
    filters, _ = _filters(request)
    initiatives = selectors.initiative_list_for_user(user=request.user, filters=filters)
    return exports.initiatives_export(initiatives, fmt=fmt)


# --- one initiative -----------------------------------------------------------------------


def _data(form: InitiativeForm) -> services.InitiativeData:
    return services.InitiativeData(**form.cleaned_data)


@login_required
def initiative_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_initiative(request.user):
        raise PermissionDenied
    initial: dict[str, object] = {
        "strand": Strand.IMPROVEMENT_TEAM,
        "method": "model_for_improvement",
    }
    source_initial: dict[str, object] = {}
    if (number := query_id(request.GET.get("idea"))) is not None:
        idea = Idea.objects.public().filter(pk=number).first()
        if idea:
            initial.update(title=idea.title, problem=idea.problem, scale=idea.scale or "")
            source_initial["ideas"] = str(idea.pk)
    form = InitiativeForm(request.POST or None, initial=initial)
    sources = SourcesForm(request.POST or None, initial=source_initial)
    if request.method == "POST" and form.is_valid() and sources.is_valid():
        try:
            initiative = services.initiative_create(
                actor=request.user,
                data=_data(form),
                source_ideas=sources.cleaned_data["ideas"],
                source_challenges=sources.cleaned_data["challenges"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Initiative ‘{initiative.title}’ started")
            return redirect(initiative)
    return render(
        request,
        "initiatives/initiative_form.html",
        {
            "form": form,
            "sources": sources,
            "title": "Start an initiative",
            "button": "Start the initiative",
        },
    )


def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    can_see_all = permissions.can_view_initiative_workings(request.user, initiative)
    pilots = [(pilot, *selectors.pilot_fit(pilot)) for pilot in initiative.pilots.all()]
    return render(
        request,
        "initiatives/initiative_detail.html"
        if can_see_all
        else "initiatives/initiative_public.html",
        {
            "initiative": initiative,
            "can_edit": permissions.can_edit_initiative(request.user, initiative),
            "can_decide": permissions.can_decide_pilot(request.user),
            "can_view_decision": permissions.can_view_pilot_decision(request.user, initiative),
            "team": selectors.team_for_viewer(user=request.user, initiative=initiative),
            "can_link": permissions.can_create_initiative(request.user),
            "cross_system": selectors.cross_system(initiative),
            "pilots": pilots,
            "today": timezone.localdate(),
            "stage_labels": [(s, Stage(s).label) for s in initiative.stages],
        },
    )


@login_required
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    initial = {
        **{name: getattr(initiative, name) for name in services.FIELDS},
        **{name: getattr(initiative, name).all() for name in services.RELATIONS},
    }
    form = InitiativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(actor=request.user, initiative=initiative, data=_data(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Initiative updated")
            return redirect(initiative)
    return render(
        request,
        "initiatives/initiative_form.html",
        {
            "form": form,
            "initiative": initiative,
            "title": "Change the initiative",
            "button": "Save changes",
        },
    )


@login_required
def initiative_sources(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    if not permissions.can_create_initiative(request.user):
        raise PermissionDenied
    form = SourcesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_add_sources(
                actor=request.user,
                initiative=initiative,
                ideas=form.cleaned_data["ideas"],
                challenges=form.cleaned_data["challenges"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Sources linked")
            return redirect(initiative)
    return render(
        request,
        "initiatives/part_form.html",
        {
            "form": form,
            "initiative": initiative,
            "title": "Link ideas and challenges",
            "button": "Link them",
        },
    )


def _part(initiative: Initiative, kind: str, part_pk: int | None):  # type: ignore[no-untyped-def]
    if kind not in PARTS:
        raise Http404
    form_class = PARTS[kind][0]
    model = form_class._meta.model
    if part_pk is None:
        return form_class, None
    part = model.objects.filter(initiative=initiative, pk=part_pk).first()
    if part is None:
        raise Http404
    return form_class, part


@login_required
def part_edit(request: HttpRequest, pk: int, kind: str, part_pk: int | None = None) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    form_class, part = _part(initiative, kind, part_pk)
    _, singular, anchor = PARTS[kind]
    form = form_class(
        request.POST or None, instance=part, initiative=initiative, actor=request.user
    )
    if request.method == "POST" and form.is_valid():
        relations = {name: form.cleaned_data[name] for name in form_class.relations}
        try:
            services.part_save(
                actor=request.user,
                initiative=initiative,
                part=form.save(commit=False),
                relations=relations,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{singular[0].upper()}{singular[1:]} saved")
            return redirect(initiative.get_absolute_url() + f"#{anchor}")
    verb = "Change the" if part else "Add a"
    return render(
        request,
        "initiatives/part_form.html",
        {
            "form": form,
            "initiative": initiative,
            "title": f"{verb} {singular}",
            "button": "Save",
            "cancel": initiative.get_absolute_url() + f"#{anchor}",
            "delete_url": reverse("initiatives:part_delete", args=[initiative.pk, kind, part.pk])
            if part
            else "",
        },
    )


@login_required
def part_delete(request: HttpRequest, pk: int, kind: str, part_pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    _, part = _part(initiative, kind, part_pk)
    _, singular, anchor = PARTS[kind]
    error = ""
    if request.method == "POST":
        try:
            services.part_delete(actor=request.user, initiative=initiative, part=part)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"{singular[0].upper()}{singular[1:]} removed")
            return redirect(initiative.get_absolute_url() + f"#{anchor}")
    return render(
        request,
        "initiatives/part_delete.html",
        {"initiative": initiative, "part": part, "singular": singular, "error": error},
    )


# --- measures -----------------------------------------------------------------------------


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


def _measure_context(request: HttpRequest, measure, **forms) -> dict[str, object]:  # type: ignore[no-untyped-def]
    result = selectors.measure_spc(measure)
    observations = list(measure.observations.all())
    rows = []
    points = iter(result.points if result else [])
    charted = {o.pk for o in selectors.measure_charted_observations(measure)}
    for observation in observations:
        if observation.pk not in charted:
            # stored before the limits were checked: listed (so it can be removed), not drawn
            rows.append({"observation": observation, "special_cause_label": "Not charted"})
            continue
        point = next(points)
        label = ""
        if point.special_cause:
            label = f"{SPECIAL_CAUSE_LABELS[point.special_cause]}: {RULE_LABELS[point.rule]}"
        rows.append(
            {
                "observation": observation,
                "point": point,
                "segment": result.segments[point.segment],  # type: ignore[union-attr]
                "special_cause_label": label,
            }
        )
    markers = [
        (c.starts_on, "pdsa", f"PDSA {n}: {c.title}")
        for n, c in enumerate(measure.pdsa_cycles.all(), start=1)
    ] + [(r.on, "rebase", f"Re-baselined: {r.reason}") for r in measure.rebases.all()]
    can_edit = permissions.can_edit_initiative(request.user, measure.initiative)
    return {
        "measure": measure,
        "target": selectors.measure_target(measure),
        "initiative": measure.initiative,
        "result": result,
        "summary": result.summary() if result else "",
        "chart": charts.xmr_chart(result, markers=markers) if result else None,
        "observations": observations,
        "rows": rows,
        "variation_label": VARIATION_LABELS.get(result.variation, "") if result else "",
        "assurance_label": ASSURANCE_LABELS.get(result.assurance or "", "") if result else "",
        "can_edit": can_edit,
        "observation_form": forms.get("observation_form") or ObservationForm(),
        "import_form": forms.get("import_form") or ObservationImportForm(),
        "rebase_form": forms.get("rebase_form") or RebaseForm(),
        "form": next((f for f in forms.values() if f.errors), None),
    }


def measure_detail(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = selectors.measure_get_for_user(user=request.user, initiative_pk=pk, pk=measure_pk)
    return render(request, "initiatives/measure_detail.html", _measure_context(request, measure))


def _measure_for_editor(request: HttpRequest, pk: int, measure_pk: int):  # type: ignore[no-untyped-def]
    measure = selectors.measure_get_for_user(user=request.user, initiative_pk=pk, pk=measure_pk)
    if not permissions.can_edit_initiative(request.user, measure.initiative):
        raise Http404
    return measure


@login_required
@require_POST
def observation_add(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    form = ObservationForm(request.POST)
    if form.is_valid():
        try:
            services.observations_add(
                actor=request.user,
                measure=measure,
                rows=[(1, form.cleaned_data["on"], form.cleaned_data["value"])],
            )
        except ValidationError as error:
            form.add_error("on", [m.removeprefix("Row 1: ") for m in error.messages])
        else:
            messages.success(request, "Value added")
            return redirect(measure)
    return render(
        request,
        "initiatives/measure_detail.html",
        _measure_context(request, measure, observation_form=form),
        status=400,
    )


@login_required
def observation_import(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    if request.method != "POST":
        return redirect(measure.get_absolute_url() + "#import")
    form = ObservationImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            rows = imports.read_csv(form.cleaned_data["file"])
            added = services.observations_add(actor=request.user, measure=measure, rows=rows)
        except ValidationError as error:
            form.add_error(
                "file",
                error.messages[:50]
                + (
                    [f"and {len(error.messages) - 50} more rows"]
                    if len(error.messages) > 50
                    else []
                ),
            )
        else:
            messages.success(request, f"{added} value{'s' if added != 1 else ''} added")
            return redirect(measure)
    return render(
        request,
        "initiatives/measure_detail.html",
        _measure_context(request, measure, import_form=form),
        status=400,
    )


@login_required
@require_POST
def observation_delete(
    request: HttpRequest, pk: int, measure_pk: int, observation_pk: int
) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    services.observation_delete(actor=request.user, measure=measure, observation_id=observation_pk)
    messages.success(request, "Value removed")
    return redirect(measure.get_absolute_url() + "#data")


@login_required
@require_POST
def rebase_add(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    form = RebaseForm(request.POST)
    if form.is_valid():
        try:
            services.rebase_add(actor=request.user, measure=measure, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Chart re-baselined")
            return redirect(measure)
    return render(
        request,
        "initiatives/measure_detail.html",
        _measure_context(request, measure, rebase_form=form),
        status=400,
    )


@login_required
@require_POST
def rebase_delete(request: HttpRequest, pk: int, measure_pk: int, rebase_pk: int) -> HttpResponse:
    measure = _measure_for_editor(request, pk, measure_pk)
    services.rebase_delete(actor=request.user, measure=measure, rebase_id=rebase_pk)
    messages.success(request, "Re-baseline removed")
    return redirect(measure)


# --- pilots -------------------------------------------------------------------------------


@login_required
def pilot_decide(request: HttpRequest, pk: int, pilot_pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    if not permissions.can_decide_pilot(request.user):
        raise PermissionDenied
    pilot = Pilot.objects.filter(initiative=initiative, pk=pilot_pk).first()
    if pilot is None:
        raise Http404
    form = PilotDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pilot_decide(actor=request.user, pilot=pilot, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Decision recorded and the team told")
            return redirect(initiative.get_absolute_url() + f"#pilot-{pilot.pk}")
    return render(
        request,
        "initiatives/pilot_decision.html",
        {"form": form, "initiative": initiative, "pilot": pilot},
    )
