"""A challenge's events: when the challenge moves on, those who came to them hear what
happened next; the lab plan page shows the move into council buildings."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.lab import challenge_services
from improvement_hub.lab.models import Challenge
from improvement_hub.spaces.models import Event, MovePlan, MoveStep, Provider, Registration
from tests.accounts.factories import UserFactory
from tests.conftest import client_for
from tests.spaces.factories import local, make_space

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def challenge(db):  # type: ignore[no-untyped-def]
    challenge = Challenge.objects.create(
        title="Getting to school on time", slug="school-on-time", statement="Buses and bells."
    )
    event = Event.objects.create(
        title="Open session: bring us a problem",
        slug="open-session-2017-01-10",
        kind=Event.Kind.OPEN_SESSION,
        summary="Tell us about a problem.",
        starts_at=local(2017, 1, 10, 14),
        ends_at=local(2017, 1, 10, 16),
        space=make_space(),
        capacity=20,
        confirmed_count=2,
    )
    for name, attended in [("Pat", True), ("Sam", False)]:
        Registration.objects.create(
            event=event,
            name=name,
            email=f"{name.lower()}@example.org",
            status="confirmed",
            attended=attended,
        )
    challenge.events.add(event)
    return challenge


def test_moving_a_challenge_on_tells_those_who_came_to_its_events(
    challenge, mailoutbox, django_capture_on_commit_callbacks
):
    hub = UserFactory(role=Role.HUB_TEAM)
    with django_capture_on_commit_callbacks(execute=True):
        challenge_services.challenge_stage_move(
            actor=hub, challenge=challenge, stage=Challenge.Stage.DEFINE
        )
    (message,) = mailoutbox
    assert message.to == ["pat@example.org"]
    assert message.subject == "What happened after Open session: bring us a problem"
    assert "Here is what happened next" in message.body
    challenge.refresh_from_db()
    assert challenge.stage == Challenge.Stage.DEFINE
    with django_capture_on_commit_callbacks(execute=True):
        challenge_services.challenge_stage_move(
            actor=hub, challenge=challenge, stage=Challenge.Stage.DEFINE
        )
    assert len(mailoutbox) == 1  # the same stage again tells nobody


@pytest.mark.parametrize("role", [Role.STAFF, Role.PARTNER, Role.RESIDENT])
def test_only_the_hub_team_move_a_challenge_on(challenge, role):
    with pytest.raises(PermissionDenied):
        challenge_services.challenge_stage_move(
            actor=UserFactory(role=role), challenge=challenge, stage=Challenge.Stage.DEFINE
        )


def test_an_unknown_stage_is_refused(challenge):
    with pytest.raises(ValidationError):
        challenge_services.challenge_stage_move(
            actor=UserFactory(role=Role.HUB_TEAM), challenge=challenge, stage="<b>done</b>"
        )


@pytest.mark.parametrize(
    ("role", "status"), [(Role.HUB_TEAM, 200), (Role.STAFF, 404), (Role.RESIDENT, 404)]
)
def test_the_stage_page_is_for_the_hub_team(challenge, role, status):
    url = reverse("lab:challenge_stage", kwargs={"slug": challenge.slug})
    assert client_for(role).get(url).status_code == status


def test_hub_team_move_a_challenge_on_from_its_page(challenge, mailoutbox):
    url = reverse("lab:challenge_stage", kwargs={"slug": challenge.slug})
    client = client_for(Role.HUB_TEAM)
    page = client.get(url).content.decode()
    assert "Open session: bring us a problem" in page
    assert client.post(url, {"stage": "nonsense"}).status_code == 400
    assert client.post(url, {"stage": "develop"}).status_code == 302
    challenge.refresh_from_db()
    assert challenge.stage == "develop"


def test_lab_plan_page_shows_the_move_into_council_buildings(db):
    lab = make_space(
        name="The partner’s lab", provider=Provider.PARTNER, available_until=dt.date(2017, 6, 30)
    )
    room = make_space(name="Council House room 2", available_from=dt.date(2017, 7, 1))
    plan = MovePlan.objects.create(name="Into council buildings", from_space=lab, to_space=room)
    MoveStep.objects.create(
        plan=plan, kind="it", title="Wi-Fi and screens", due_on=dt.date(2017, 5, 15)
    )
    html = client_for(None).get(reverse("lab:plan")).content.decode()
    assert "Moving into council buildings" in html
    assert "Wi-Fi and screens" in html
    assert "30 June 2017" in html
