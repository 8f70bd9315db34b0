"""The public results ("You said, we did"): the list by council priority, a page per
published initiative, and the open data (CSV and JSON). Anyone may read them, signed in or
not, and everyone sees the same: published initiatives and public items only."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone

from improvement_hub.core.pagination import page_of
from improvement_hub.core.spreadsheets import csv_response
from improvement_hub.insights import results_opendata as opendata
from improvement_hub.insights import results_selectors as selectors

# RFC 8288's registered "license" relation: the licence travels with every download.
LICENCE_LINK = f'<{selectors.LICENCE_URL}>; rel="license"'


def _licensed(response: HttpResponseBase) -> HttpResponseBase:
    response["Link"] = LICENCE_LINK
    return response


def result_list(request: HttpRequest) -> HttpResponse:
    filters = selectors.result_filter(params=request.GET)
    page = page_of(request, filters.qs, selectors.PER_PAGE)
    figures, total = selectors.priority_figures_for_page()
    query = request.GET.urlencode()
    return render(
        request,
        "insights/results/result_list.html",
        {
            "page": page,
            "filter_form": filters.form,
            "figures": figures,
            "total": total,
            "filtered": any(filters.applied.values()),
            "query": f"?{query}" if query else "",
            "licence_name": selectors.LICENCE_NAME,
            "licence_url": selectors.LICENCE_URL,
        },
    )


def result_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "insights/results/result_detail.html",
        {
            "result": selectors.result_get(pk=pk),
            "licence_name": selectors.LICENCE_NAME,
            "licence_url": selectors.LICENCE_URL,
        },
    )


def _filtered_results(request: HttpRequest) -> tuple[list[selectors.Result], dict[str, str]]:
    filters = selectors.result_filter(params=request.GET)
    return selectors.result_list_in_full(filters.qs), filters.applied


def _stamp() -> str:
    return timezone.localdate().isoformat()


def data_csv(request: HttpRequest) -> HttpResponseBase:
    results, _ = _filtered_results(request)
    base = request.build_absolute_uri("/")
    return _licensed(
        csv_response(
            filename=f"results-{_stamp()}.csv",
            headers=opendata.RESULT_HEADERS,
            rows=opendata.result_rows(results, base=base),
        )
    )


def figures_csv(request: HttpRequest) -> HttpResponseBase:
    results, _ = _filtered_results(request)
    figures, total = selectors.result_figures(results)
    return _licensed(
        csv_response(
            filename=f"results-figures-{_stamp()}.csv",
            headers=opendata.FIGURE_HEADERS,
            rows=opendata.figure_rows([*figures, total]),
        )
    )


def measures_csv(request: HttpRequest) -> HttpResponseBase:
    results, _ = _filtered_results(request)
    return _licensed(
        csv_response(
            filename=f"results-measures-{_stamp()}.csv",
            headers=opendata.MEASURE_HEADERS,
            rows=opendata.measure_rows(results),
        )
    )


def data_json(request: HttpRequest) -> HttpResponseBase:
    results, applied = _filtered_results(request)
    figures, total = selectors.result_figures(results)
    document = opendata.open_data_document(
        results=results,
        figures=figures,
        total=total,
        filters=applied,
        base=request.build_absolute_uri("/"),
    )
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return _licensed(response)
