"""What keeps the list and search fast at scale (docs/performance.md, issue 3): cached list
counts, capped search counts, the cached filter form and the search index migration."""

import importlib
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from improvement_hub.ideas import selectors, services
from improvement_hub.ideas.filters import IdeaFilter
from improvement_hub.ideas.models import Idea
from tests.ideas.factories import CampaignFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def _heading(client, **params) -> str:  # type: ignore[no-untyped-def]
    html = client.get(reverse("ideas:idea_list"), params).content.decode()
    start = html.index('id="results">') + len('id="results">')
    return html[start : html.index("</h2>", start)]


def test_list_count_is_cached_until_a_service_changes_an_idea(
    client, hub, django_capture_on_commit_callbacks
):
    ideas = IdeaFactory.create_batch(3)
    assert _heading(client) == "3 ideas"
    IdeaFactory()  # written straight to the database: no service tells the cache
    assert _heading(client) == "3 ideas", "the count is cached"
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_hide(actor=hub, idea=ideas[0], reason="Names a colleague")
    assert _heading(client) == "3 ideas", "4 public, less the hidden one"
    assert _heading(client, scale="tweak") == "0 ideas", "each filter has its own count"


def test_list_count_is_recounted_after_a_minute(client, monkeypatch):
    IdeaFactory.create_batch(2)
    assert _heading(client) == "2 ideas"
    IdeaFactory()
    assert _heading(client) == "2 ideas"
    later = time.time() + selectors.LIST_COUNT_SECONDS + 1
    monkeypatch.setattr(
        "django.core.cache.backends.locmem.time", SimpleNamespace(time=lambda: later)
    )
    assert _heading(client) == "3 ideas"


def test_submitting_an_idea_updates_the_count_at_once(
    client, staff, django_capture_on_commit_callbacks
):
    IdeaFactory()
    assert _heading(client) == "1 idea"
    draft = IdeaFactory(author=staff, submitted_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_submit(author=staff, idea=draft)
    assert _heading(client) == "2 ideas"


def test_broad_search_says_more_than_the_cap_and_shows_the_newest_first(client, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_COUNT_CAP", 2)
    now = timezone.now()
    for days, title in [(3, "Repairs old"), (2, "Repairs middle"), (1, "Repairs newest")]:
        IdeaFactory(title=title, submitted_at=now - timedelta(days=days))
    html = client.get(reverse("ideas:idea_list"), {"q": "repairs"}).content.decode()
    assert "More than 2 ideas matching ‘repairs’" in html
    assert "The newest are shown first" in html
    assert html.index("Repairs newest") < html.index("Repairs middle")
    assert "Repairs old" not in html, "a broad search lists its newest matches, up to the cap"


def test_search_within_the_cap_counts_exactly(client, monkeypatch):
    monkeypatch.setattr(selectors, "SEARCH_COUNT_CAP", 2)
    IdeaFactory(title="Repairs by text message")
    IdeaFactory(title="Repairs booked online")
    IdeaFactory(title="Library opening hours")
    html = client.get(reverse("ideas:idea_list"), {"q": "repairs"}).content.decode()
    assert "2 ideas matching ‘repairs’" in html
    assert "More than" not in html
    counted = selectors.idea_list_counted(filters=IdeaFilter({"q": "repairs"}))
    assert (counted.count, counted.capped) == (2, False)


def test_cached_filter_form_shows_new_choices_and_chosen_values_at_once(client):
    IdeaFactory()
    html = client.get(reverse("ideas:idea_list")).content.decode()
    campaign = CampaignFactory(title="How could we cut paper?")
    assert campaign.title not in html
    html = client.get(reverse("ideas:idea_list")).content.decode()
    assert campaign.title in html, "a new campaign is a filter at once, cache or not"
    trending = client.get(reverse("ideas:idea_list"), {"sort": "trending"}).content.decode()
    assert 'value="trending" selected' in trending
    supported = client.get(reverse("ideas:idea_list"), {"sort": "supported"}).content.decode()
    assert 'value="supported" selected' in supported
    assert 'value="trending" selected' not in supported


def _search_index_migration():  # type: ignore[no-untyped-def]
    return importlib.import_module("improvement_hub.ideas.migrations.0004_search_entry_gin_index")


def test_search_index_migration_does_nothing_except_on_postgresql():
    migration = _search_index_migration()
    executed: list[str] = []
    editor = SimpleNamespace(connection=connection, execute=executed.append)
    migration.create(None, editor)
    migration.drop(None, editor)
    if connection.vendor == "postgresql":
        assert any("USING GIN ((title || body))" in sql for sql in executed)
    else:
        assert executed == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
def test_search_filters_on_the_indexed_expression_on_postgresql():
    IdeaFactory(title="Recycling bins for flats")
    results = Idea.objects.public().search("recycling", order_by_relevance=False)
    sql, _ = results.get_queryset().query.sql_with_params()
    expression = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert expression in sql, "the backend's filter is the index's expression"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table is otherwise scanned
        cursor.execute(
            'EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE ("wagtailsearch_indexentry".'
            '"title" || "wagtailsearch_indexentry"."body") @@ to_tsquery(\'recycling\')'
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "ideas_search_title_body_gin" in plan
