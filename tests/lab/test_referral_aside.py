"""The referral page's suggestions and similar items, computed once and stored
(lab.asides): by the task worker when a referral is confirmed (and for the open referrals
like it), by the page when none is stored or the referral changed; names, text, status and
visibility read when shown."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_hub.council.models import Service
from improvement_hub.lab import asides, selectors, services
from improvement_hub.lab.models import Challenge, Referral, ReferralAside
from tests.lab.factories import make_referral

# The query that counts past decisions: run only when an aside is computed.
COMPUTING = '"decided_at" IS NOT NULL'


def _aside(client, referral) -> str:  # type: ignore[no-untyped-def]
    response = client.get(reverse("lab:triage_referral", args=[referral.reference]))
    assert response.status_code == 200
    page = response.content.decode()
    return page[page.index("Suggested") : page.index("Assigned to")]


def _viewed(client, referral) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        aside = _aside(client, referral)
    return aside, " ".join(query["sql"] for query in queries.captured_queries)


def test_confirming_a_referral_stores_its_aside_and_the_page_reads_it(
    hub_team_client, council, commit_callbacks
):
    with commit_callbacks():
        referral, _ = make_referral(problem="Older people wait in hospital for a care package")
    stored = ReferralAside.objects.get(referral=referral)
    assert stored.data["basis"].startswith("Only 0 past decisions")
    aside, sql = _viewed(hub_team_client, referral)
    assert "Only 0 past decisions" in aside
    assert COMPUTING not in sql, "the page reads the stored aside, it does not compute it"


def test_the_page_computes_and_stores_a_missing_aside_once(hub_team_client, council):
    referral, _ = make_referral()
    ReferralAside.objects.all().delete()
    asides.indexes.build_all()  # as gunicorn's master does before it starts its workers
    first, sql = _viewed(hub_team_client, referral)
    assert COMPUTING in sql
    assert ReferralAside.objects.filter(referral=referral).exists()
    again, sql = _viewed(hub_team_client, referral)
    assert again == first
    assert COMPUTING not in sql


def test_a_new_similar_referral_is_listed_on_the_open_ones_like_it(
    hub_team_client, council, commit_callbacks
):
    with commit_callbacks():
        older, _ = make_referral(problem="Lonely after leaving hospital")
    with commit_callbacks():
        newer, _ = make_referral(
            problem="Lonely after leaving hospital, nobody calls", email="c@example.org"
        )
    aside, sql = _viewed(hub_team_client, older)
    assert newer.reference in aside
    assert COMPUTING not in sql, "the task computed it again when the new one was confirmed"


def test_a_withdrawn_similar_referral_leaves_the_list_at_once(
    hub_team_client, council, commit_callbacks
):
    with commit_callbacks():
        referral, _ = make_referral(problem="Lonely after leaving hospital")
        other, _ = make_referral(
            problem="Lonely after leaving hospital, nobody calls", email="c@example.org"
        )
    assert other.reference in _aside(hub_team_client, referral)
    with commit_callbacks():
        services.referral_withdraw(referral=other)
    aside, sql = _viewed(hub_team_client, referral)
    assert other.reference not in aside
    assert COMPUTING not in sql, "read from the stored aside, with today's status"


def test_a_new_challenge_and_a_renamed_service_show_at_once(
    hub_team_client, council, commit_callbacks
):
    care = Service.objects.get(slug="adult-social-care")
    with commit_callbacks():
        referral, _ = make_referral(problem="Lonely after leaving hospital", services_=[care])
    assert care.name in _aside(hub_team_client, referral)
    with commit_callbacks():
        Challenge.objects.create(
            title="Loneliness after hospital",
            slug="loneliness",
            statement="People are lonely after leaving hospital.",
        )
        care.name = "Adult care and support"
        care.save()
    aside, sql = _viewed(hub_team_client, referral)
    assert "Loneliness after hospital" in aside
    assert "Adult care and support" in aside
    assert COMPUTING not in sql


def test_retagging_the_referral_computes_its_aside_again(
    hub_team_client, council, hub, commit_callbacks
):
    with commit_callbacks():
        referral, _ = make_referral()
    care = Service.objects.get(slug="adult-social-care")
    assert care.name not in _aside(hub_team_client, referral)
    services.referral_update_tags(actor=hub, referral=referral, services=[care], priorities=[])
    aside, sql = _viewed(hub_team_client, referral)
    assert care.name in aside, "suggested from the services it now names"
    assert COMPUTING in sql


def test_a_day_old_aside_is_computed_again_with_what_was_decided_since(
    hub_team_client, council, hub, commit_callbacks
):
    with commit_callbacks():
        referral, _ = make_referral()
        other, _ = make_referral(email="b@example.org", problem="Mould in the bathroom")
    services.referral_decide(
        actor=hub, referral=other, decision=services.Decision(kind="declined", message="m")
    )
    assert "Only 0 past decisions" in _aside(hub_team_client, referral), "kept for a day"
    ReferralAside.objects.filter(referral=referral).update(
        computed_at=timezone.now() - selectors.ASIDE_MAX_AGE - timedelta(minutes=1)
    )
    assert "Only 1 past decisions" in _aside(hub_team_client, referral)


def test_an_aside_is_not_stored_while_an_index_is_still_being_built(council, monkeypatch):
    referral, _ = make_referral()
    ReferralAside.objects.all().delete()
    monkeypatch.setattr(asides.indexes, "all_ready", lambda: False)
    aside = asides.referral_aside_refresh(referral=referral)
    assert aside.suggestions["basis"].startswith("Only 0 past decisions")
    assert not ReferralAside.objects.exists()


def test_a_stored_aside_holds_no_personal_data(council, commit_callbacks):
    with commit_callbacks():
        referral, _ = make_referral(email="private.person@example.org")
    Referral.objects.filter(pk=referral.pk).update(contact_name="Private Person")
    stored = str(ReferralAside.objects.get(referral=referral).data)
    assert "private.person" not in stored
    assert "Private Person" not in stored


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="writes under threads: PostgreSQL (CI runs it)"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_eight_views_computing_one_aside_at_once_store_one_row_without_error(council):
    referral, _ = make_referral()
    ReferralAside.objects.all().delete()
    asides.indexes.build_all()
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def view() -> None:
        try:
            start.wait()
            asides.referral_aside_refresh(referral=referral)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=view) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ReferralAside.objects.filter(referral=referral).count() == 1


def test_the_similar_challenges_are_stored_and_read_until_a_challenge_changes(
    hub_team_client, council, commit_callbacks
):
    challenge = Challenge.objects.create(
        title="Loneliness after hospital",
        slug="loneliness",
        statement="People are lonely after leaving hospital.",
    )
    with commit_callbacks():
        referral, _ = make_referral(problem="Lonely after leaving hospital")
    stored = ReferralAside.objects.get(referral=referral)
    assert stored.data["challenges"] == [challenge.pk]
    # the page shows what is stored while the challenges are as they were: not matched again
    stored.data["challenges"] = []
    stored.save()
    assert "Loneliness after hospital" not in _aside(hub_team_client, referral)
    challenge.title = "Loneliness after a hospital stay"
    challenge.save()  # a changed challenge: matched again, with its new title
    assert "Loneliness after a hospital stay" in _aside(hub_team_client, referral)


def test_the_page_reads_the_referral_without_ordering_or_joins(hub_team_client, council):
    """The triage page's own read of the referral is its row alone (no ORDER BY over its
    columns, no joined rows it does not show): most of a first view's cost was Django
    compiling the wide query."""
    referral, _ = make_referral()
    _aside(hub_team_client, referral)
    with CaptureQueriesContext(connection) as queries:
        _aside(hub_team_client, referral)
    (own,) = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "lab_referral"."id", "lab_referral"."created_at"')
    ]
    assert "ORDER BY" not in own
    assert "JOIN" not in own
