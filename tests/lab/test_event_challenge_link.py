"""Add an event (the Hub Team) links it to a Lab challenge (issue 12): the link is the
Lab's (Challenge.events, through lab.event_services registered on the spaces form), the
event's page shows the challenge, and when the challenge moves on those who came to an
event made this way hear what happened next."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.lab import challenge_services, event_services
from improvement_hub.lab.models import Challenge
from improvement_hub.spaces import services as space_services
from improvement_hub.spaces.models import Event
from tests.accounts.factories import UserFactory
from tests.spaces.factories import make_space, next_weekday

pytestmark = pytest.mark.django_db

START = next_weekday(14)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def hub(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.HUB_TEAM)


@pytest.fixture
def challenge(db):  # type: ignore[no-untyped-def]
    return Challenge.objects.create(
        title="Getting to school on time", slug="school-on-time", statement="Buses and bells."
    )


def _form(space, **changes: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    data = {
        "title": "Co-design: the school run",
        "kind": Event.Kind.CO_DESIGN,
        "summary": "Design the school run with us.",
        "starts_at": timezone.localtime(START).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": timezone.localtime(START + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "capacity": "10",
        "space": str(space.pk),
        "online_url": "",
        "challenge": "school-on-time",
    }
    return data | changes


def test_add_an_event_links_it_to_a_challenge_and_its_page_shows_it(
    hub, challenge, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(hub)
    form_page = client.get(reverse("spaces:event_new")).content.decode()
    assert "Lab challenge it is about (optional)" in form_page
    assert "Getting to school on time" in form_page
    response = client.post(reverse("spaces:event_new"), _form(make_space()))
    assert response.status_code == 302, response.content.decode()
    event = Event.objects.get(title="Co-design: the school run")
    assert list(challenge.events.all()) == [event]
    page = Client().get(event.get_absolute_url()).content.decode()
    assert "What it is about" in page
    assert f'href="{challenge.get_absolute_url()}"' in page
    # someone comes; the challenge moves on; they hear what happened next
    registration = space_services.registration_submit(
        event=event, name="Pat", email="pat@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        space_services.registration_confirm(registration=registration)
    registration.refresh_from_db()
    registration.attended = True
    registration.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        challenge_services.challenge_stage_move(
            actor=hub, challenge=challenge, stage=Challenge.Stage.DEFINE
        )
    assert [m.to for m in mail.outbox] == [["pat@example.org"]]
    assert mail.outbox[0].subject == "What happened after Co-design: the school run"


def test_no_challenge_links_nothing(hub, challenge):
    client = Client()
    client.force_login(hub)
    response = client.post(reverse("spaces:event_new"), _form(make_space(), challenge=""))
    assert response.status_code == 302
    assert not challenge.events.exists()


def test_the_change_page_shows_and_changes_the_link(hub, challenge):
    other = Challenge.objects.create(title="Warm homes", slug="warm-homes", statement="Damp.")
    space = make_space()
    client = Client()
    client.force_login(hub)
    client.post(reverse("spaces:event_new"), _form(space))
    event = Event.objects.get()
    edit = reverse("spaces:event_edit", kwargs={"slug": event.slug})
    assert '<option value="school-on-time" selected>' in client.get(edit).content.decode()
    assert client.post(edit, _form(space, challenge="warm-homes")).status_code == 302
    assert list(other.events.all()) == [event]
    assert not challenge.events.exists()
    assert client.post(edit, _form(space, challenge="")).status_code == 302
    assert not other.events.exists()


def test_an_unknown_or_unpublished_challenge_is_refused_and_nothing_is_saved(hub, challenge):
    Challenge.objects.create(
        title="Secret", slug="secret", statement="Not yet.", is_published=False
    )
    client = Client()
    client.force_login(hub)
    for slug in ("secret", "no-such-challenge", "<script>"):
        response = client.post(reverse("spaces:event_new"), _form(make_space(), challenge=slug))
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
    assert not Event.objects.exists()


def test_only_the_hub_team_links_events(hub, challenge):
    event = space_services.event_create(
        user=hub,
        title="Show and tell",
        kind=Event.Kind.SHOW_AND_TELL,
        summary="What the pilots found.",
        starts_at=START,
        ends_at=START + dt.timedelta(hours=1),
        capacity=5,
        online_url="https://meet.example.org/x",
    )
    with pytest.raises(PermissionDenied):
        event_services.event_challenge_set(
            actor=UserFactory(role=Role.STAFF), event=event, value=challenge
        )
    hidden = Challenge.objects.create(
        title="Hidden", slug="hidden", statement="x", is_published=False
    )
    with pytest.raises(ValidationError):
        event_services.event_challenge_set(actor=hub, event=event, value=hidden)
    assert not event.challenges.exists()


def test_a_link_that_fails_saves_no_event(hub, challenge, monkeypatch):
    """The event and its links are saved together or not at all."""

    def refuse(**kwargs):  # type: ignore[no-untyped-def]
        raise ValidationError({"challenge": ["Choose a published challenge"]})

    from improvement_hub.spaces import links

    link = links._event_links["challenge"]
    monkeypatch.setitem(
        links._event_links,
        "challenge",
        links.EventLink("challenge", link.field, link.initial, refuse),
    )
    client = Client()
    client.force_login(hub)
    response = client.post(reverse("spaces:event_new"), _form(make_space()))
    assert response.status_code == 400
    assert "Choose a published challenge" in response.content.decode()
    assert not Event.objects.exists()
