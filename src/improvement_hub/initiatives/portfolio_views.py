"""The portfolio's five pages and its download, all filtered by ``PortfolioFilterSet``."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from improvement_hub.core.pagination import page_of
from improvement_hub.council import selectors as council
from improvement_hub.council.choices import ChangeScale
from improvement_hub.initiatives import charts, exports, permissions, selectors

VIEWS = [
    ("initiatives:portfolio", "List"),
    ("initiatives:board", "Board"),
    ("initiatives:spectrum", "Spectrum"),
    ("initiatives:timeline", "Timeline"),
    ("initiatives:summary", "Summary"),
]
PER_PAGE = 25


def _portfolio_context(request: HttpRequest, view_name: str) -> dict[str, Any]:
    filterset = selectors.portfolio_filter(user=request.user, params=request.GET)
    staff_view = permissions.can_view_all_initiatives(request.user)
    return {
        "filters": filterset.values,
        "initiatives": filterset.qs,
        "views": VIEWS,
        "current_view": view_name,
        **filterset.choice_lists,
        "priorities": council.priority_list_active(),
        "directorates": council.directorate_list(),
        "goals": selectors.goal_progress_list(user=request.user),
        "can_create": permissions.can_create_initiative(request.user),
        "can_export": staff_view,
        "staff_view": staff_view,
    }


def portfolio(request: HttpRequest) -> HttpResponse:
    context = _portfolio_context(request, "initiatives:portfolio")
    context["page"] = page_of(request, context["initiatives"], PER_PAGE)
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
def export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if not permissions.can_view_all_initiatives(request.user) or fmt not in ("csv", "xlsx"):
        raise Http404
    initiatives = selectors.portfolio_filter(user=request.user, params=request.GET).qs
    return exports.initiatives_export(initiatives, fmt=fmt)
