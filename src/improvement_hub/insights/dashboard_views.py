"""The Leadership and Hub Team dashboard: the page, each table as CSV or XLSX, the board pack."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import urlencode

from improvement_hub.core.spreadsheets import csv_response, xlsx_response
from improvement_hub.insights import permissions, selectors
from improvement_hub.insights.forms import DashboardFilterForm

REFUSAL = "Only Leadership and the Improvement Hub Team can see the insights dashboard"


def _context(request: HttpRequest) -> dict[str, object]:
    if not permissions.can_view_dashboard(request.user):
        raise PermissionDenied(REFUSAL)
    form = DashboardFilterForm(request.GET or None)
    period, priority, directorate = form.choice()
    board = selectors.dashboard(
        period=period,
        priority=priority,
        directorate=directorate,
        priorities=form.priority_names,
        directorates=form.directorate_names,
    )
    query = urlencode(
        {"period": period.slug, "priority": priority or "", "directorate": directorate or ""}
    )
    return {"form": form, "dashboard": board, "scope": form.describe(), "query": query}


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "insights/dashboard.html", _context(request))


@login_required
def table_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """One table of the dashboard, for the same period and filters, as CSV or XLSX."""
    context = _context(request)
    board = context["dashboard"]
    assert isinstance(board, selectors.Dashboard)  # noqa: S101  # built just above
    table = board.table(slug)
    filename = f"insights-{slug}-{board.period.slug}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(
            filename=filename, sheet=table.title, headers=table.headers, rows=table.rows
        )
    return csv_response(filename=filename, headers=table.headers, rows=table.rows)


@login_required
def board_pack(request: HttpRequest) -> HttpResponse:
    """The whole dashboard for the period as one PDF (WeasyPrint), for a board meeting."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # WeasyPrint ships no types

    context = _context(request)
    html = render_to_string("insights/dashboard_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    board = context["dashboard"]
    assert isinstance(board, selectors.Dashboard)  # noqa: S101  # built just above
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="board-pack-{board.period.slug}-{board.period.end:%Y-%m-%d}.pdf"'
    )
    return response
