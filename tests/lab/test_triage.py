"""Triage: the inbox, decisions with messages, personal data and its access log."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from improvement_hub.council.models import Service
from improvement_hub.lab import services
from improvement_hub.lab.models import (
    Challenge,
    Evidence,
    PersonalDataAccess,
    Referral,
    ReferralDraft,
    ReferralEvent,
    ReferralStatus,
)
from improvement_hub.lab.services import Decision
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db


def test_triage_targets_are_in_working_days_around_bank_holidays(council):
    referral, _ = make_referral(confirmed=False)
    # received on Thursday 17 December 2026: Christmas and Boxing Day (substitute on the 28th)
    received = datetime(2026, 12, 17, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: received)
        services.referral_confirm_email(referral=referral)
    referral.refresh_from_db()
    assert referral.acknowledge_by == date(2026, 12, 24)
    assert referral.decide_by == date(2027, 1, 19)


@pytest.mark.parametrize("fixture", ["client", "staff_client", "resident_client"])
def test_inbox_and_referrals_are_hub_team_only(request, fixture, council):
    referral, _ = make_referral()
    client = request.getfixturevalue(fixture)
    for url in (
        reverse("lab:triage_inbox"),
        reverse("lab:triage_referral", args=[referral.reference]),
        reverse("lab:triage_contact", args=[referral.reference]),
    ):
        assert client.get(url).status_code in (302, 404), url
    assert not PersonalDataAccess.objects.exists()


def test_inbox_puts_the_most_at_risk_first_and_marks_overdue(hub_team_client, council):
    late, _ = make_referral(problem="Late one", email="a@example.org")
    fresh, _ = make_referral(problem="Fresh one", email="b@example.org")
    Referral.objects.filter(pk=late.pk).update(
        acknowledge_by=date(2020, 1, 6), decide_by=date(2020, 1, 27)
    )
    unconfirmed, _ = make_referral(confirmed=False, problem="Unconfirmed", email="c@example.org")
    html = hub_team_client.get(reverse("lab:triage_inbox")).content.decode()
    assert html.index(late.reference) < html.index(fresh.reference)
    assert "Overdue by" in html
    assert unconfirmed.reference not in html, "triage starts when the email is confirmed"
    overdue = hub_team_client.get(reverse("lab:triage_inbox"), {"age": "overdue"}).content.decode()
    assert late.reference in overdue
    assert fresh.reference not in overdue


def test_cross_system_flag(hub_team_client, council):
    repairs = Service.objects.get(slug="council-housing-repairs")
    referral, _ = make_referral(services_=[repairs], agencies=["nhs"])
    single, _ = make_referral(services_=[repairs], email="x@example.org")
    html = hub_team_client.get(reverse("lab:triage_inbox")).content.decode()
    row = html[html.index(referral.reference) :]
    assert "Cross-system" in row[:400]
    assert "Cross-system" not in html[html.index(single.reference) :][:300]


def test_opening_contact_details_is_logged_each_time(hub_team_client, council):
    referral, _ = make_referral(email="private@example.org")
    page = hub_team_client.get(
        reverse("lab:triage_referral", args=[referral.reference])
    ).content.decode()
    assert "private@example.org" not in page, "the referral page does not show personal data"
    assert not PersonalDataAccess.objects.exists()
    contact = hub_team_client.get(reverse("lab:triage_contact", args=[referral.reference]))
    assert "private@example.org" in contact.content.decode()
    assert contact["Cache-Control"] == "no-store"
    hub_team_client.get(reverse("lab:triage_contact", args=[referral.reference]))
    log = list(PersonalDataAccess.objects.values_list("what", flat=True))
    assert log == ["contact details", "contact details"]
    page = hub_team_client.get(
        reverse("lab:triage_referral", args=[referral.reference])
    ).content.decode()
    assert "Who saw personal data" in page
    assert "contact details" in page


def test_evidence_is_served_only_to_the_hub_team_and_logged(
    hub_team_client, staff_client, council, client
):
    draft = ReferralDraft.objects.create()
    services.evidence_add(
        draft=draft, upload=SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    data = services.ReferralData(problem="p", email="e@example.org", consent=True)
    referral, _ = services.referral_submit(data=data, ip="1.1.1.1", draft=draft)
    evidence = Evidence.objects.get()
    url = reverse("lab:triage_evidence", args=[referral.reference, evidence.pk])
    assert staff_client.get(url).status_code == 404
    assert client.get(url).status_code == 302
    response = hub_team_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert 'filename="letter.pdf"' in response["Content-Disposition"]
    assert PersonalDataAccess.objects.get().what == "evidence file ‘letter.pdf’"


def _decide(client, referral, **data):  # type: ignore[no-untyped-def]
    return client.post(reverse("lab:triage_decide", args=[referral.reference]), data)


def test_each_decision_changes_status_history_and_emails_the_referrer(
    hub_team_client, council, commit_callbacks
):
    repairs = Service.objects.get(slug="council-housing-repairs")
    cases = [
        ({"kind": "acknowledged"}, ReferralStatus.ACKNOWLEDGED),
        (
            {"kind": "more_info", "message": "How many flats are affected?"},
            ReferralStatus.MORE_INFO,
        ),
        ({"kind": "referred", "service": repairs.slug}, ReferralStatus.REFERRED),
        ({"kind": "accepted", "new_challenge_title": "Damp homes"}, ReferralStatus.ACCEPTED),
        ({"kind": "declined", "note": "it is a single-service matter"}, ReferralStatus.DECLINED),
    ]
    for n, (data, status) in enumerate(cases):
        referral, _ = make_referral(email=f"r{n}@example.org")
        mail.outbox.clear()
        with commit_callbacks():
            response = _decide(hub_team_client, referral, **data)
        assert response.status_code == 302, response.content.decode()[:3000]
        referral.refresh_from_db()
        assert referral.status == status
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [f"r{n}@example.org"]
        assert referral.events.filter(kind=data["kind"]).exists()
    referred = Referral.objects.get(status=ReferralStatus.REFERRED)
    assert referred.referred_to == repairs
    assert repairs.name in referred.events.get(kind="referred").message, (
        "standard message names the service"
    )
    assert Challenge.objects.get(title="Damp homes").referrals.count() == 1


def test_referred_service_contact_route_is_shown_to_the_referrer(client, hub_team_client, council):
    repairs = Service.objects.get(slug="council-housing-repairs")
    referral, token = make_referral()
    _decide(hub_team_client, referral, kind="referred", service=repairs.slug)
    page = client.get(
        reverse("lab:track", args=[referral.reference]), {"token": token}
    ).content.decode()
    assert repairs.contact_url in page
    assert repairs.contact_phone in page


def test_merge_and_join_a_challenge(hub_team_client, council):
    first, _ = make_referral(email="a@example.org")
    second, _ = make_referral(email="b@example.org")
    response = _decide(hub_team_client, second, kind="merged", merge_into=first.reference)
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.merged_into == first
    assert second.status == ReferralStatus.MERGED
    bad = _decide(hub_team_client, first, kind="merged", merge_into="IL-0000-000000")
    assert bad.status_code == 400
    assert "Enter the reference of another referral" in bad.content.decode()


def test_decisions_need_their_details(hub_team_client, council):
    referral, _ = make_referral()
    for data, message in [
        ({"kind": "referred"}, "Select the service the referral goes to"),
        ({"kind": "accepted"}, "Select a challenge to join, or enter a title for a new one"),
        ({}, "Select a decision"),
        ({"kind": "nonsense"}, "Select a valid choice"),
    ]:
        response = _decide(hub_team_client, referral, **data)
        assert response.status_code == 400
        assert message in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NEW


def test_a_closed_referral_cannot_be_decided_again(hub_team_client, council):
    referral, _ = make_referral()
    _decide(hub_team_client, referral, kind="declined", note="x")
    again = _decide(hub_team_client, referral, kind="acknowledged")
    assert again.status_code == 400
    assert ReferralEvent.objects.filter(referral=referral, kind="acknowledged").count() == 0


def test_suggestions_fall_back_with_little_history_and_learn_with_more(council, hub):
    repairs = Service.objects.get(slug="council-housing-repairs")
    referral, _ = make_referral(services_=[repairs])
    from improvement_hub.lab.selectors import referral_suggestions

    first = referral_suggestions(referral=referral)
    assert first["low_confidence"] is True
    assert [s for s, _ in first["services"]] == [repairs]
    adult_care = Service.objects.get(slug="adult-social-care")
    for n in range(21):
        past, _ = make_referral(
            email=f"p{n}@example.org", problem=f"Older people leaving hospital wait for care {n}"
        )
        services.referral_update_tags(
            actor=hub, referral=past, services=[adult_care], priorities=[]
        )
        services.referral_decide(
            actor=hub, referral=past, decision=Decision(kind="declined", message="m")
        )
    new, _ = make_referral(
        email="new@example.org", problem="Older people wait in hospital for a care package"
    )
    learned = referral_suggestions(referral=new)
    assert learned["low_confidence"] is False
    service, confidence = learned["services"][0]
    assert service == adult_care
    assert confidence > 50


def test_inbox_queries_do_not_grow(hub_team_client, council, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        make_referral(email=f"a{n}@example.org")
    hub_team_client.get(reverse("lab:triage_inbox"))  # warm per-process caches
    for n in range(3):
        make_referral(email=f"c{n}@example.org")  # rows not drawn yet (lab.hub_views._inbox_rows)
    with CaptureQueriesContext(connection) as few:
        hub_team_client.get(reverse("lab:triage_inbox"))
    for n in range(20):
        make_referral(email=f"b{n}@example.org")
    with CaptureQueriesContext(connection) as many:
        hub_team_client.get(reverse("lab:triage_inbox"))
    assert len(many) == len(few)


def test_referral_page_queries_do_not_grow(hub_team_client, council, hub):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    referral, _ = make_referral()
    url = reverse("lab:triage_referral", args=[referral.reference])
    # The first view builds this process's similarity indexes, the second stores the
    # referral's aside (lab.asides), the third reads it and caches the services and
    # priorities it names: both measured views read it as every later view does.
    for _ in range(3):
        hub_team_client.get(url)
    with CaptureQueriesContext(connection) as few:
        hub_team_client.get(url)
    for _ in range(10):
        ReferralEvent.objects.create(referral=referral, kind="note", note="n", actor=hub)
    with CaptureQueriesContext(connection) as many:
        hub_team_client.get(url)
    assert len(many) == len(few)


def test_decline_needs_a_reason(hub_team_client, council, commit_callbacks):
    referral, _ = make_referral()
    response = _decide(hub_team_client, referral, kind="declined")
    assert response.status_code == 400
    assert "Enter the reason for declining" in response.content.decode()
    with commit_callbacks():
        _decide(hub_team_client, referral, kind="declined", note="it concerns one service only")
    event = referral.events.get(kind="declined")
    assert "because it concerns one service only" in event.message
