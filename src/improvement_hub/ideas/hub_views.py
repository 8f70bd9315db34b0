"""Pages for the Improvement Hub Team: the review queue, answers, merging, moderation."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from improvement_hub.core.search import query_id
from improvement_hub.ideas import exports, permissions, selectors, services
from improvement_hub.ideas.forms import (
    AssignForm,
    HideForm,
    MergeForm,
    RespondForm,
    ReviewForm,
)
from improvement_hub.ideas.models import Idea
from improvement_hub.ideas.views import _add_errors, _filters_from, _page, _query_without_page


def hub_team_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in Hub Team only; others get a 404, as if the page did not exist."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        if not permissions.can_manage_ideas(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@hub_team_only
def review_queue(request: HttpRequest) -> HttpResponse:
    form, filters = _filters_from(request)
    form.fields.pop("q")
    form.fields.pop("sort")
    form.fields.pop("status")
    assign_form = AssignForm()
    # An assignee that is neither "none" nor a possible id is ignored ("Anyone" is shown).
    assignee = request.GET.get("assignee", "")
    assignee_id = query_id(assignee)
    filters.assignee = "none" if assignee == "none" else str(assignee_id or "")
    queue = selectors.idea_review_queue(filters=filters)
    page = _page(request, queue)
    return render(
        request,
        "ideas/review_queue.html",
        {
            "filter_form": form,
            "page": page,
            "now": timezone.now(),
            "querystring": _query_without_page(request),
            "hub_team": assign_form.fields["assignee"].queryset,
            "assignee": filters.assignee,
        },
    )


def _manage_context(request: HttpRequest, idea: Idea, **forms) -> dict[str, object]:  # type: ignore[no-untyped-def]
    context = selectors.idea_detail_context(user=request.user, idea=idea)
    context.update(
        idea=idea,
        respond_form=forms.get("respond_form") or RespondForm(initial={"status": idea.status.slug}),
        review_form=forms.get("review_form")
        or ReviewForm(initial={"impact": idea.impact, "effort": idea.effort}),
        assign_form=forms.get("assign_form") or AssignForm(initial={"assignee": idea.assignee_id}),
        merge_form=forms.get("merge_form") or MergeForm(),
        hide_form=forms.get("hide_form") or HideForm(),
        duplicates=selectors.idea_similar_list(text=idea.text_for_similarity, exclude=(idea.pk,)),
        form=next((f for f in forms.values() if f is not None and f.errors), None),
    )
    return context


@hub_team_only
def idea_manage(request: HttpRequest, pk: int, status: int = 200, **forms) -> HttpResponse:  # type: ignore[no-untyped-def]
    idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
    if idea.is_draft:
        raise Http404
    return render(
        request, "ideas/idea_manage.html", _manage_context(request, idea, **forms), status=status
    )


def _hub_action(form_class, form_name: str, action, success: str):  # type: ignore[no-untyped-def]
    """A POST-only Hub Team action: validate the form, call the service, report back."""

    @hub_team_only
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
        form = form_class(request.POST)
        if form.is_valid():
            try:
                result = action(request, idea, form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error) or "You cannot do that")
            else:
                messages.success(request, success)
                # after a merge, carry on with the surviving idea
                return redirect(
                    "ideas:idea_manage", pk=result.pk if isinstance(result, Idea) else pk
                )
        return idea_manage(request, pk, status=400, **{form_name: form})

    return view


idea_respond = _hub_action(
    RespondForm,
    "respond_form",
    lambda r, idea, d: services.idea_respond(
        actor=r.user, idea=idea, status=d["status"], answer=d["answer"]
    ),
    "The status and public answer have been saved. The author and followers have been told.",
)
idea_review = _hub_action(
    ReviewForm,
    "review_form",
    lambda r, idea, d: services.idea_review(
        actor=r.user, idea=idea, impact=d["impact"], effort=d["effort"], notes=d["notes"]
    ),
    "The assessment has been saved",
)
idea_assign = _hub_action(
    AssignForm,
    "assign_form",
    lambda r, idea, d: services.idea_assign(actor=r.user, idea=idea, assignee=d["assignee"]),
    "The assignee has been saved",
)
idea_hide = _hub_action(
    HideForm,
    "hide_form",
    lambda r, idea, d: services.idea_hide(actor=r.user, idea=idea, reason=d["reason"]),
    "The idea is hidden. Its author can see why.",
)


def _merge(request: HttpRequest, idea: Idea, data: dict) -> Idea:  # type: ignore[type-arg]
    target = Idea.objects.filter(pk=data["target"]).first()
    if target is None or target.is_draft:
        raise ValidationError({"target": "There is no submitted idea with that number"})
    return services.idea_merge(
        actor=request.user, source=idea, target=target, answer=data["answer"]
    )


idea_merge = _hub_action(
    MergeForm, "merge_form", _merge, "The ideas have been merged. Everyone involved has been told."
)


@hub_team_only
@require_POST
def idea_unhide(request: HttpRequest, pk: int) -> HttpResponse:
    idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
    services.idea_unhide(actor=request.user, idea=idea)
    messages.success(request, "The idea is visible again")
    return redirect("ideas:idea_manage", pk=pk)


@hub_team_only
def comment_hide(request: HttpRequest, pk: int, comment_id: int) -> HttpResponse:
    idea = selectors.idea_get_for_user(user=request.user, idea_id=pk)
    comment = selectors.comment_get(idea=idea, comment_id=comment_id)
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_hide(
            actor=request.user, comment=comment, reason=form.cleaned_data["reason"]
        )
        messages.success(request, "The comment is hidden. Its author can see why.")
        return redirect("ideas:moderation_queue")
    return render(
        request,
        "ideas/short_form.html",
        {
            "form": form,
            "idea": idea,
            "comment": comment,
            "title": "Hide a comment",
            "button": "Hide it",
        },
    )


@hub_team_only
def moderation_queue(request: HttpRequest) -> HttpResponse:
    page = _page(request, selectors.report_queue())
    return render(request, "ideas/moderation_queue.html", {"page": page, "querystring": ""})


@hub_team_only
@require_POST
def report_dismiss(request: HttpRequest, report_id: int) -> HttpResponse:
    services.report_dismiss(actor=request.user, report=selectors.report_get(report_id=report_id))
    messages.success(request, "The report has been dismissed")
    return redirect("ideas:moderation_queue")


@hub_team_only
def matrix(request: HttpRequest) -> HttpResponse:
    quadrants: dict[str, list[Idea]] = {
        "Quick win": [],
        "Major project": [],
        "Fill-in": [],
        "Not worth it": [],
    }
    for idea in selectors.idea_matrix()[:400]:
        quadrants[idea.quadrant].append(idea)  # type: ignore[index]
    return render(request, "ideas/matrix.html", {"quadrants": quadrants})


@hub_team_only
def export(request: HttpRequest, file_format: str) -> HttpResponse:
    """The filtered list as CSV or XLSX, for the Hub Team."""
    _form, filters = _filters_from(request)
    ideas = selectors.idea_list_for_export(filters=filters, limit=exports.MAX_ROWS)
    if file_format == "xlsx":
        return exports.ideas_xlsx(ideas)
    return exports.ideas_csv(ideas)
