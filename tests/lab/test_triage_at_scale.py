"""What keeps triage fast at scale (docs/performance.md, issue 4): the inbox's order (served
by an index), fixed query counts as referrals and decisions grow, the capped count of past
decisions and the cached decision form."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from improvement_hub.council.models import Service
from improvement_hub.lab import selectors, services
from improvement_hub.lab.filters import InboxFilter
from improvement_hub.lab.models import Challenge, Referral, ReferralAside
from improvement_hub.lab.services import Decision
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db


def _decided(hub, n: int, start: int = 0) -> None:  # type: ignore[no-untyped-def]
    care = Service.objects.get(slug="adult-social-care")
    for k in range(start, start + n):
        past, _ = make_referral(
            email=f"p{k}@example.org", problem=f"Older people leaving hospital wait for care {k}"
        )
        services.referral_update_tags(actor=hub, referral=past, services=[care], priorities=[])
        services.referral_decide(
            actor=hub, referral=past, decision=Decision(kind="declined", message="m")
        )


def _queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_unacknowledged_referrals_come_before_acknowledged_ones(hub_team_client, council):
    acknowledged, _ = make_referral(problem="Acknowledged", email="a@example.org")
    waiting, _ = make_referral(problem="Waiting", email="b@example.org")
    # Acknowledged and due sooner, but the other still waits for its acknowledgement.
    Referral.objects.filter(pk=acknowledged.pk).update(
        status="acknowledged", acknowledged_at=timezone.now(), decide_by=date(2020, 1, 27)
    )
    for status in ("open", "all"):
        html = hub_team_client.get(reverse("lab:triage_inbox"), {"status": status}).content
        html = html.decode()
        assert html.index(waiting.reference) < html.index(acknowledged.reference), status
    ordered = list(InboxFilter(QueryDict("status=all"), queryset=selectors.referral_inbox()).qs)
    assert ordered == [waiting, Referral.objects.get(pk=acknowledged.pk)]


def test_inbox_pages_queries_do_not_grow_with_referrals(hub_team_client, council, hub):
    care = Service.objects.get(slug="adult-social-care")
    for n in range(3):
        make_referral(email=f"a{n}@example.org", services_=[care], agencies=["nhs"])
    _decided(hub, 2)
    urls = [
        reverse("lab:triage_inbox"),
        reverse("lab:triage_inbox") + "?status=all",
        reverse("lab:triage_inbox") + "?age=overdue",
    ]
    for url in urls:
        hub_team_client.get(url)  # per-process caches
    few = [_queries(hub_team_client, url) for url in urls]
    for n in range(30):
        make_referral(email=f"b{n}@example.org", services_=[care], agencies=["nhs", "dwp"])
    _decided(hub, 10, start=2)
    for url in urls:
        hub_team_client.get(url)  # the new rows drawn and kept, as before (test_inbox_rows.py)
    assert [_queries(hub_team_client, url) for url in urls] == few
    page2 = reverse("lab:triage_inbox") + "?status=all&page=2"
    hub_team_client.get(page2)
    assert _queries(hub_team_client, page2) == few[1]


def test_the_inbox_reads_neither_contact_details_nor_passwords(hub_team_client, council, hub):
    """Each row reads only what it shows and works out (``selectors.INBOX_FIELDS``)."""
    care = Service.objects.get(slug="adult-social-care")
    referral, _ = make_referral(email="private@example.org", services_=[care], agencies=["nhs"])
    services.referral_assign(actor=hub, referral=referral, assignee=hub)
    with CaptureQueriesContext(connection) as captured:
        page = hub_team_client.get(reverse("lab:triage_inbox")).content.decode()
    assert referral.reference in page
    assert escape(str(hub)) in page
    assert "Cross-system" in page
    rows = [q["sql"] for q in captured if 'FROM "lab_referral"' in q["sql"] and "LIMIT" in q["sql"]]
    assert rows, "the inbox's rows were not read"
    for sql in rows:
        for column in ('"lab_referral"."email"', '"lab_referral"."phone"', '"password"'):
            assert column not in sql


def test_referral_page_queries_do_not_grow_with_past_decisions(hub_team_client, council, hub):
    referral, _ = make_referral(problem="Older people wait in hospital for a care package")
    url = reverse("lab:triage_referral", args=[referral.reference])
    _decided(hub, selectors.HISTORY_NEEDED + 1)  # suggestions learn from neighbours
    hub_team_client.get(url)
    # Measured while the page computes its aside (none stored): the costly case.
    ReferralAside.objects.all().delete()
    few = _queries(hub_team_client, url)
    _decided(hub, 15, start=selectors.HISTORY_NEEDED + 1)
    hub_team_client.get(url)  # the similar-referrals index takes in the new ones
    ReferralAside.objects.all().delete()
    assert _queries(hub_team_client, url) == few


def test_past_decisions_are_counted_up_to_a_cap(council, hub, monkeypatch):
    monkeypatch.setattr(selectors, "HISTORY_COUNT_CAP", selectors.HISTORY_NEEDED + 2)
    referral, _ = make_referral(problem="Older people wait in hospital for a care package")
    _decided(hub, selectors.HISTORY_NEEDED + 1)
    exact = selectors.referral_suggestions(referral=referral)
    assert exact["basis"] == f"Learned from {selectors.HISTORY_NEEDED + 1} past triage decisions"
    _decided(hub, 3, start=selectors.HISTORY_NEEDED + 1)
    capped = selectors.referral_suggestions(referral=referral)
    assert capped["basis"] == (
        f"Learned from more than {selectors.HISTORY_NEEDED + 2} past triage decisions"
    )


def test_cached_decision_form_lists_a_new_challenge_at_once(hub_team_client, council):
    referral, _ = make_referral()
    url = reverse("lab:triage_referral", args=[referral.reference])
    assert "Loneliness after hospital" not in hub_team_client.get(url).content.decode()
    Challenge.objects.create(
        title="Loneliness after hospital", slug="loneliness", statement="People are alone."
    )
    assert "Loneliness after hospital" in hub_team_client.get(url).content.decode()


def test_inbox_index_migration_does_nothing_except_on_postgresql():
    import importlib

    migration = importlib.import_module("improvement_hub.lab.migrations.0003_triage_inbox_indexes")
    executed: list[str] = []
    editor = SimpleNamespace(connection=connection, execute=executed.append)
    migration.create(None, editor)
    migration.drop(None, editor)
    if connection.vendor == "postgresql":
        assert len([sql for sql in executed if "NULLS FIRST" in sql]) == 2
    else:
        assert executed == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL indexes")
def test_inbox_order_is_read_from_an_index_on_postgresql(council):
    make_referral()
    for status, index in [
        ("open", "lab_referral_open_triage_idx"),
        ("all", "lab_referral_triage_idx"),
    ]:
        inbox = InboxFilter(QueryDict(f"status={status}"), queryset=selectors.referral_inbox())
        queryset = inbox.qs[:25]
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert index in plan, plan
