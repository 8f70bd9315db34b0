"""Seeds the council's four priorities (editable afterwards) and lets the Hub Team edit
the reference data in the admin; Leadership may view it."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

PRIORITIES = [
    ("children", "Children", "Children and young people are safe, healthy and do well."),
    ("jobs-and-skills", "Jobs and skills", "People have the skills and jobs to share in growth."),
    ("housing", "Housing", "Everyone has a safe, warm and affordable home."),
    ("health", "Health", "People live longer, healthier and more independent lives."),
]
MODELS = ["priority", "directorate", "service", "organisation"]


def seed(apps, schema_editor):
    Priority = apps.get_model("council", "Priority")
    for position, (slug, name, description) in enumerate(PRIORITIES, start=1):
        Priority.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    grant_model_permissions(
        apps,
        group_name="Hub Team",
        app_label="council",
        codenames=[f"{verb}_{model}" for verb in ("add", "change", "delete", "view") for model in MODELS],
    )
    grant_model_permissions(
        apps, group_name="Leadership", app_label="council", codenames=[f"view_{m}" for m in MODELS]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("council", "0001_initial"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
