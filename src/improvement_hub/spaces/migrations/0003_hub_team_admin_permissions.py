"""Lets the Hub Team edit spaces, their photos and the move plan in the admin."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

MODELS = ["space", "spacephoto", "moveplan", "movestep"]


def grant(apps, schema_editor):
    grant_model_permissions(
        apps,
        group_name="Hub Team",
        app_label="spaces",
        codenames=[
            f"{verb}_{model}" for verb in ("add", "change", "delete", "view") for model in MODELS
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("spaces", "0002_reminded_at"), ("accounts", "0002_role_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
