"""Seeds the idea statuses (the Hub Team may add more) and lets the Hub Team run
campaigns and edit statuses in the admin."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

# slug, name, description, colour, is_open, requires_reason, is_selectable
STATUSES = [
    ("new", "New", "Waiting to be read by the Improvement Hub Team.", "grey", True, False, True),
    ("under-review", "Under review", "The Hub Team is looking into it.", "blue", True, False, True),
    ("shortlisted", "Shortlisted", "Picked out for a closer look or a campaign decision.", "light-blue", True, False, True),
    ("taken-forward", "Taken forward", "Becoming an improvement or Lab initiative.", "green", False, False, True),
    ("quick-win", "Done as a quick win", "The service has made the change.", "turquoise", False, False, True),
    ("not-taken-forward", "Not taken forward", "Not going ahead, with the reason given.", "red", False, True, True),
    ("merged", "Merged", "Merged into another idea that covers the same ground.", "purple", False, False, False),
]


def seed(apps, schema_editor):
    IdeaStatus = apps.get_model("ideas", "IdeaStatus")
    for position, (slug, name, description, colour, is_open, reason, selectable) in enumerate(STATUSES):
        IdeaStatus.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name, "description": description, "colour": colour, "position": position,
                "is_open": is_open, "requires_reason": reason, "is_selectable": selectable,
            },
        )
    grant_model_permissions(
        apps,
        group_name="Hub Team",
        app_label="ideas",
        codenames=[f"{verb}_{model}" for verb in ("add", "change", "delete", "view")
                   for model in ("campaign", "ideastatus")],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0001_initial"),
        ("accounts", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
