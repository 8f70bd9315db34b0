"""Lets the Hub Team edit redesign programmes, phases and programme goals in the admin."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

MODELS = ["redesignprogramme", "redesignphase", "programmegoal"]


def grant(apps, schema_editor):
    grant_model_permissions(
        apps,
        group_name="Hub Team",
        app_label="initiatives",
        codenames=[f"{verb}_{model}" for verb in ("add", "change", "delete", "view") for model in MODELS],
    )


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial"), ("accounts", "0002_role_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
