"""A signed-in resident refers a problem (issue 10, item 11): their account's verified
email is used, so they neither type it nor confirm it again; the referral is received at
once, appears in their notifications and is listed under "Your referrals", whose tracking
pages they open without the emailed token. Everyone else's journey is unchanged."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.lab import services
from improvement_hub.lab.models import Referral, ReferralStatus
from improvement_hub.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db

ANSWERS = [
    ("who", {"raised_as": "resident"}),
    ("affected", {"affected_who": "Families in temporary homes", "affected_count": "dozens"}),
    ("problem", {"problem": "Children miss school because the B&B is two buses away."}),
    ("services", {"services": ["housing-options"]}),
    ("tried", {"tried": "We asked the school and housing."}),
    ("priorities", {"priorities": ["children"]}),
]


def _signed_in(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def resident(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.RESIDENT, email="Sam.Resident@Example.org")


def _answer_up_to_contact(client: Client) -> None:
    for step, data in ANSWERS:
        response = client.post(reverse("lab:refer_step", args=[step]), data)
        assert response.status_code == 302, (step, response.content.decode()[:1500])


def test_a_signed_in_resident_is_not_asked_for_their_email_and_need_not_confirm_it(
    resident, council, commit_callbacks
):
    client = _signed_in(resident)
    _answer_up_to_contact(client)
    contact = client.get(reverse("lab:refer_step", args=["contact"])).text
    assert 'name="email"' not in contact
    assert "sam.resident@example.org" in contact
    assert "will not ask you to confirm it again" in contact
    response = client.post(
        reverse("lab:refer_step", args=["contact"]),
        {"contact_name": "Sam", "email": "someone.else@example.org"},  # ignored
    )
    assert response.status_code == 302
    client.post(reverse("lab:refer_step", args=["consent"]), {"consent": "on"})
    check = client.get(reverse("lab:refer_check")).text
    assert "sam.resident@example.org" in check
    with commit_callbacks():
        sent = client.post(reverse("lab:refer_check"))
    assert sent.status_code == 302

    referral = Referral.objects.get()
    assert referral.referrer == resident
    assert referral.email == "sam.resident@example.org"
    assert referral.status == ReferralStatus.NEW  # received: triage starts now
    assert referral.email_confirmed_at is not None
    assert referral.acknowledge_by is not None
    done = client.get(sent.url).text
    assert "Confirm your email address" not in done
    assert reverse("lab:my_referrals") in done
    # no confirmation link is sent; the news is in their notifications
    assert not [m for m in mail.outbox if "/lab/refer/confirm/" in m.body]
    note = Notification.objects.get(recipient=resident)
    assert referral.reference in note.subject
    assert note.url == reverse("lab:track", args=[referral.reference])
    # the Hub Team's triage inbox has it without waiting for a confirmation
    assert referral.reference in client.get(note.url).text


def test_your_referrals_lists_only_your_own_and_their_pages_open_without_a_token(
    resident, council, commit_callbacks
):
    with commit_callbacks():
        mine, _ = services.referral_submit(
            data=services.ReferralData(
                problem="Bins on our estate are never emptied on time.",
                email="sam.resident@example.org",
                consent=True,
            ),
            ip="10.9.0.1",
            referrer=resident,
        )
        someone_elses, _ = make_referral(email="other@example.org", problem="Not Sam's")
    page = _signed_in(resident).get(reverse("lab:my_referrals")).text
    assert mine.reference in page
    assert someone_elses.reference not in page
    assert f'href="{reverse("lab:track", args=[mine.reference])}"' in page
    own = _signed_in(resident).get(reverse("lab:track", args=[mine.reference]))
    assert own.status_code == 200
    assert f'<h1 class="govuk-heading-l">{mine.reference}</h1>' in own.text
    # the token is still needed by anyone else, the Hub Team included
    other = UserFactory(role=Role.RESIDENT)
    assert _signed_in(other).get(reverse("lab:track", args=[mine.reference])).status_code == 404
    assert Client().get(reverse("lab:track", args=[mine.reference])).status_code == 404
    assert (
        _signed_in(resident).get(reverse("lab:track", args=[someone_elses.reference])).status_code
        == 404
    )


def test_the_owner_withdraws_from_their_page_without_a_token(resident, council):
    mine, _ = services.referral_submit(
        data=services.ReferralData(
            problem="Street lights out for a month.", email=resident.email, consent=True
        ),
        ip="10.9.0.2",
        referrer=resident,
    )
    client = _signed_in(resident)
    response = client.post(reverse("lab:track_withdraw", args=[mine.reference]))
    assert response.status_code == 302
    assert response["Location"] == reverse("lab:track", args=[mine.reference])
    mine.refresh_from_db()
    assert mine.status == ReferralStatus.WITHDRAWN


def test_your_referrals_needs_signing_in(client):
    response = client.get(reverse("lab:my_referrals"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_unverified_account_email_is_asked_for_and_confirmed_as_before(council):
    person = UserFactory(role=Role.RESIDENT)
    EmailAddress.objects.filter(user=person).update(verified=False)
    client = _signed_in(person)
    _answer_up_to_contact(client)
    assert 'name="email"' in client.get(reverse("lab:refer_step", args=["contact"])).text
    client.post(
        reverse("lab:refer_step", args=["contact"]),
        {"contact_name": "", "email": person.email, "phone": ""},
    )
    client.post(reverse("lab:refer_step", args=["consent"]), {"consent": "on"})
    client.post(reverse("lab:refer_check"))
    referral = Referral.objects.get()
    assert referral.referrer is None
    assert referral.status == ReferralStatus.UNCONFIRMED


def test_a_referrer_must_send_their_own_verified_email(resident, council):
    with pytest.raises(ValidationError) as refused:
        services.referral_submit(
            data=services.ReferralData(
                problem="Someone else's address", email="not.sam@example.org", consent=True
            ),
            ip="10.9.0.3",
            referrer=resident,
        )
    assert refused.value.message_dict["email"] == ["Use the verified email address of your account"]
    assert not Referral.objects.exists()


def test_closing_the_account_unlinks_their_referrals(resident, council):
    from improvement_hub.lab.personal_data import lab_close

    mine, _ = services.referral_submit(
        data=services.ReferralData(problem="Potholes", email=resident.email, consent=True),
        ip="10.9.0.4",
        referrer=resident,
    )
    lab_close(resident)
    mine.refresh_from_db()
    assert mine.referrer is None
    assert re.fullmatch(r"IL-\d{4}-\d{6}", mine.reference)
