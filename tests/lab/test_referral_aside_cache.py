"""The referral page's suggestions and similar items are kept once computed
(lab.selectors.referral_aside) and follow at once every change they are drawn from."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from improvement_hub.council.models import Service
from improvement_hub.lab import services
from improvement_hub.lab.models import Challenge
from improvement_hub.lab.services import Decision
from tests.lab.factories import make_referral


def _page(client, referral) -> str:  # type: ignore[no-untyped-def]
    response = client.get(reverse("lab:triage_referral", args=[referral.reference]))
    assert response.status_code == 200
    return response.content.decode()


def _aside(client, referral) -> str:  # type: ignore[no-untyped-def]
    page = _page(client, referral)
    return page[page.index("Suggested") : page.index("Assigned to")]


def test_a_second_view_reads_the_suggestions_and_similar_items_kept_from_the_first(
    hub_team_client, council
):
    referral, _ = make_referral(problem="Older people wait in hospital for a care package")
    make_referral(problem="Older people wait in hospital for care", email="b@example.org")
    first = _aside(hub_team_client, referral)  # builds the similarity indexes
    assert _aside(hub_team_client, referral) == first
    with CaptureQueriesContext(connection) as again:
        assert _aside(hub_team_client, referral) == first
    sql = " ".join(query["sql"] for query in again.captured_queries)
    assert '"decided_at" IS NOT NULL' not in sql, "the past decisions are not counted again"
    assert 'MAX("lab_challenge"."updated_at")' not in sql, "the challenges are not compared"


def test_a_decision_on_another_referral_counts_at_once(
    hub_team_client, council, hub, commit_callbacks
):
    referral, _ = make_referral()
    other, _ = make_referral(email="b@example.org", problem="Mould in the bathroom")
    assert "Only 0 past decisions" in _aside(hub_team_client, referral)
    with commit_callbacks():
        services.referral_decide(
            actor=hub, referral=other, decision=Decision(kind="declined", message="m")
        )
    assert "Only 1 past decisions" in _aside(hub_team_client, referral)


def test_retagging_the_referral_changes_its_suggested_services_at_once(
    hub_team_client, council, hub, commit_callbacks
):
    referral, _ = make_referral()
    care = Service.objects.get(slug="adult-social-care")
    assert care.name not in _aside(hub_team_client, referral)
    with commit_callbacks():
        services.referral_update_tags(actor=hub, referral=referral, services=[care], priorities=[])
    assert care.name in _aside(hub_team_client, referral)


def test_a_service_renamed_in_the_admin_shows_at_once(
    hub_team_client, council, hub, commit_callbacks
):
    care = Service.objects.get(slug="adult-social-care")
    referral, _ = make_referral(services_=[care])
    assert care.name in _aside(hub_team_client, referral)
    with commit_callbacks():
        care.name = "Adult care and support"
        care.save()
    assert "Adult care and support" in _aside(hub_team_client, referral)


def test_a_new_challenge_and_a_new_similar_referral_show_at_once(
    hub_team_client, council, commit_callbacks
):
    referral, _ = make_referral(problem="Lonely after leaving hospital")
    aside = _aside(hub_team_client, referral)
    assert "Loneliness after hospital" not in aside
    with commit_callbacks():
        Challenge.objects.create(
            title="Loneliness after hospital",
            slug="loneliness",
            statement="People are lonely after leaving hospital.",
        )
    assert "Loneliness after hospital" in _aside(hub_team_client, referral)
    with commit_callbacks():
        similar, _ = make_referral(
            problem="Lonely after leaving hospital, nobody calls", email="c@example.org"
        )
    assert similar.reference in _aside(hub_team_client, referral)


def test_an_erased_referral_leaves_the_similar_list_at_once(
    hub_team_client, council, commit_callbacks
):
    referral, _ = make_referral(problem="Lonely after leaving hospital")
    with commit_callbacks():
        other, _ = make_referral(
            problem="Lonely after leaving hospital, nobody calls", email="c@example.org"
        )
    assert other.reference in _aside(hub_team_client, referral)
    with commit_callbacks():
        services.referral_withdraw(referral=other)
    assert other.reference not in _aside(hub_team_client, referral)
