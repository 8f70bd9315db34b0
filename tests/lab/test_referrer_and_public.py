"""The referrer's tracking page, their data and withdrawal; retention; public pages; API."""

import json
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from improvement_hub.lab import services
from improvement_hub.lab.models import (
    Challenge,
    Evidence,
    IndicatorReading,
    Referral,
    ReferralDraft,
    ReferralStatus,
    SustainabilityIndicator,
)
from improvement_hub.lab.services import Decision
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db


def _track(client, referral, token):  # type: ignore[no-untyped-def]
    return client.get(reverse("lab:track", args=[referral.reference]), {"token": token})


def test_tracking_needs_the_right_token(client, council):
    referral, token = make_referral()
    assert _track(client, referral, token).status_code == 200
    assert _track(client, referral, "wrong").status_code == 404
    assert _track(client, referral, "").status_code == 404
    assert (
        client.get(reverse("lab:track", args=["IL-2026-999999"]), {"token": token}).status_code
        == 404
    )
    assert _track(client, referral, token)["Referrer-Policy"] == "same-origin"


def test_referrer_sees_every_message_but_never_internal_notes(client, council, hub):
    referral, token = make_referral()
    services.referral_decide(
        actor=hub,
        referral=referral,
        decision=Decision(
            kind="more_info", message="Which estate is it?", note="Secret internal note"
        ),
    )
    html = _track(client, referral, token).content.decode()
    assert "Which estate is it?" in html
    assert "Secret internal note" not in html
    response = client.post(
        reverse("lab:track", args=[referral.reference]),
        {"token": token, "action": "reply", "message": "Ladywood"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACKNOWLEDGED
    assert "Ladywood" in _track(client, referral, token).content.decode()
    empty = client.post(
        reverse("lab:track", args=[referral.reference]),
        {"token": token, "action": "reply", "message": ""},
    )
    assert "Enter your reply" in empty.content.decode()


def test_referrer_downloads_their_data(client, council):
    referral, token = make_referral(email="me@example.org")
    response = client.get(reverse("lab:track_data", args=[referral.reference]), {"token": token})
    data = json.loads(response.content)
    assert data["email"] == "me@example.org"
    assert data["reference"] == referral.reference
    assert (
        client.get(reverse("lab:track_data", args=[referral.reference]), {"token": "x"}).status_code
        == 404
    )


def test_referrer_withdraws(client, council):
    referral, token = make_referral()
    client.post(reverse("lab:track_withdraw", args=[referral.reference]), {"token": token})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN
    assert referral.closed_at is not None
    assert (
        client.post(
            reverse("lab:track_withdraw", args=[referral.reference]), {"token": "no"}
        ).status_code
        == 404
    )


def test_retention_erases_contact_details_and_evidence_after_the_set_months(council, hub, settings):
    settings.LAB_RETENTION_MONTHS = 6
    old, _ = make_referral(email="old@example.org")
    draft = ReferralDraft.objects.create()
    services.evidence_add(draft=draft, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF"))
    Evidence.objects.update(referral=old, draft=None)
    path = Evidence.objects.get().file.path
    recent, _ = make_referral(email="recent@example.org")
    still_open, _ = make_referral(email="open@example.org")
    for referral in (old, recent):
        services.referral_decide(
            actor=hub, referral=referral, decision=Decision(kind="declined", message="m")
        )
    Referral.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timedelta(days=200))
    Referral.objects.filter(pk=still_open.pk).update(
        created_at=timezone.now() - timedelta(days=900)
    )
    unconfirmed, _ = make_referral(confirmed=False, email="never@example.org")
    Referral.objects.filter(pk=unconfirmed.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    stale = ReferralDraft.objects.create(answers={"email": "draft@example.org"})
    ReferralDraft.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=31))

    assert services.retention_erase() == 2
    old.refresh_from_db()
    assert (old.email, old.contact_name, old.tracking_token_hash) == ("", "", "")
    assert old.personal_data_erased_at is not None
    assert old.problem, "the problem itself is kept"
    assert not Evidence.objects.exists()
    import os

    assert not os.path.exists(path)
    assert Referral.objects.get(pk=recent.pk).email == "recent@example.org"
    assert Referral.objects.get(pk=still_open.pk).email == "open@example.org", (
        "open referrals are kept"
    )
    assert Referral.objects.get(pk=unconfirmed.pk).email == ""
    assert not ReferralDraft.objects.filter(pk=stale.pk).exists()
    assert services.retention_erase() == 0, "running again changes nothing"


def test_retention_command(council):
    from django.core.management import call_command

    call_command("erase_expired_referral_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_public_challenges_show_how_many_raised_them(client, council, hub):
    challenge = Challenge.objects.create(
        title="Damp homes", slug="damp-homes", statement="Anonymised statement"
    )
    Challenge.objects.create(title="Hidden draft", slug="hidden", statement="x", is_published=False)
    for n in range(3):
        referral, _ = make_referral(email=f"c{n}@example.org")
        services.referral_decide(
            actor=hub,
            referral=referral,
            decision=Decision(kind="accepted", message="m", challenge=challenge),
        )
    html = client.get(reverse("lab:challenge_detail", args=["damp-homes"])).content.decode()
    assert "Raised by 3 people" in html
    assert client.get(reverse("lab:challenge_detail", args=["hidden"])).status_code == 404
    feed = ElementTree.fromstring(client.get(reverse("lab:challenge_feed")).content)
    assert [i.findtext("title") for i in feed.iter("item")] == ["Damp homes"]
    api = client.get("/api/v1/challenges").json()
    assert api[0]["raised_by"] == 3
    assert len(api) == 1


def test_plan_shows_whether_indicators_are_on_track(client, db):
    up = SustainabilityIndicator.objects.create(
        name="Partner share", practice="p", unit="%", target=30
    )
    IndicatorReading.objects.create(indicator=up, date="2026-01-01", value=10)
    IndicatorReading.objects.create(indicator=up, date="2026-06-01", value=35)
    down = SustainabilityIndicator.objects.create(
        name="Cost per referral", practice="p", target=100, direction="down", position=1
    )
    IndicatorReading.objects.create(indicator=down, date="2026-06-01", value=150)
    html = client.get(reverse("lab:plan")).content.decode()
    assert (
        html.index("Partner share")
        < html.index(">On track</strong>")
        < html.index("Cost per referral")
    )
    assert html.index("Cost per referral") < html.index(">Not yet</strong>")


def test_api_takes_a_minimal_referral(client, council):
    response = client.post(
        "/api/v1/referrals",
        json.dumps({"problem": "Lifts broken", "email": "api@example.org", "consent": True}),
        content_type="application/json",
    )
    assert response.status_code == 201
    reference = response.json()["reference"]
    assert Referral.objects.get(reference=reference).status == ReferralStatus.UNCONFIRMED


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        # Refused by the page's form or the service: 422, as every API refusal (issue 9).
        ({"problem": "x", "email": "api@example.org"}, 422),
        ({"problem": "x", "email": "not-an-email", "consent": True}, 422),
        ({"problem": "x", "email": "api@example.org", "consent": False}, 422),
        ({"problem": "", "email": "api@example.org", "consent": True}, 422),
        ({"problem": "x" * 5001, "email": "api@example.org", "consent": True}, 422),
        ({"problem": "x", "email": "a@example.org", "consent": True, "services": ["nope"]}, 422),
        ({"problem": "x", "email": "a@example.org", "consent": True, "agencies": ["mi6"]}, 422),
    ],
)
def test_api_refuses_bad_input_clearly(client, council, payload, status):
    response = client.post(
        "/api/v1/referrals", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == status
    assert not Referral.objects.exists()


def test_api_rate_limits_like_the_form(client, council, settings):
    settings.LAB_REFERRAL_RATE_LIMITS = (1, 100)
    body = {"problem": "x", "email": "a@example.org", "consent": True}
    assert (
        client.post(
            "/api/v1/referrals", json.dumps(body), content_type="application/json"
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/referrals", json.dumps(body), content_type="application/json"
        ).status_code
        == 429
    )


def test_api_status_for_the_referrer_and_hub_team_only(
    client, council, hub_team_client, staff_client
):
    referral, token = make_referral(email="who@example.org")
    url = f"/api/v1/referrals/{referral.reference}"
    mine = client.get(url, {"token": token}).json()
    assert mine["status"] == "new"
    assert "who@example.org" not in json.dumps(mine)
    assert hub_team_client.get(url).json()["reference"] == referral.reference
    assert staff_client.get(url).status_code == 404
    assert client.get(url).status_code == 404
    assert client.get(url, {"token": "guess"}).status_code == 404


def test_lab_home_and_static_pages(client, council):
    for name in (
        "lab:lab_home",
        "lab:refer_start",
        "lab:challenge_list",
        "lab:plan",
        "lab:methods",
        "lab:peer_labs",
    ):
        assert client.get(reverse(name)).status_code == 200
