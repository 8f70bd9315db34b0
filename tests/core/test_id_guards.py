"""Ids no row can have give a form error, never a 500 (issue 8, item 18).

Found by the hostile-input sweep: a posted id too large for SQLite in a multiple-choice
field, and a non-numeric id in a field the admin draws with a chooser.
"""

import pytest
from django.test import Client

from improvement_hub.council.models import Directorate, Priority, Service
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = 10**20


def test_in_lookup_matches_nothing_when_the_numbers_overflow_the_column():
    priority = Priority.objects.first()
    assert list(Priority.objects.filter(pk__in=[HUGE, -HUGE])) == []
    assert list(Priority.objects.filter(pk__in=[HUGE, priority.pk])) == [priority]


def _service_form(**changes: str) -> dict[str, str]:
    directorate = Directorate.objects.create(name="Place", slug="place")
    return {
        "name": "Repairs",
        "slug": "repairs",
        "directorate": str(directorate.pk),
        "description": "",
        "contact_url": "",
        "contact_email": "",
        "contact_phone": "",
        **changes,
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"priorities": str(HUGE)},
        {"priorities": "^x"},
        {"directorate": "^x"},
        {"directorate": str(HUGE)},
        {"directorate": "-1"},
    ],
    ids=["huge-priority", "text-priority", "text-directorate", "huge-directorate", "negative"],
)
def test_admin_service_form_shows_an_error_when_a_posted_id_is_impossible(changes):
    client = Client()
    client.force_login(UserFactory(role="Hub Team"))
    response = client.post("/admin/snippets/council/service/add/", _service_form(**changes))
    assert response.status_code == 200
    assert b"error" in response.content
    assert not Service.objects.filter(slug="repairs").exists()
