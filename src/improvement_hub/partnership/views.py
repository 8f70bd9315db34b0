"""The public pages: the decision register (HTML and PDF) and the transparency data."""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from improvement_hub.core.pagination import page_of
from improvement_hub.core.spreadsheets import csv_response
from improvement_hub.partnership import permissions, selectors
from improvement_hub.partnership.filters import DecisionFilter


def decision_list(request: HttpRequest) -> HttpResponse:
    queryset = selectors.decision_list_for_user(user=request.user)
    filters = DecisionFilter(request.GET, queryset=queryset)
    page = page_of(request, filters.qs, 20)
    context = {"page": page, "filter_form": filters.form}
    return render(request, "partnership/decision_list.html", context)


def _decision_context(request: HttpRequest, pk: int) -> dict[str, object]:
    decision = selectors.decision_get_for_user(user=request.user, pk=pk)
    return {
        "decision": decision,
        "check": selectors.decision_check(decision),
        "show_budget_code": selectors.decision_shows_budget_code(user=request.user),
        "quotations": list(decision.quotations.all()),
        "can_draft": permissions.can_draft_decision(request.user),
        "actions": selectors.decision_actions(user=request.user, decision=decision),
    }


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    context = _decision_context(request, pk)
    return render(request, "partnership/decision_detail.html", context)


def decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision as a PDF laid out like the paper form (WeasyPrint)."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # WeasyPrint ships no types

    context = _decision_context(request, pk)
    html = render_to_string("partnership/decision_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    decision = context["decision"]
    response["Content-Disposition"] = f'inline; filename="decision-{decision.pk}.pdf"'  # type: ignore[attr-defined]  # a Decision
    return response


def transparency(request: HttpRequest) -> HttpResponse:
    context = {
        "contracts": [
            list(zip(selectors.CONTRACT_COLUMNS, row, strict=True))
            for row in selectors.contracts_register_rows()
        ],
        "spend_columns": selectors.SPEND_COLUMNS,
        "spend": selectors.spend_rows(),
        "files": selectors.transparency_files(),
    }
    return render(request, "partnership/transparency.html", context)


def contracts_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows = selectors.contracts_register_rows()
    return csv_response(
        filename="contracts-register.csv", headers=selectors.CONTRACT_COLUMNS, rows=rows
    )


def spend_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows = selectors.spend_rows()
    return csv_response(filename="spend-over-500.csv", headers=selectors.SPEND_COLUMNS, rows=rows)


def transparency_file(request: HttpRequest, pk: int) -> HttpResponse:
    row = selectors.transparency_file_get(pk=pk)
    response = HttpResponse(row.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{row.kind}-{row.quarter}.csv"'
    return response
