"""Issue 14: the triage pages read their choice lists (the active services and
priorities, the Hub Team's members) once per change, not on every page
(``council.selectors.service_choices_active``, ``accounts.selectors.
hub_team_member_choices``). Each change that the lists follow shows on the next page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement_hub.accounts import services as accounts_services
from improvement_hub.accounts.roles import Role
from improvement_hub.core import page_cache
from improvement_hub.council.models import Service
from improvement_hub.lab import selectors
from improvement_hub.lab.models import Challenge
from tests.accounts.factories import UserFactory
from tests.council.factories import ServiceFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db
INBOX = "/lab/triage/"


def _options(client, url: str, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The labels of the options of the page's select called ``name``."""
    html = client.get(url).content.decode()
    select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S)
    assert select is not None, f"no select {name} on {url}"
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", select[0])]


@pytest.fixture
def hub(client):  # type: ignore[no-untyped-def]
    member = UserFactory(role=Role.HUB_TEAM, first_name="Ada", last_name="Mensah")
    client.force_login(member)
    return member


@pytest.mark.parametrize("where", ["inbox filter", "referral page"])
def test_the_hub_teams_list_follows_roles_given_and_taken_and_names(client, hub, where):  # type: ignore[no-untyped-def]
    referral, _ = make_referral()
    url = (
        INBOX
        if where == "inbox filter"
        else reverse("lab:triage_referral", args=[referral.reference])
    )
    name = "assignee"  # the inbox's filter and the referral page's form alike
    person = UserFactory(role=Role.STAFF, first_name="Ben", last_name="Okafor")
    assert "Ben Okafor" not in _options(client, url, name)

    accounts_services.person_role_change(actor=hub, person=person, role=Role.HUB_TEAM, grant=True)
    assert "Ben Okafor" in _options(client, url, name)

    accounts_services.user_update_name(user=person, first_name="Benjamin", last_name="Okafor")
    listed = _options(client, url, name)
    assert "Benjamin Okafor" in listed
    assert "Ben Okafor" not in listed

    accounts_services.person_role_change(actor=hub, person=person, role=Role.HUB_TEAM, grant=False)
    assert "Benjamin Okafor" not in _options(client, url, name)
    assert "Ada Mensah" in _options(client, url, name)


@pytest.mark.parametrize("where", ["inbox filter", "decision form"])
def test_the_services_list_shows_a_new_service_and_drops_a_retired_one(client, hub, where):  # type: ignore[no-untyped-def]
    referral, _ = make_referral()
    url = (
        INBOX
        if where == "inbox filter"
        else reverse("lab:triage_referral", args=[referral.reference])
    )
    assert "Street lighting" not in _options(client, url, "service")

    service = ServiceFactory(name="Street lighting", slug="street-lighting")
    assert "Street lighting" in _options(client, url, "service")

    service.is_active = False
    service.save()  # in the admin: its save bumps the site version
    assert "Street lighting" not in _options(client, url, "service")


def test_a_page_seen_again_reads_no_choice_list(client, hub):  # type: ignore[no-untyped-def]
    ServiceFactory(name="Street lighting", slug="street-lighting")
    referral, _ = make_referral()
    for url in (INBOX, reverse("lab:triage_referral", args=[referral.reference])):
        client.get(url)
        with CaptureQueriesContext(connection) as seen:
            assert client.get(url).status_code == 200
        choice_lists = [
            q["sql"]
            for q in seen.captured_queries
            # the referrals' own services are read, joined through their table
            if (f'FROM "{Service._meta.db_table}"' in q["sql"] and "_services" not in q["sql"])
            or ('FROM "accounts_user" INNER JOIN' in q["sql"] and "auth_group" in q["sql"])
        ]
        assert choice_lists == [], f"{url} read a choice list again: {choice_lists}"


def test_the_challenges_version_is_read_once_per_page_and_follows_a_new_challenge(  # type: ignore[no-untyped-def]
    client, hub
):
    """The referral page's similar challenges and its decision form both follow the
    challenges' version (``lab.selectors.challenge_version``): one query per page, and a
    challenge added shows in the decision form's list on the next page."""
    referral, _ = make_referral()
    url = reverse("lab:triage_referral", args=[referral.reference])
    client.get(url)
    with CaptureQueriesContext(connection) as seen:
        assert client.get(url).status_code == 200
    versions = [q for q in seen.captured_queries if 'MAX("lab_challenge"."updated_at")' in q["sql"]]
    assert len(versions) == 1
    assert "Damp in council homes" not in _options(client, url, "challenge")
    Challenge.objects.create(title="Damp in council homes", slug="damp", statement="Mould")
    assert "Damp in council homes" in _options(client, url, "challenge")


def test_a_challenge_saved_during_a_request_is_seen_later_in_it(hub):  # type: ignore[no-untyped-def]
    # page_cache's own receivers, not the signals: those also close the test's database
    # connection (Django's close_old_connections)
    page_cache._request_started()
    try:
        before = selectors.challenge_version()
        assert selectors.challenge_version() == before  # kept for the request
        Challenge.objects.create(title="Loneliness", slug="loneliness", statement="Isolation")
        assert selectors.challenge_version()[0] == before[0] + 1
    finally:
        page_cache._request_finished()
