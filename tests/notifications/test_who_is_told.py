"""Work reaches people (issue 10): each event tells the person who must act, as the kind
they chose, and never the person who did it."""

from datetime import date

import pytest
from django.core import mail

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import services as idea_services
from improvement_hub.ideas import similarity as idea_similarity
from improvement_hub.initiatives import services as initiative_services
from improvement_hub.initiatives.models import Pilot, TeamMember
from improvement_hub.lab import services as lab_services
from improvement_hub.lab import similarity as lab_similarity
from improvement_hub.notifications.kinds import (
    ASSIGNED_TO_YOU,
    COMMENT_ON_YOURS,
    DECISION_WAITING,
    REPLY_TO_YOU,
)
from improvement_hub.notifications.models import KindSetting, Notification
from tests.accounts.factories import UserFactory
from tests.ideas.factories import CommentFactory, IdeaFactory
from tests.initiatives.factories import InitiativeFactory
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


def _told(user, kind: str) -> list[Notification]:  # type: ignore[no-untyped-def]
    return list(Notification.objects.filter(recipient=user, kind=kind))


def test_the_hub_team_is_told_of_a_new_idea_when_it_is_submitted_but_not_twice(
    django_capture_on_commit_callbacks,
):
    hub, other_hub = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    staff = UserFactory(role=Role.STAFF)
    draft = IdeaFactory(author=staff, submitted_at=None, title="Text tenants about repairs")
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_submit(author=staff, idea=draft)
        idea_services.idea_submit(author=staff, idea=draft)  # a double click
    for member in (hub, other_hub):
        (told,) = _told(member, "ideas.submitted")
        assert told.subject == "New idea to review: Text tenants about repairs"
        assert told.url == f"/ideas/{draft.pk}/manage/"
    assert not Notification.objects.filter(recipient=staff, kind="ideas.submitted").exists()
    assert {m.to[0] for m in mail.outbox} >= {hub.email, other_hub.email}


def test_a_hub_team_member_who_switched_new_ideas_off_is_not_told(
    django_capture_on_commit_callbacks,
):
    hub = UserFactory(role=Role.HUB_TEAM)
    KindSetting.objects.create(user=hub, kind="ideas.submitted", in_hub=False, by_email=False)
    staff = UserFactory(role=Role.STAFF)
    draft = IdeaFactory(author=staff, submitted_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_submit(author=staff, idea=draft)
    assert _told(hub, "ideas.submitted") == []


def test_the_author_is_told_of_a_comment_and_the_commenter_of_a_reply(
    django_capture_on_commit_callbacks,
):
    idea = IdeaFactory(title="Bins")
    first = CommentFactory(idea=idea)
    replier = UserFactory(role=Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        reply = idea_services.comment_add(
            author=replier, idea=idea, body="I agree with this.", parent=first
        )
    (on_idea,) = _told(idea.author, COMMENT_ON_YOURS)
    assert on_idea.url == f"{idea.get_absolute_url()}#comment-{reply.pk}"
    (to_comment,) = _told(first.author, REPLY_TO_YOU)
    assert to_comment.body == "I agree with this."
    assert Notification.objects.filter(recipient=replier).count() == 0


def test_an_author_commenting_on_their_own_idea_is_not_told(django_capture_on_commit_callbacks):
    idea = IdeaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.comment_add(author=idea.author, idea=idea, body="An update from me.")
    assert Notification.objects.filter(recipient=idea.author).count() == 0


def test_a_hub_team_member_is_told_when_an_idea_is_assigned_to_them_not_when_they_take_it(
    django_capture_on_commit_callbacks,
):
    lead, colleague = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    idea = IdeaFactory()
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_assign(actor=lead, idea=idea, assignee=colleague)
        idea_services.idea_assign(actor=lead, idea=idea, assignee=lead)
    (told,) = _told(colleague, ASSIGNED_TO_YOU)
    assert told.url == f"/ideas/{idea.pk}/manage/"
    assert _told(lead, ASSIGNED_TO_YOU) == []


def test_the_hub_team_is_told_of_a_confirmed_referral_by_reference_only(
    django_capture_on_commit_callbacks,
):
    hub = UserFactory(role=Role.HUB_TEAM)
    with django_capture_on_commit_callbacks(execute=True):
        referral, _ = make_referral(problem="Damp in our flats at 12 Acacia Road")
    (told,) = _told(hub, "lab.referral_confirmed")
    assert told.subject == f"New referral to acknowledge: {referral.reference}"
    assert "Acacia" not in told.subject + told.body  # no personal detail in an email
    assert told.url == f"/lab/triage/{referral.reference}/"
    assert "Acknowledge it by" in told.body


def test_an_unconfirmed_referral_tells_nobody(django_capture_on_commit_callbacks):
    hub = UserFactory(role=Role.HUB_TEAM)
    with django_capture_on_commit_callbacks(execute=True):
        make_referral(confirmed=False)
    assert _told(hub, "lab.referral_confirmed") == []


def test_a_hub_team_member_is_told_when_a_referral_is_assigned_to_them(
    django_capture_on_commit_callbacks,
):
    lead, colleague = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    referral, _ = make_referral()
    with django_capture_on_commit_callbacks(execute=True):
        lab_services.referral_assign(actor=lead, referral=referral, assignee=colleague)
    (told,) = _told(colleague, ASSIGNED_TO_YOU)
    assert told.subject == f"Referral assigned to you: {referral.reference}"


def test_leadership_is_told_a_decision_waits_when_a_pilot_is_added_but_not_when_it_is_edited(
    django_capture_on_commit_callbacks,
):
    hub, leader = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.LEADERSHIP)
    initiative = InitiativeFactory(title="Repairs first time")
    pilot = Pilot(
        title="Ward 3 pilot",
        starts_on=date(2017, 3, 1),
        ends_on=date(2017, 5, 31),
        success_criteria="Half the repairs done in a week.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        initiative_services.part_save(actor=hub, initiative=initiative, part=pilot)
        pilot.title = "Ward 3 pilot, extended"
        initiative_services.part_save(actor=hub, initiative=initiative, part=pilot)
    (told,) = _told(leader, DECISION_WAITING)
    assert told.subject == "A pilot needs your go or no-go: Ward 3 pilot"
    assert "starts on 1 March 2017" in told.body
    assert told.url == f"/initiatives/{initiative.pk}/#pilot-{pilot.pk}"
    assert _told(hub, DECISION_WAITING) == []


def test_a_partner_is_told_when_they_join_an_initiatives_team(django_capture_on_commit_callbacks):
    hub = UserFactory(role=Role.HUB_TEAM)
    partner = UserFactory(role=Role.PARTNER)
    initiative = InitiativeFactory(title="Lab set-up")
    member = TeamMember(user=partner, role=TeamMember.Role.PARTNER)
    with django_capture_on_commit_callbacks(execute=True):
        initiative_services.part_save(actor=hub, initiative=initiative, part=member)
    (told,) = _told(partner, ASSIGNED_TO_YOU)
    assert told.subject == "You have joined the team of: Lab set-up"


def test_reassigning_a_referral_tells_each_person_it_was_given_to(
    django_capture_on_commit_callbacks,
):
    lead = UserFactory(role=Role.HUB_TEAM)
    first, second = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    referral, _ = make_referral()
    with django_capture_on_commit_callbacks(execute=True):
        lab_services.referral_assign(actor=lead, referral=referral, assignee=first)
        lab_services.referral_assign(actor=lead, referral=referral, assignee=second)
        lab_services.referral_assign(actor=lead, referral=referral, assignee=None)
    assert len(_told(first, ASSIGNED_TO_YOU)) == 1
    assert len(_told(second, ASSIGNED_TO_YOU)) == 1
