"""Browsing: filters, sorts, search, pagination, feeds, and fixed query counts."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_hub.council.models import Priority
from improvement_hub.ideas import services
from improvement_hub.ideas.models import Idea, IdeaStatus, Support
from tests.accounts.factories import UserFactory
from tests.ideas.factories import CampaignFactory, CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def _titles(client, **params) -> list[str]:  # type: ignore[no-untyped-def]
    from improvement_hub.ideas.filters import IdeaFilter
    from improvement_hub.ideas.selectors import idea_list

    return [i.title for i in idea_list(filters=IdeaFilter(params))]


def test_filters_by_priority_status_scale_and_campaign(client):
    housing = Priority.objects.get(slug="housing")
    campaign = CampaignFactory()
    a = IdeaFactory(title="A", scale="tweak", campaign=campaign)
    a.priorities.add(housing)
    IdeaFactory(title="B", scale="redesign", status=IdeaStatus.objects.get(slug="quick-win"))
    assert _titles(client, priority="housing") == ["A"]
    assert _titles(client, status="quick-win") == ["B"]
    assert _titles(client, scale="tweak") == ["A"]
    assert _titles(client, campaign=campaign.slug) == ["A"]
    html = client.get(reverse("ideas:idea_list"), {"priority": "housing"}).content.decode()
    assert "1 idea<" in html


def test_unknown_filter_values_are_ignored_not_errors(client):
    IdeaFactory(title="Still here")
    response = client.get(
        reverse("ideas:idea_list"), {"priority": "<script>", "sort": "DROP", "page": "x"}
    )
    assert response.status_code == 200
    assert "Still here" in response.content.decode()


def test_sorts(client):
    now = timezone.now()
    old = IdeaFactory(title="Old but popular", submitted_at=now - timedelta(days=60))
    new = IdeaFactory(title="New and hot", submitted_at=now)
    chatty = IdeaFactory(title="Chatty", submitted_at=now - timedelta(days=2))
    people = UserFactory.create_batch(5)
    for person in people:
        Support.objects.create(idea=old, user=person, created_at=now - timedelta(days=50))
    for person in people[:3]:
        Support.objects.create(idea=new, user=person, created_at=now - timedelta(hours=2))
    Idea.objects.filter(pk=old.pk).update(support_count=5)
    Idea.objects.filter(pk=new.pk).update(support_count=3)
    CommentFactory.create_batch(2, idea=chatty)
    Idea.objects.filter(pk=chatty.pk).update(comment_count=2)
    services.ideas_refresh_trending()
    assert _titles(client, sort="newest")[0] == "New and hot"
    assert _titles(client, sort="supported")[0] == "Old but popular"
    assert _titles(client, sort="trending")[0] == "New and hot", "recent support outweighs old"
    assert _titles(client, sort="discussed")[0] == "Chatty"


def test_random_order_is_stable_across_pages_for_a_visitor(client):
    IdeaFactory.create_batch(45)
    seen = []
    for page in (1, 2, 3):
        html = client.get(
            reverse("ideas:idea_list"), {"sort": "random", "page": page}
        ).content.decode()
        seen += [
            line
            for line in html.split("\n")
            if 'class="govuk-heading-m govuk-!-margin-bottom-2"' in line
        ]
    assert len(seen) == 45
    assert len(set(seen)) == 45, "no idea is repeated or skipped between pages"
    newest = client.get(reverse("ideas:idea_list")).content.decode()
    assert (
        seen[:20]
        != [line for line in newest.split("\n") if 'govuk-!-margin-bottom-2"' in line][:20]
    )


def test_full_text_search(client):
    IdeaFactory(title="Recycling bins for flats", problem="Flats have no recycling.")
    IdeaFactory(title="Library opening hours", problem="Libraries close early.")
    html = client.get(reverse("ideas:idea_list"), {"q": "recycling"}).content.decode()
    assert "Recycling bins for flats" in html
    assert "Library opening hours" not in html
    assert "matching ‘recycling’" in html


def test_search_with_hostile_input_is_safe(client):
    IdeaFactory(title="Normal idea")
    for q in ["' OR 1=1 --", "<script>alert(1)</script>", "a" * 5000, "ünïcödé 😀"]:
        response = client.get(reverse("ideas:idea_list"), {"q": q})
        assert response.status_code == 200
        assert "<script>alert(1)</script>" not in response.content.decode()
    # a NUL is refused before the view: tests/core/test_control_characters_middleware.py
    assert client.get(reverse("ideas:idea_list"), {"q": "\x00"}).status_code == 400


def test_pagination(client):
    IdeaFactory.create_batch(25)
    page2 = client.get(reverse("ideas:idea_list"), {"page": 2}).content.decode()
    assert page2.count('class="hub-idea"') == 5
    assert 'aria-current="page">2<' in page2


def test_rss_and_atom_feeds_list_new_public_ideas(client):
    campaign = CampaignFactory()
    IdeaFactory(title="In the feed", campaign=campaign)
    IdeaFactory(title="Hidden", hidden_at=timezone.now())
    IdeaFactory(title="Draft", submitted_at=None)
    rss = ElementTree.fromstring(client.get("/ideas/feed/").content)
    assert [i.findtext("title") for i in rss.iter("item")] == ["In the feed"]
    atom = ElementTree.fromstring(client.get("/ideas/feed/atom/").content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 1
    per_campaign = ElementTree.fromstring(
        client.get(f"/ideas/campaigns/{campaign.slug}/feed/").content
    )
    assert [i.findtext("title") for i in per_campaign.iter("item")] == ["In the feed"]
    assert client.get("/ideas/campaigns/no-such/feed/").status_code == 404


def test_detail_url_has_a_slug_and_old_links_redirect(client):
    idea = IdeaFactory(title="Let tenants book repairs")
    assert idea.get_absolute_url() == f"/ideas/{idea.pk}/let-tenants-book-repairs/"
    assert client.get(f"/ideas/{idea.pk}/").url == idea.get_absolute_url()
    assert client.get(f"/ideas/{idea.pk}/wrong-slug/").status_code == 301
    assert client.get("/ideas/999999/").status_code == 404


def _count_queries(client, url) -> int:  # type: ignore[no-untyped-def]
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("sort", ["newest", "trending", "random"])
def test_list_queries_do_not_grow_with_the_data(as_staff, sort):
    housing = Priority.objects.get(slug="housing")
    for idea in IdeaFactory.create_batch(3):
        idea.priorities.add(housing)
    few = _count_queries(as_staff, f"/ideas/?sort={sort}")
    for idea in IdeaFactory.create_batch(30):
        idea.priorities.add(housing)
    many = _count_queries(as_staff, f"/ideas/?sort={sort}")
    assert many == few


def test_detail_queries_do_not_grow_with_comments_or_supports(as_staff):
    idea = IdeaFactory()
    top = CommentFactory(idea=idea)
    CommentFactory(idea=idea, parent=top)
    few = _count_queries(as_staff, idea.get_absolute_url())
    for _ in range(10):
        parent = CommentFactory(idea=idea)
        CommentFactory.create_batch(2, idea=idea, parent=parent)
    for person in UserFactory.create_batch(10):
        Support.objects.create(idea=idea, user=person)
    assert _count_queries(as_staff, idea.get_absolute_url()) == few


def test_review_queue_queries_do_not_grow(as_hub):
    IdeaFactory.create_batch(3)
    few = _count_queries(as_hub, reverse("ideas:review_queue"))
    IdeaFactory.create_batch(30)
    assert _count_queries(as_hub, reverse("ideas:review_queue")) == few
