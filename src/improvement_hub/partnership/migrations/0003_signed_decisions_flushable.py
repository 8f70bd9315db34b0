"""Signed decisions stay immutable, with two exceptions the rest of the site needs:
the signing officer's account may be erased (``signed_by`` is set to null; the officer's
name stays in the record), and on SQLite the table may be emptied (Django's test flush
deletes rows; PostgreSQL truncates, which row triggers do not see, so it keeps its guard
against deleting a signed decision)."""

from django.db import migrations, models

from improvement_hub.partnership.migrations import _triggers


def _sqlite(schema_editor) -> bool:
    return schema_editor.connection.vendor == "sqlite"


def drop_sqlite_triggers(apps, schema_editor):
    # SQLite rebuilds the table to change a constraint, and refuses while triggers name it.
    if _sqlite(schema_editor):
        for statement in _triggers.SQLITE_DROP:
            schema_editor.execute(statement)


def restore_v1(apps, schema_editor):
    if _sqlite(schema_editor):
        for statement in _triggers.sqlite(_triggers.CONTENT_V1, deletable=False):
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_triggers.postgres_function(_triggers.CONTENT_V1))


def create_v2(apps, schema_editor):
    if _sqlite(schema_editor):
        for statement in _triggers.sqlite(_triggers.CONTENT_V2, deletable=True):
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(_triggers.postgres_function(_triggers.CONTENT_V2))


class Migration(migrations.Migration):
    dependencies = [("partnership", "0002_rules_and_signed_decisions_immutable")]

    operations = [
        migrations.RunPython(drop_sqlite_triggers, restore_v1),
        migrations.RemoveConstraint(model_name="decision", name="partnership_decision_signed_recorded"),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=models.Q(state__in=["draft", "submitted", "withdrawn"])
                | models.Q(signed_on__isnull=False),
                name="partnership_decision_signed_recorded",
            ),
        ),
        migrations.RunPython(create_v2, drop_sqlite_triggers),
    ]
