"""Training needs become training requirements (issue 11): the Change Academy's course or
pathway, named people or a role with a count, a needed-by date, the sessions scheduled for
it. The free-text rows are kept: the same rows, renamed, with their text in ``need`` and
``who``; a row whose text names a course is linked to it, and a pilot's row is needed by
the pilot's start."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def link_free_text(apps, schema_editor):
    Requirement = apps.get_model("initiatives", "TrainingRequirement")
    Course = apps.get_model("academy", "Course")
    courses = list(Course.objects.only("id", "title"))
    for requirement in Requirement.objects.select_related("pilot"):
        changed = []
        text = requirement.need.casefold()
        match = next((c for c in courses if c.title.casefold() in text), None)
        if match is not None and requirement.course_id is None:
            requirement.course_id = match.pk
            changed.append("course")
        if requirement.pilot_id and requirement.needed_by is None:
            requirement.needed_by = requirement.pilot.starts_on
            changed.append("needed_by")
        if changed:
            requirement.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0002_skills_and_permissions"),
        ("initiatives", "0005_measure_bounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("TrainingNeed", "TrainingRequirement"),
        migrations.AlterModelOptions(name="trainingrequirement", options={"ordering": ["needed_by", "id"]}),
        migrations.AlterField(
            model_name="trainingrequirement",
            name="who",
            field=models.CharField(
                blank=True, help_text="For example “all staff at the site”.", max_length=200,
                verbose_name="who needs it",
            ),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="course",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="training_requirements", to="academy.course",
            ),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="pathway",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                related_name="training_requirements", to="academy.pathway",
            ),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="people",
            field=models.ManyToManyField(
                blank=True, related_name="training_requirements", to=settings.AUTH_USER_MODEL,
                verbose_name="named people",
            ),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="count",
            field=models.PositiveIntegerField(
                blank=True, help_text="When it is for a role, not names.", null=True,
                verbose_name="how many people",
            ),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="needed_by",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="sessions",
            field=models.ManyToManyField(
                blank=True, related_name="training_requirements", to="academy.session"
            ),
        ),
        migrations.AddField(
            model_name="trainingrequirement",
            name="flagged_at",
            field=models.DateTimeField(
                blank=True, help_text="When the lead and the Hub Team were told it is at risk.",
                null=True,
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingrequirement",
            constraint=models.CheckConstraint(
                condition=models.Q(("course__isnull", True), ("pathway__isnull", True), _connector="OR"),
                name="initiatives_training_course_or_pathway",
            ),
        ),
        migrations.AddConstraint(
            model_name="trainingrequirement",
            constraint=models.CheckConstraint(
                condition=models.Q(("count__isnull", True), ("count__gte", 1), _connector="OR"),
                name="initiatives_training_count_positive",
            ),
        ),
        migrations.RunPython(link_free_text, migrations.RunPython.noop),
    ]
