"""Issue 14: the triage inbox's rows are rendered once per change of their referral, per
day and per site version, and kept (``lab.hub_views._inbox_rows``). Each change a row
shows is on the next view of the inbox."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from improvement_hub.accounts import closure
from improvement_hub.accounts import services as accounts_services
from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import Service
from improvement_hub.lab import services
from improvement_hub.lab.services import Decision
from tests.accounts.factories import UserFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db
INBOX = "/lab/triage/"


def _row(client, referral) -> str:  # type: ignore[no-untyped-def]
    """The inbox's row of ``referral``."""
    page = client.get(INBOX).content.decode()
    start = page.index(f">{referral.reference}</a>")
    return page[page.rindex("<tr", 0, start) : page.index("</tr>", start)]


def test_a_row_seen_again_reads_no_services_and_is_the_same(hub_team_client, council):  # type: ignore[no-untyped-def]
    care = Service.objects.get(slug="adult-social-care")
    referral, _ = make_referral(services_=[care], agencies=["nhs"])
    first = _row(hub_team_client, referral)
    assert "Cross-system" in first
    with CaptureQueriesContext(connection) as seen:
        again = _row(hub_team_client, referral)
    assert again == first
    assert not [q for q in seen.captured_queries if '"lab_referral_services"' in q["sql"]]


def test_a_decision_an_assignment_and_new_tags_show_on_the_next_view(  # type: ignore[no-untyped-def]
    hub_team_client, council, hub
):
    referral, _ = make_referral()
    row = _row(hub_team_client, referral)
    assert "Nobody" in row
    assert "Cross-system" not in row
    services.referral_assign(actor=hub, referral=referral, assignee=hub)
    assert escape(str(hub)) in _row(hub_team_client, referral)
    care = Service.objects.get(slug="adult-social-care")
    services.referral_update_tags(actor=hub, referral=referral, services=[care], priorities=[])
    referral.refresh_from_db()
    referral.agencies = ["nhs"]  # named by the referrer; the tags make it cross-system
    referral.save()
    assert "Cross-system" in _row(hub_team_client, referral)
    status = referral.get_status_display()
    assert status in _row(hub_team_client, referral)
    services.referral_decide(
        actor=hub, referral=referral, decision=Decision(kind="more_info", message="When?")
    )
    referral.refresh_from_db()
    assert referral.get_status_display() != status
    assert referral.get_status_display() in _row(hub_team_client, referral)


def test_the_assignees_new_name_and_closed_account_show_on_the_next_view(  # type: ignore[no-untyped-def]
    hub_team_client, council
):
    colleague = UserFactory(role=Role.HUB_TEAM, first_name="Ben", last_name="Okafor")
    referral, _ = make_referral()
    services.referral_assign(actor=colleague, referral=referral, assignee=colleague)
    assert "Ben Okafor" in _row(hub_team_client, referral)
    accounts_services.user_update_name(user=colleague, first_name="Benjamin", last_name="Okafor")
    assert "Benjamin Okafor" in _row(hub_team_client, referral)
    closure.account_close(user=colleague)
    row = _row(hub_team_client, referral)
    assert "Okafor" not in row
    assert "Nobody" in row  # handed back to the inbox


def test_the_working_days_left_count_down_the_next_day(hub_team_client, council, monkeypatch):  # type: ignore[no-untyped-def]
    referral, _ = make_referral()
    today = timezone.localdate()
    referral.acknowledge_by = today + timedelta(days=30)
    referral.save()
    before = _row(hub_team_client, referral)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=40))
    after = _row(hub_team_client, referral)
    assert "Overdue by" not in before
    assert "Overdue by" in after
