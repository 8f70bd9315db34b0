"""A GIN index on the expression Wagtail's PostgreSQL search backend filters on.

modelsearch's PostgreSQL backend matches ``(title || body) @@ to_tsquery(...)`` on
``wagtailsearch_indexentry``. There are GIN indexes on ``title`` and ``body`` separately,
which that expression cannot use, so without this every search read the whole table
(docs/performance.md, "Ideas Forum pages under load"). The table belongs to
``wagtail.search``; this index serves every indexed model, ideas among them.

PostgreSQL only (the columns are ``tsvector`` there); elsewhere this does nothing. Built
``CONCURRENTLY`` so a live site keeps indexing while it builds, hence not atomic.
"""

from django.db import migrations

INDEX = "ideas_search_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
        "ON wagtailsearch_indexentry USING GIN ((title || body))"
    )
    # Statistics for the new expression: without them the planner guesses 500 matches
    # for every word and hash-joins the whole ideas table for broad searches.
    schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("ideas", "0003_list_and_search_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
