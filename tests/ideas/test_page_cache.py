"""Issue 14: the ideas list and idea pages are served from the cache to visitors who are
not signed in, and a change made through a service shows on the next visit at once
(core.page_cache). Signed-in people, visitors with a session, and pages with a form's
token or a message are never served a stored page."""

import re

import pytest
from django.test import Client
from wagtail.models import Site

from improvement_hub.accounts import services as accounts
from improvement_hub.cms.models import BrandingSettings
from improvement_hub.core import page_cache
from improvement_hub.ideas import services
from improvement_hub.ideas.models import IdeaStatus
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

HIT = "X-Page-Cache"


def _visit(client: Client, url: str):  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_the_second_visit_is_served_from_the_cache_without_a_query(
    client, django_assert_num_queries
):  # type: ignore[no-untyped-def]
    idea = IdeaFactory(title="Bins collected on time")
    for url in ("/ideas/", idea.get_absolute_url(), "/ideas/?q=bins"):
        first = _visit(client, url)
        assert HIT not in first
        with django_assert_num_queries(0):
            second = _visit(client, url)
        assert second[HIT] == "hit"
        assert "Bins collected on time" in second.content.decode()


def test_each_visit_has_its_own_csp_nonce_in_the_page_and_the_header(client):  # type: ignore[no-untyped-def]
    _visit(client, "/ideas/")
    nonces = []
    for _ in range(2):
        response = _visit(client, "/ideas/")
        assert response[HIT] == "hit"
        header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        assert header is not None
        html = response.content.decode()
        assert f'nonce="{header[1]}"' in html  # the inline style and script still run
        assert page_cache.NONCE_PLACEHOLDER.decode() not in html
        nonces.append(header[1])
    assert nonces[0] != nonces[1]


def test_a_new_idea_a_support_and_a_comment_show_at_once(
    client, staff, hub, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    idea = IdeaFactory(title="Bins collected on time")
    page = idea.get_absolute_url()
    _visit(client, "/ideas/")
    _visit(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        draft = services.idea_draft_save(
            author=staff,
            data=services.IdeaData(
                title="Free parking for carers",
                problem="Carers pay to park at every visit.",
                proposal="A carers' permit.",
            ),
        )
        services.idea_submit(author=staff, idea=draft)
    listed = _visit(client, "/ideas/")
    assert HIT not in listed
    assert "Free parking for carers" in listed.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.idea_support(user=staff, idea=idea)
        services.comment_add(author=hub, idea=idea, body="We are looking at the rounds.")
    shown = _visit(client, page)
    assert HIT not in shown
    assert "We are looking at the rounds." in shown.content.decode()
    assert _visit(client, page)[HIT] == "hit"


def test_an_answer_or_hiding_reaches_the_stored_pages(
    client, hub, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    idea = IdeaFactory(title="Bins collected on time")
    page = idea.get_absolute_url()
    _visit(client, page)
    _visit(client, "/ideas/")
    status = IdeaStatus.objects.filter(is_selectable=True, requires_reason=False).first()
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_respond(actor=hub, idea=idea, status=status, answer="We will try it.")
    assert "We will try it." in _visit(client, page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.idea_hide(actor=hub, idea=idea, reason="Duplicate of a private report")
    assert client.get(page).status_code == 404
    assert "Bins collected on time" not in _visit(client, "/ideas/").content.decode()


def test_a_changed_name_or_branding_reaches_every_stored_page(
    client, staff, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    idea = IdeaFactory(author=staff)
    page = idea.get_absolute_url()
    _visit(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        accounts.user_update_name(user=staff, first_name="Ada", last_name="Okafor")
    shown = _visit(client, page)
    assert HIT not in shown
    _visit(client, "/ideas/")
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.service_name = "Sparkbrook Ideas"
    with django_capture_on_commit_callbacks(execute=True):
        branding.save()
    assert "Sparkbrook Ideas" in _visit(client, "/ideas/").content.decode()


def test_signed_in_people_never_get_a_stored_page(client, staff_client):  # type: ignore[no-untyped-def]
    idea = IdeaFactory()
    for url in ("/ideas/", idea.get_absolute_url()):
        _visit(client, url)
        assert _visit(client, url)[HIT] == "hit"
        response = _visit(staff_client, url)
        assert HIT not in response
        assert "Sign out" in response.content.decode()


def test_a_visitor_with_a_session_is_never_served_or_stored(client):  # type: ignore[no-untyped-def]
    _visit(client, "/ideas/?sort=random")  # a shuffle seed is kept in a new session
    assert client.cookies.get("sessionid")
    assert HIT not in _visit(client, "/ideas/")
    assert HIT not in _visit(client, "/ideas/")
    assert HIT not in _visit(Client(), "/ideas/?sort=random")  # never stored either


def test_a_page_with_a_form_token_is_not_stored(rf):  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    calls = []

    @page_cache.anonymous_page(lambda request: ["test"])
    def view(request):  # type: ignore[no-untyped-def]
        calls.append(1)
        return HttpResponse(f"<form>{get_token(request)}</form>")

    for _ in range(2):
        request = rf.get("/a-form/")
        request.user = AnonymousUser()
        view(request)
    assert len(calls) == 2  # drawn each time: a token is for one visitor


def test_unpublishing_an_initiative_takes_its_name_off_the_stored_idea_page(
    client, hub, django_capture_on_commit_callbacks
):  # type: ignore[no-untyped-def]
    from improvement_hub.initiatives import services as initiatives
    from tests.initiatives.factories import PublishedInitiativeFactory

    idea = IdeaFactory()
    initiative = PublishedInitiativeFactory(title="Bin rounds redesigned")
    initiative.source_ideas.add(idea)
    page = idea.get_absolute_url()
    assert "Bin rounds redesigned" in _visit(client, page).content.decode()
    assert _visit(client, page)[HIT] == "hit"
    data = initiatives.InitiativeData(
        title=initiative.title,
        problem=initiative.problem,
        scale=initiative.scale,
        stage=initiative.stage,
        is_published=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        initiatives.initiative_update(actor=hub, initiative=initiative, data=data)
    shown = _visit(client, page)
    assert HIT not in shown
    assert "Bin rounds redesigned" not in shown.content.decode()
