"""Issue 14: a form's choice list (services, challenges, Hub Team members) is read with one
plain query. Django's own iterator reads it through ``queryset.iterator()``, a server-side
cursor declared WITH HOLD on PostgreSQL outside a transaction (three round trips and the
result copied aside, 4 ms of the referral page): this checks every list of the Lab's
decision and assignment forms on whichever database the suite runs on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from improvement_hub.accounts.roles import Role
from improvement_hub.lab.forms import AssignForm, DecisionForm
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_choice_list_is_one_plain_query():
    member = UserFactory(role=Role.HUB_TEAM, first_name="Asha", last_name="Khan")
    with CaptureQueriesContext(connection) as captured:
        html = str(DecisionForm()) + str(AssignForm())
    assert "Asha Khan" in html
    assert f'value="{member.pk}"' in html
    assert [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith("DECLARE")] == []
    assert len(captured) == 3  # challenges, services, Hub Team members


def test_a_listed_choice_is_accepted_and_any_other_refused():
    member = UserFactory(role=Role.HUB_TEAM)
    outsider = UserFactory(role=Role.STAFF)
    assert AssignForm({"assignee": str(member.pk)}).is_valid()
    refused = AssignForm({"assignee": str(outsider.pk)})
    assert not refused.is_valid()
    assert "assignee" in refused.errors
