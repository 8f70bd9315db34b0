"""Guards at the edge of the ORM and the admin for ids no database row can have.

Both turn a request with a nonsense id into the form error it deserves instead of a 500:
- ``IntegerIn``: SQLite raises ``OverflowError`` for ``pk__in=[10**20]`` (Django guards
  ``exact``, ``gt`` and friends, not ``in``), which every multiple-choice form field and
  admin filter runs with what was posted. A number the column cannot hold matches no row,
  so it is dropped from the list (an empty list matches nothing, as Django's ``in`` does).
- ``chooser_get_instance``: Wagtail's chooser widget, redrawing a form whose posted id is
  not a number (``^x``), looks it up and raises ``ValueError``; it now shows no choice, and
  the form's own error says what is wrong.
"""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import IntegerField
from django.db.models.lookups import In
from django.db.models.sql.compiler import SQLCompiler


class IntegerIn(In):
    def process_rhs(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper
    ) -> tuple[str, tuple[str | int, ...]]:
        if self.rhs_is_direct_value():
            internal_type = self.lhs.output_field.get_internal_type()
            low, high = connection.ops.integer_field_range(internal_type)
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerIn)

    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.get_instance

    def chooser_get_instance(self: BaseChooser, value: Any) -> Any:
        try:
            return original(self, value)
        except (ValueError, TypeError, OverflowError):
            return None

    BaseChooser.get_instance = chooser_get_instance
