"""The triage inbox's query string (issue 8, item 18): a value that cannot name anything
(an id too large for the database, negative, other scripts' digits, a slug with a NUL)
is ignored and the inbox is shown, never a server error."""

import re

import pytest
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.lab.models import Referral
from tests.accounts.factories import UserFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db

BAD_VALUES = [
    "99999999999999999999",  # more than any bigint
    "9223372036854775808",  # one more than the largest bigint
    "-1",
    "0",
    "abc",
    "²",  # a digit to str.isdigit(), not to int()
    "٣",  # Arabic-Indic three
    "１",  # fullwidth one
    "",
    " ",
    "1.5",
    "1e3",
    "<script>alert(1)</script>",
    "é" * 300,
]
PARAMS = ["assignee", "service", "priority", "page", "status", "age"]


@pytest.mark.parametrize("value", BAD_VALUES, ids=[f"v{i}" for i in range(len(BAD_VALUES))])
@pytest.mark.parametrize("name", PARAMS)
def test_inbox_is_shown_with_the_value_ignored_when_a_filter_cannot_name_anything(
    hub_team_client, name, value
):
    referral, _ = make_referral(problem="Damp in our flats")
    response = hub_team_client.get(reverse("lab:triage_inbox"), {name: value})
    assert response.status_code == 200
    assert referral.reference in response.content.decode()


@pytest.mark.parametrize("value", ["99999999999999999999", "-3", "²", "٣"])
def test_assignee_filter_shows_anyone_when_the_assignee_is_not_a_possible_id(
    hub_team_client, value
):
    make_referral()
    html = hub_team_client.get(reverse("lab:triage_inbox"), {"assignee": value}).content.decode()
    select = html[
        html.index('name="assignee"') : html.index("</select>", html.index('name="assignee"'))
    ]
    chosen = re.findall(r"<option[^>]* selected[^>]*>([^<]*)</option>", select)
    assert chosen == ["Anyone"], "no one is chosen: the filter is 'Anyone'"


def test_assignee_filter_still_narrows_the_inbox_when_the_id_is_good(hub_team_client):
    member = UserFactory(role=Role.HUB_TEAM, first_name="Asha")
    mine, _ = make_referral(problem="Assigned to Asha", email="a@example.org")
    other, _ = make_referral(problem="Nobody has this", email="b@example.org")
    Referral.objects.filter(pk=mine.pk).update(assignee=member)
    html = hub_team_client.get(
        reverse("lab:triage_inbox"), {"assignee": str(member.pk)}
    ).content.decode()
    assert mine.reference in html
    assert other.reference not in html
    nobody = hub_team_client.get(reverse("lab:triage_inbox"), {"assignee": "none"}).content
    assert other.reference in nobody.decode()
    assert mine.reference not in nobody.decode()
