"""The home page is each signed-in person's work list (issue 10, "Work reaches people"):
every list they act on, with its count and a link to the full, filterable list."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import similarity as idea_similarity
from improvement_hub.ideas.models import Report
from improvement_hub.initiatives.models import Milestone, TeamMember
from improvement_hub.lab import similarity as lab_similarity
from improvement_hub.notifications.services import notify
from tests.accounts.factories import UserFactory
from tests.ideas.factories import CommentFactory, IdeaFactory
from tests.initiatives.factories import InitiativeFactory, PilotFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_indexes(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    idea_similarity.reset()
    lab_similarity.reset()
    yield
    idea_similarity.reset()
    lab_similarity.reset()


def _home(user) -> str:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _count_link(html: str, count: int, href: str) -> bool:
    """The "at a glance" count that links to the list."""
    start = html.index('aria-label="How much is waiting in each list"')
    glance = html[start : html.index("</ul>", start)]
    return (
        f'href="{href}">' in glance
        and f">{count}</span>" in glance.split(f'href="{href}">')[1][:200]
    )


def test_signed_out_visitors_keep_the_editors_home_page(client):
    html = client.get("/").content.decode()
    assert "Your work" not in html


def test_the_hub_team_sees_ideas_referrals_and_reports_with_counts_and_links():
    hub, colleague = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    IdeaFactory(title="Text tenants about repairs", assignee=hub)
    IdeaFactory(title="Fix the bins", assignee=colleague)
    referral, _ = make_referral()
    Report.objects.create(comment=CommentFactory(), reporter=UserFactory(), reason="Rude")

    html = _home(hub)

    assert "<title>Your work" in html
    assert _count_link(html, 3, "/ideas/review/")  # the reported comment's idea is the third
    assert _count_link(html, 1, "/lab/triage/")
    assert _count_link(html, 1, "/ideas/moderation/")
    assert "Text tenants about repairs" in html
    assert f'href="/ideas/review/?assignee={hub.pk}">1 assigned to you</a>' in html
    assert f'href="/lab/triage/{referral.reference}/">{referral.reference}</a>' in html
    assert "working days left" in html
    assert 'href="/lab/triage/?age=overdue">0 overdue</a>' in html


def test_an_overdue_referral_is_tagged_red_with_the_working_days_it_is_late():
    hub = UserFactory(role=Role.HUB_TEAM)
    referral, _ = make_referral()
    type(referral).objects.filter(pk=referral.pk).update(
        acknowledge_by=timezone.localdate() - timedelta(days=14)
    )
    html = _home(hub)
    assert "govuk-tag--red" in html
    assert "Overdue by" in html
    assert 'href="/lab/triage/?age=overdue">1 overdue</a>' in html


def test_leadership_sees_started_pilots_without_a_decision_linked_to_the_decision_page():
    leader = UserFactory(role=Role.LEADERSHIP)
    waiting = PilotFactory(title="Ward 3 pilot", starts_on=date(2017, 3, 1))
    PilotFactory(
        title="Future pilot",
        starts_on=timezone.localdate() + timedelta(days=30),
        ends_on=timezone.localdate() + timedelta(days=90),
    )
    html = _home(leader)
    assert _count_link(html, 1, "/initiatives/timeline/")
    assert (
        f'href="/initiatives/{waiting.initiative_id}/pilots/{waiting.pk}/decision/">'
        f"Ward 3 pilot: {waiting.initiative.title}</a>"
    ) in html
    assert "Future pilot" not in html
    assert "Ideas to review" not in html


def test_staff_see_their_ideas_and_unread_news_but_not_the_hub_teams_lists():
    staff = UserFactory(role=Role.STAFF)
    IdeaFactory(author=staff, title="My bins idea")
    IdeaFactory(title="Someone else's idea")
    notify(recipients=[staff], subject="Your idea is now ‘Under review’", body="", url="/x/")
    html = _home(staff)
    assert _count_link(html, 1, "/ideas/mine/")
    assert _count_link(html, 1, "/notifications/?unread=on")
    assert "My bins idea" in html
    assert "Your idea is now ‘Under review’" in html
    assert "Someone else" not in html
    assert "Ideas to review" not in html
    assert "Referrals to acknowledge" not in html


def test_partners_see_their_initiatives_and_open_milestones_only():
    partner = UserFactory(role=Role.PARTNER)
    theirs = InitiativeFactory(title="Lab set-up")
    TeamMember.objects.create(initiative=theirs, user=partner, role=TeamMember.Role.PARTNER)
    InitiativeFactory(title="Not theirs")
    Milestone.objects.create(initiative=theirs, title="Find a space", due_on=date(2017, 1, 31))
    Milestone.objects.create(
        initiative=theirs, title="Done already", due_on=date(2016, 12, 1), done_on=date(2016, 12, 1)
    )
    html = _home(partner)
    assert _count_link(html, 1, "/initiatives/")
    assert "Lab set-up" in html
    assert "Not theirs" not in html
    assert "Find a space: Lab set-up" in html
    assert "Done already" not in html
    assert "Late" in html


def test_residents_see_their_own_referrals_only():
    resident = UserFactory(role=Role.RESIDENT, email="res@example.org")
    mine, _ = make_referral(email="res@example.org")
    type(mine).objects.filter(pk=mine.pk).update(referrer=resident)
    make_referral(email="res@example.org")  # sent without signing in: not linked
    html = _home(resident)
    assert _count_link(html, 1, "/lab/my-referrals/")
    assert f'href="/lab/my-referrals/">{mine.reference}</a>' in html
    assert 'href="/lab/refer/">Refer a problem to the Innovation Lab</a>' in html


def test_hostile_titles_are_escaped_on_the_work_list():
    hub = UserFactory(role=Role.HUB_TEAM)
    IdeaFactory(title="<script>alert(1)</script> bins")
    html = _home(hub)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; bins" in html


def _queries(user) -> int:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/").status_code == 200
    return len(captured)


def _more_work(partner, n: int) -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        IdeaFactory(title=f"Idea {i}")
        make_referral(email=f"r{i}@example.org")
        Report.objects.create(comment=CommentFactory(), reporter=UserFactory(), reason="Rude")
        PilotFactory()
        initiative = InitiativeFactory()
        TeamMember.objects.create(initiative=initiative, user=partner, role=TeamMember.Role.PARTNER)
        Milestone.objects.create(initiative=initiative, title=f"M{i}", due_on=date(2017, 1, 1))


def test_each_roles_home_runs_the_same_number_of_queries_whatever_the_amount_of_work():
    partner = UserFactory(role=Role.PARTNER)
    people = [UserFactory(role=role) for role in Role] + [partner]
    _more_work(partner, 1)
    before = [_queries(person) for person in people]
    _more_work(partner, 7)
    after = [_queries(person) for person in people]
    assert after == before
