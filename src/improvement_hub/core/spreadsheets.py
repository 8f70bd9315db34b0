"""CSV and XLSX downloads of table rows, safe to open in a spreadsheet."""

import csv
import re
from collections.abc import Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

from improvement_hub.core.validators import strip_control_characters

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def safe_cell(value: object) -> object:
    """Stops a spreadsheet treating text as a formula (CSV injection), and drops control
    characters (stored before forms and the API refused them), which XLSX cannot hold
    and which would break the whole file for one row."""
    if not isinstance(value, str):
        return value
    value = strip_control_characters(value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[object]]
) -> StreamingHttpResponse:
    """Streams rows as UTF-8 CSV (with a BOM so Excel reads it), every cell made safe."""

    def lines() -> Iterable[str]:
        writer = csv.writer(_Echo())
        yield writer.writerow(["\ufeff" + headers[0], *headers[1:]])
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(
    *, filename: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence[object]]
) -> HttpResponse:
    """One worksheet of rows, every text cell made safe. The sheet's name loses the
    characters Excel refuses in one (``: \\ / ? * [ ]``) and is cut to its 31 characters."""
    workbook = Workbook(write_only=True)
    name = " ".join(re.sub(r"[:\\/?*\[\]]", " ", sheet).split())[:31].strip() or "Sheet"
    worksheet = workbook.create_sheet(name)
    worksheet.append(list(headers))
    for row in rows:
        worksheet.append([safe_cell(cell) for cell in row])
    response = HttpResponse(content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    workbook.save(response)
    return response
