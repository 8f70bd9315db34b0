"""Reading a measure's values from an uploaded CSV file. Nothing is written here: the rows
go to ``services.observations_add``, which adds all of them or none."""

import csv
import io
import math
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_BYTES = 1024 * 1024
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
DATE_HEADERS = {"date", "day", "week", "month", "period"}
VALUE_HEADERS = {"value", "count", "number", "measure", "result"}


def parse_date(text: str) -> date | None:
    text = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


def parse_value(text: str) -> float | None:
    text = text.strip().replace(",", "").removesuffix("%").strip()
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def read_csv(upload: UploadedFile) -> list[tuple[int, date | None, float | None]]:
    """(row number, date, value) for each data row; a file-level problem raises at once."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError("The file must be smaller than 1 MB")
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise ValidationError("The file must be smaller than 1 MB")
    if b"\x00" in raw:
        raise ValidationError("The file must be a CSV file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise ValidationError("The file must be a CSV file saved as UTF-8") from None
    try:
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise ValidationError("The file must be a CSV file") from None
    # keep the file's own row numbers for the error messages; skip blank lines
    numbered = [(n, row) for n, row in enumerate(table, start=1) if any(c.strip() for c in row)]
    if not numbered:
        raise ValidationError("The selected file is empty")
    header = [cell.strip().lower() for cell in numbered[0][1]]
    date_col = next((i for i, name in enumerate(header) if name in DATE_HEADERS), None)
    value_col = next((i for i, name in enumerate(header) if name in VALUE_HEADERS), None)
    if date_col is None or value_col is None:
        raise ValidationError(
            "The first row must name the columns ‘date’ and ‘value’, for example: date,value"
        )
    rows: list[tuple[int, date | None, float | None]] = []
    for number, row in numbered[1:]:
        cells = row + [""] * (max(date_col, value_col) + 1 - len(row))
        rows.append((number, parse_date(cells[date_col]), parse_value(cells[value_col])))
    if not rows:
        raise ValidationError("The file has a header row but no values")
    return rows
