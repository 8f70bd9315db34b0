"""The Ideas Forum's permissions as a role × action matrix."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import permissions
from tests.accounts.factories import UserFactory
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

ROLES = [None, Role.RESIDENT, Role.STAFF, Role.HUB_TEAM, Role.PARTNER, Role.LEADERSHIP]
#            anon   resident staff  hub    partner leadership
MATRIX = {
    "submit": [False, False, True, True, False, True],
    "support": [False, False, True, True, False, True],
    "comment": [False, False, True, True, False, True],
    "follow": [False, True, True, True, True, True],
    "report": [False, True, True, True, True, True],
    "manage": [False, False, False, True, False, False],
    "view_hidden": [False, False, False, True, False, False],
}


def _user(role):  # type: ignore[no-untyped-def]
    return AnonymousUser() if role is None else UserFactory(role=role)


@pytest.mark.parametrize(("index", "role"), list(enumerate(ROLES)))
def test_role_matrix(index, role):
    user = _user(role)
    idea = IdeaFactory()
    hidden = IdeaFactory(hidden_at=timezone.now())
    actual = {
        "submit": permissions.can_submit_idea(user),
        "support": permissions.can_support_idea(user, idea),
        "comment": permissions.can_comment_on_idea(user, idea),
        "follow": permissions.can_follow_idea(user, idea),
        "report": permissions.can_report(user),
        "manage": permissions.can_manage_ideas(user),
        "view_hidden": permissions.can_view_idea(user, hidden),
    }
    assert actual == {action: allowed[index] for action, allowed in MATRIX.items()}


def test_nobody_acts_on_merged_hidden_or_draft_ideas():
    staff = UserFactory(role=Role.STAFF)
    target = IdeaFactory()
    for idea in (
        IdeaFactory(merged_into=target),
        IdeaFactory(hidden_at=timezone.now()),
        IdeaFactory(submitted_at=None),
    ):
        assert not permissions.can_support_idea(staff, idea)
        assert not permissions.can_comment_on_idea(staff, idea)


def test_drafts_are_visible_to_their_author_only():
    draft = IdeaFactory(submitted_at=None)
    assert permissions.can_view_idea(draft.author, draft)
    assert not permissions.can_view_idea(UserFactory(role=Role.HUB_TEAM), draft)


def test_hidden_name_is_shown_to_author_and_hub_team_only():
    idea = IdeaFactory(name_hidden=True)
    assert permissions.can_see_author(idea.author, idea)
    assert permissions.can_see_author(UserFactory(role=Role.HUB_TEAM), idea)
    assert not permissions.can_see_author(UserFactory(role=Role.STAFF), idea)
    assert not permissions.can_see_author(AnonymousUser(), idea)


def test_hidden_name_is_not_shown_on_the_page(client):
    idea = IdeaFactory(name_hidden=True)
    name = idea.author.get_full_name()
    html = client.get(idea.get_absolute_url()).content.decode()
    assert name not in html
    assert "A member of staff" in html
    rss = client.get("/ideas/feed/").content.decode()
    assert name not in rss
