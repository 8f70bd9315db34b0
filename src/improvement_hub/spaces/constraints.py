"""An exclusion constraint that exists only on PostgreSQL.

SQLite has no exclusion constraints; there the same rule is kept by the booking service
in a serialised (``BEGIN IMMEDIATE``) transaction (docs/decisions/0017-booking-overlaps.md).
The constraint stays in the model's ``Meta`` so migrations track it on both databases;
on SQLite it simply writes no SQL.
"""

from typing import Any

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField
from django.db.models import Func


class TsTzRange(Func):
    """``tstzrange(start, end, '[)')``: a half-open range, so adjacent bookings never
    overlap."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class PostgresExclusionConstraint(ExclusionConstraint):
    """``ExclusionConstraint`` on PostgreSQL; nothing on other databases."""

    def _is_postgres(self, schema_editor: Any) -> bool:
        return bool(schema_editor.connection.vendor == "postgresql")

    def constraint_sql(self, model: Any, schema_editor: Any) -> Any:
        return (
            super().constraint_sql(model, schema_editor)
            if self._is_postgres(schema_editor)
            else None
        )

    def create_sql(self, model: Any, schema_editor: Any) -> Any:
        return (
            super().create_sql(model, schema_editor) if self._is_postgres(schema_editor) else None
        )

    def remove_sql(self, model: Any, schema_editor: Any) -> Any:
        return (
            super().remove_sql(model, schema_editor) if self._is_postgres(schema_editor) else None
        )

    def validate(self, *args: Any, **kwargs: Any) -> None:
        # The booking service checks for a clash itself, on both databases, so it can
        # name the clashing booking; the database is the last word under races.
        return None
