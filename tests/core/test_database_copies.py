"""The suite's copies of the demo (tests/database_copies.py) put back what loading it
writes: a test that gets the demo from a copy sees the same rows as one that loads it."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from tests import database_copies
from tests.accounts.factories import UserFactory
from tests.database_copies import demo_for_module


def _rows_per_table() -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608  (introspected)
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_demo_put_back_from_its_copy_has_the_rows_of_the_demo_loaded():
    migrated = _rows_per_table()
    with transaction.atomic():
        call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        loaded = _rows_per_table()
        transaction.set_rollback(True)
    with demo_for_module():  # the first in this process is loaded and kept
        pass
    put_back = database_copies.demo_copies_put_back
    with demo_for_module():
        assert database_copies.demo_copies_put_back == put_back + 1, "not put back"
        copied = _rows_per_table()
        UserFactory()  # the sequences are past the demo's rows: a new row has a new id
    assert {t: n for t, n in copied.items() if n != loaded[t]} == {}
    assert _rows_per_table() == migrated  # and the module's end leaves none of it


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_copy_put_back_is_not_matched_as_an_earlier_module_changed_it():
    """A copy has the ids and times of the demo an earlier module changed (and rolled
    back); this process's similarity index must not keep what that module wrote."""
    from django.utils import timezone

    from improvement_hub.lab import similarity
    from improvement_hub.lab.models import UNSEARCHABLE_STATUSES, Referral

    words = "zebra marmalade helicopter lighthouse"
    with demo_for_module():
        with transaction.atomic():
            referral = Referral.objects.exclude(status__in=UNSEARCHABLE_STATUSES).first()
            Referral.objects.filter(pk=referral.pk).update(
                problem=words, affected_who=words, updated_at=timezone.now()
            )
            assert referral.pk in [m.id for m in similarity.similar(words)]
            transaction.set_rollback(True)
    with demo_for_module():
        assert referral.pk not in [m.id for m in similarity.similar(words)]
