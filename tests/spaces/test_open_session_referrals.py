"""From an open session, the Hub Team turns what was raised into Lab referrals in one step."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from improvement_hub.lab.models import Referral
from improvement_hub.spaces import services
from improvement_hub.spaces.models import Event
from tests.spaces.factories import next_weekday

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(hub, room):  # type: ignore[no-untyped-def]
    event = services.event_create(
        user=hub,
        title="Open session",
        kind=Event.Kind.OPEN_SESSION,
        summary="Bring us a problem.",
        starts_at=next_weekday(14),
        ends_at=next_weekday(16),
        capacity=10,
        space=room,
    )
    people = [
        services.registration_confirm(
            registration=services.registration_submit(
                event=event, name=name, email=f"{name.lower()}@example.org"
            )
        )
        for name in ("Aisha", "Tom", "Grace")
    ]
    return event, people


def test_hub_team_makes_one_referral_per_problem_raised(hub, session, commit_callbacks):
    event, (aisha, tom, _grace) = session
    client = Client()
    client.force_login(hub)
    url = reverse("lab:event_referrals", args=[event.slug])
    assert client.get(url).status_code == 200
    missing = client.post(url, {f"problem_{aisha.pk}": "Damp in our flats"})
    assert missing.status_code == 400
    assert "Confirm these people agreed" in missing.content.decode()
    mail.outbox.clear()
    with commit_callbacks():
        made = client.post(
            url,
            {
                f"problem_{aisha.pk}": "Damp in our flats and the GP will not listen",
                f"problem_{tom.pk}": "Buses to the jobcentre stopped",
                "consent": "on",
            },
        )
    assert made.status_code == 302
    referrals = Referral.objects.order_by("pk")
    assert [r.email for r in referrals] == ["aisha@example.org", "tom@example.org"]
    assert all("Raised at Open session" in r.affected_who for r in referrals)
    assert sorted(m.to[0] for m in mail.outbox) == ["aisha@example.org", "tom@example.org"]


def test_only_the_hub_team_sees_the_page(staff, session):
    event, _ = session
    client = Client()
    client.force_login(staff)
    assert client.get(reverse("lab:event_referrals", args=[event.slug])).status_code == 404
    assert Client().get(reverse("lab:event_referrals", args=[event.slug])).status_code == 302


def test_nothing_raised_makes_nothing(hub, session):
    event, _ = session
    client = Client()
    client.force_login(hub)
    response = client.post(reverse("lab:event_referrals", args=[event.slug]), {"consent": "on"})
    assert response.status_code == 400
    assert "Enter at least one problem" in response.content.decode()
    assert not Referral.objects.exists()
