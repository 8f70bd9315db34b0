"""Indexes in the triage inbox's order (``selectors.INBOX_ORDER``), so that its pages read
25 index entries instead of sorting every referral (docs/performance.md, "Innovation Lab
triage under load"): one over confirmed referrals (status "all" and deep pages), a small
one over open referrals (the default view).

PostgreSQL only: the order puts referrals not yet acknowledged first (``NULLS FIRST``),
which SQLite sorts by but cannot index; on SQLite this does nothing.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

ORDER = '"acknowledged_at" ASC NULLS FIRST, "decide_by" ASC, "received_at" ASC, "id" ASC'
INDEXES = {
    "lab_referral_triage_idx": "NOT (\"status\" = 'unconfirmed')",
    "lab_referral_open_triage_idx": "\"status\" IN ('new', 'acknowledged', 'more_info')",
}


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, condition in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON "lab_referral" ({ORDER}) WHERE {condition}'
        )


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("lab", "0002_message_templates_and_permissions"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
