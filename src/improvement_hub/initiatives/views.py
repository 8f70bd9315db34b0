"""An initiative's pages: start, read, change, its parts and its pilots' decisions.
Parse, call a selector or service, render. (The portfolio is in portfolio_views, the
measures in measure_views.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from improvement_hub.accounts.types import SignedInRequest
from improvement_hub.core.forms import render_form, submit
from improvement_hub.core.search import query_id
from improvement_hub.ideas import selectors as ideas
from improvement_hub.initiatives import permissions, selectors, services
from improvement_hub.initiatives.forms import InitiativeForm, PilotDecisionForm, SourcesForm
from improvement_hub.initiatives.models import Initiative, InitiativePart, Stage, Strand
from improvement_hub.initiatives.part_forms import PARTS, PartForm


def _start_initial(request: HttpRequest) -> tuple[dict[str, object], dict[str, object]]:
    """The form's first answers: from the idea in ``?idea=`` when it is one everyone sees,
    every answer of the idea that has a place in an initiative."""
    initial: dict[str, object] = {
        "strand": Strand.IMPROVEMENT_TEAM,
        "method": "model_for_improvement",
    }
    number = query_id(request.GET.get("idea"))
    idea = ideas.idea_get_public(idea_id=number) if number is not None else None
    if idea is None:
        return initial, {}
    initial.update(services.initiative_answers_from_idea(idea))
    return initial, {"ideas": str(idea.pk)}


@login_required
def initiative_create(request: SignedInRequest) -> HttpResponse:
    if not permissions.can_create_initiative(request.user):
        raise PermissionDenied
    initial, source_initial = _start_initial(request)
    form = InitiativeForm(request.POST or None, initial=initial)
    sources = SourcesForm(request.POST or None, initial=source_initial)
    if request.method == "POST" and form.is_valid() and sources.is_valid():
        initiative = submit(
            form,
            lambda: services.initiative_create(
                actor=request.user,
                data=services.InitiativeData.from_answers(form.cleaned_data),
                source_ideas=sources.cleaned_data["ideas"],
                source_challenges=sources.cleaned_data["challenges"],
            ),
        )
        if initiative is not None:
            messages.success(request, f"Initiative ‘{initiative.title}’ started")
            return redirect(initiative)
    context = {"form": form, "sources": sources, "title": "Start an initiative"}
    return render_form(
        request, "initiatives/initiative_form.html", {**context, "button": "Start the initiative"}
    )


def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    workings = permissions.can_view_initiative_workings(request.user, initiative)
    pilots = [
        (pilot, *selectors.pilot_fit(pilot), permissions.can_decide_pilot(request.user, pilot))
        for pilot in initiative.pilots.all()
    ]
    return render(
        request,
        "initiatives/initiative_detail.html" if workings else "initiatives/initiative_public.html",
        {
            "initiative": initiative,
            "can_edit": permissions.can_edit_initiative(request.user, initiative),
            "can_view_decision": permissions.can_view_pilot_decision(request.user, initiative),
            "team": selectors.team_for_viewer(user=request.user, initiative=initiative),
            "can_link": permissions.can_create_initiative(request.user),
            "cross_system": selectors.cross_system(initiative),
            "pilots": pilots,
            "stage_labels": [(s, Stage(s).label) for s in initiative.stages],
            "can_follow": permissions.can_follow_initiative(request.user, initiative),
            "following": selectors.initiative_is_followed(user=request.user, initiative=initiative),
        },
    )


@login_required
def initiative_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    initial = {
        **{name: getattr(initiative, name) for name in services.FIELDS},
        **{name: getattr(initiative, name).all() for name in services.RELATIONS},
    }
    form = InitiativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = services.InitiativeData.from_answers(form.cleaned_data)
        if submit(
            form,
            lambda: services.initiative_update(
                actor=request.user, initiative=initiative, data=data
            ),
        ):
            messages.success(request, "Initiative updated")
            return redirect(initiative)
    context = {"form": form, "initiative": initiative, "title": "Change the initiative"}
    return render_form(
        request, "initiatives/initiative_form.html", {**context, "button": "Save changes"}
    )


@login_required
def initiative_sources(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    if not permissions.can_create_initiative(request.user):
        raise PermissionDenied
    form = SourcesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answers = form.cleaned_data
        linked = submit(
            form,
            lambda: services.initiative_add_sources(
                actor=request.user,
                initiative=initiative,
                ideas=answers["ideas"],
                challenges=answers["challenges"],
            ),
        )
        if linked:
            messages.success(request, "Sources linked")
            return redirect(initiative)
    context = {"form": form, "initiative": initiative, "title": "Link ideas and challenges"}
    return render_form(request, "initiatives/part_form.html", {**context, "button": "Link them"})


def _sentence(words: str) -> str:
    """Words as the start of a sentence: a capital first letter, the rest as they are."""
    return words[:1].upper() + words[1:]


def _part(
    initiative: Initiative, kind: str, part_pk: int | None
) -> tuple[type[PartForm], InitiativePart | None]:
    if kind not in PARTS:
        raise Http404
    form_class = PARTS[kind][0]
    if part_pk is None:
        return form_class, None
    part = form_class._meta.model.objects.filter(initiative=initiative, pk=part_pk).first()
    if part is None:
        raise Http404
    return form_class, part


def _part_context(
    initiative: Initiative, kind: str, part: InitiativePart | None
) -> dict[str, object]:
    singular, anchor = PARTS[kind][1:]
    return {
        "initiative": initiative,
        "title": f"{'Change the' if part else 'Add a'} {singular}",
        "button": "Save",
        "cancel": initiative.get_absolute_url() + f"#{anchor}",
        "delete_url": reverse("initiatives:part_delete", args=[initiative.pk, kind, part.pk])
        if part
        else "",
    }


@login_required
def part_edit(
    request: SignedInRequest, pk: int, kind: str, part_pk: int | None = None
) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    if kind == "training":
        # training requirements have their own pages (the Academy's course, who, how many,
        # needed by: validated and audited there)
        if part_pk is None:
            return redirect("initiatives:training_add", pk=initiative.pk)
        return redirect("initiatives:training_edit", pk=initiative.pk, requirement_pk=part_pk)
    form_class, part = _part(initiative, kind, part_pk)
    form = form_class(
        request.POST or None, instance=part, initiative=initiative, actor=request.user
    )
    if request.method == "POST" and form.is_valid():
        relations = {name: form.cleaned_data[name] for name in form_class.relations}
        changed = form.save(commit=False)
        if submit(
            form,
            lambda: services.part_save(
                actor=request.user, initiative=initiative, part=changed, relations=relations
            ),
        ):
            messages.success(request, f"{_sentence(PARTS[kind][1])} saved")
            return redirect(initiative.get_absolute_url() + f"#{PARTS[kind][2]}")
    return render_form(
        request,
        "initiatives/part_form.html",
        {"form": form, **_part_context(initiative, kind, part)},
    )


@login_required
def part_delete(request: SignedInRequest, pk: int, kind: str, part_pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_editor(user=request.user, pk=pk)
    _, part = _part(initiative, kind, part_pk)
    assert part is not None  # noqa: S101  # _part has a part for a part_pk or raised 404
    _, singular, anchor = PARTS[kind]
    error = ""
    if request.method == "POST":
        try:
            services.part_delete(actor=request.user, initiative=initiative, part=part)
        except ValidationError as refused:  # shown on the confirmation page, not a form
            error = " ".join(refused.messages)
        else:
            messages.success(request, f"{_sentence(singular)} removed")
            return redirect(initiative.get_absolute_url() + f"#{anchor}")
    return render(
        request,
        "initiatives/part_delete.html",
        {"initiative": initiative, "part": part, "singular": singular, "error": error},
    )


@login_required
def pilot_decide(request: SignedInRequest, pk: int, pilot_pk: int) -> HttpResponse:
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    if not permissions.can_decide_pilots(request.user):
        raise PermissionDenied
    pilot = next((p for p in initiative.pilots.all() if p.pk == pilot_pk), None)
    if pilot is None:
        raise Http404
    form = PilotDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        answers = form.cleaned_data
        if submit(form, lambda: services.pilot_decide(actor=request.user, pilot=pilot, **answers)):
            messages.success(request, "Decision recorded and the team told")
            return redirect(initiative.get_absolute_url() + f"#pilot-{pilot.pk}")
    return render_form(
        request,
        "initiatives/pilot_decision.html",
        {"form": form, "initiative": initiative, "pilot": pilot},
    )


@login_required
@require_POST
def initiative_follow(request: SignedInRequest, pk: int) -> HttpResponse:
    """Follow or stop following (``action=unfollow``) an initiative; back to its page."""
    initiative = selectors.initiative_get_for_user(user=request.user, pk=pk)
    if request.POST.get("action") == "unfollow":
        services.initiative_unfollow(user=request.user, initiative=initiative)
        messages.success(request, "You have stopped following this initiative")
    else:
        services.initiative_follow(user=request.user, initiative=initiative)
        messages.success(request, "You are following this initiative")
    return redirect(initiative.get_absolute_url() + "#follow")
