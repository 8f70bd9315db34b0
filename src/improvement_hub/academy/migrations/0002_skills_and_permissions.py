"""Seeds the skills framework (editable) and lets the Hub Team run the Academy in the admin."""

from django.db import migrations

from improvement_hub.core.migration_helpers import grant_model_permissions

SKILLS = [
    ("Understanding the problem", "Finding out what matters to people and why a service fails them."),
    ("Model for improvement and PDSA", "Aims, measures, change ideas and small tests of change."),
    ("Measurement for improvement", "Run charts, SPC and telling signal from noise."),
    ("Service design", "Discover, define, develop, deliver: research, prototypes and journeys."),
    ("Co-production", "Designing services with residents, staff and partners as equals."),
    ("Lean and flow", "Seeing waste, demand and flow in a process and removing what adds no value."),
    ("Coaching others", "Helping a team use improvement methods and lead their own tests."),
]
MODELS = ["course", "pathway", "pathwaystep", "session", "enrolment", "learningvisit", "skill"]


def seed(apps, schema_editor):
    Skill = apps.get_model("academy", "Skill")
    for position, (name, description) in enumerate(SKILLS):
        Skill.objects.get_or_create(
            name=name, defaults={"description": description, "position": position}
        )
    grant_model_permissions(
        apps,
        group_name="Hub Team",
        app_label="academy",
        codenames=[f"{verb}_{model}" for verb in ("add", "change", "delete", "view") for model in MODELS],
    )


class Migration(migrations.Migration):
    dependencies = [("academy", "0001_courses_sessions_bookings"), ("accounts", "0002_role_groups")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
