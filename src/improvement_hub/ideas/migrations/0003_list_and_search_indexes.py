"""Indexes for the lists' counts and for the search backend's join (docs/performance.md)."""

import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0002_statuses_and_permissions"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(
                django.db.models.functions.comparison.Cast(
                    "id", output_field=models.CharField(max_length=50)
                ),
                name="ideas_idea_id_text_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="idea",
            index=models.Index(
                condition=models.Q(
                    ("hidden_at__isnull", True),
                    ("merged_into__isnull", True),
                    ("submitted_at__isnull", False),
                ),
                fields=["id"],
                name="ideas_idea_public_idx",
            ),
        ),
    ]
