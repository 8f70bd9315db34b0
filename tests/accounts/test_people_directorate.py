"""The Hub Team set the directorate a person works in on the people page: each change is
in the audit log (who, when, from, to); role × action, bad input, double submits, closed
accounts."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.accounts.services import DIRECTORATE_CHANGED, person_set_directorate
from tests.accounts.factories import UserFactory
from tests.council.factories import DirectorateFactory

pytestmark = pytest.mark.django_db

ROLES = [None, *Role]
ROLE_IDS = ["anonymous", *(r.name.lower() for r in Role)]


def _log(person: User) -> list[ModelLogEntry]:
    return list(
        ModelLogEntry.objects.for_instance(person).filter(action=DIRECTORATE_CHANGED).order_by("pk")
    )


def test_hub_team_sets_and_clears_a_directorate_and_the_page_shows_the_record(client):
    hub = UserFactory(role=Role.HUB_TEAM, first_name="Hana", last_name="Hughes")
    client.force_login(hub)
    housing = DirectorateFactory(name="Place and Housing")
    person = UserFactory(role=Role.STAFF)
    url = f"/accounts/people/{person.pk}/directorate/"

    response = client.post(url, {"directorate": housing.pk})

    assert response.status_code == 302
    assert response.url.endswith("#directorate")
    assert User.objects.get(pk=person.pk).directorate == housing
    page = client.get(f"/accounts/people/{person.pk}/").content.decode()
    assert "Place and Housing" in page
    assert "Changes to their directorate" in page
    assert "Hana Hughes" in page
    client.post(url, {"directorate": ""})
    assert User.objects.get(pk=person.pk).directorate is None
    entries = _log(person)
    assert [(e.data["before"], e.data["after"]) for e in entries] == [
        ("", "Place and Housing"),
        ("Place and Housing", ""),
    ]
    assert all(e.user_id == hub.pk for e in entries)


def test_the_audit_log_says_what_changed_in_words_when_read_in_the_admin():
    hub = UserFactory(role=Role.HUB_TEAM)
    person = UserFactory(role=Role.STAFF)
    person_set_directorate(actor=hub, person=person, directorate=DirectorateFactory(name="Adults"))
    entry = _log(person)[0]
    assert entry.message == "Directorate changed from none to Adults"


def test_a_double_submit_records_the_change_once_when_clicked_twice(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    directorate = DirectorateFactory()
    person = UserFactory(role=Role.STAFF)
    for _ in range(2):
        response = client.post(
            f"/accounts/people/{person.pk}/directorate/", {"directorate": directorate.pk}
        )
        assert response.status_code == 302
    assert len(_log(person)) == 1


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_only_the_hub_team_sets_a_directorate_when_they_post_the_form(client, role):
    UserFactory(role=Role.HUB_TEAM)
    directorate = DirectorateFactory()
    person = UserFactory(role=Role.STAFF)
    if role is not None:
        client.force_login(UserFactory(role=role))
    response = client.post(
        f"/accounts/people/{person.pk}/directorate/", {"directorate": directorate.pk}
    )
    if role == Role.HUB_TEAM:
        assert response.status_code == 302
        assert User.objects.get(pk=person.pk).directorate == directorate
        return
    if role is None:
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")
    else:
        assert response.status_code == 404
    assert User.objects.get(pk=person.pk).directorate is None
    assert _log(person) == []


@pytest.mark.parametrize("role", [r for r in Role if r != Role.HUB_TEAM])
def test_the_service_refuses_anyone_outside_the_hub_team_when_asked(role):
    person = UserFactory(role=Role.STAFF)
    with pytest.raises(PermissionDenied):
        person_set_directorate(
            actor=UserFactory(role=role), person=person, directorate=DirectorateFactory()
        )
    assert User.objects.get(pk=person.pk).directorate is None


def test_the_page_only_answers_a_post_when_opened(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    person = UserFactory(role=Role.STAFF)
    assert client.get(f"/accounts/people/{person.pk}/directorate/").status_code == 405


@pytest.mark.parametrize(
    "answer", ["999999999", "not a number", "1 OR 1=1", "<script>alert(1)</script>", "x" * 20_000]
)
def test_bad_answers_are_refused_with_a_message_and_change_nothing(client, answer):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    person = UserFactory(role=Role.STAFF)
    response = client.post(f"/accounts/people/{person.pk}/directorate/", {"directorate": answer})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose a directorate from the list" in page
    assert "There is a problem" in page
    assert "<script>alert(1)</script>" not in page
    assert User.objects.get(pk=person.pk).directorate is None


def test_a_closed_account_keeps_its_directorate_when_the_service_is_asked():
    hub = UserFactory(role=Role.HUB_TEAM)
    person = UserFactory(role=Role.STAFF, is_active=False)
    with pytest.raises(ValidationError):
        person_set_directorate(actor=hub, person=person, directorate=DirectorateFactory())
    assert _log(person) == []


def test_a_missing_person_is_not_found_when_posted(client):
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    response = client.post("/accounts/people/99999999/directorate/", {"directorate": ""})
    assert response.status_code == 404
