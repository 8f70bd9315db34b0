"""The Hub Team's decision message templates: a typo is refused when saved, and one
already saved never stops a decision."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from improvement_hub.lab.models import MessageTemplate, ReferralEvent, ReferralStatus
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db

EDIT_URL = "/admin/snippets/lab/messagetemplate/edit/{pk}/"
BAD = {
    "unknown name": ("Dear {name}, thank you.", "change or remove {name}"),
    "lone opening brace": ("Thank you { for this", "Check the curly brackets in the body"),
    "lone closing brace": ("Thank you } for this", "Check the curly brackets in the body"),
    "position": ("Your referral {0}", "change or remove {0}"),
    "attribute": ("Hello {referrer.__class__}", "change or remove {referrer.__class__}"),
    "index": ("Hello {reason[0]}", "change or remove {reason[0]}"),
    "empty": ("Hello {}", "change or remove {}"),
}


def _declined() -> MessageTemplate:
    return MessageTemplate.objects.get(kind="declined")


@pytest.mark.parametrize(("body", "message"), BAD.values(), ids=BAD.keys())
def test_admin_refuses_a_template_when_it_has_a_placeholder_typo(hub_team_client, body, message):
    template = _declined()
    before = template.body
    response = hub_team_client.post(
        EDIT_URL.format(pk=template.pk),
        {"kind": "declined", "subject": template.subject, "body": body},
    )
    assert response.status_code == 200, "the form is shown again, not saved"
    assert message in response.content.decode()
    template.refresh_from_db()
    assert template.body == before


def test_admin_refuses_a_subject_when_it_has_a_placeholder_typo(hub_team_client):
    template = _declined()
    before = template.subject
    response = hub_team_client.post(
        EDIT_URL.format(pk=template.pk),
        {"kind": "declined", "subject": "About {referral}", "body": template.body},
    )
    assert response.status_code == 200
    assert (
        "The subject can only use {reference}, {service}, {service_contact}, {challenge} "
        "and {reason}: change or remove {referral}" in response.content.decode()
    )
    template.refresh_from_db()
    assert template.subject == before


def test_admin_saves_a_template_when_its_placeholders_are_known(hub_team_client):
    template = _declined()
    body = "Sorry: {reason}. Your reference is {reference}; {{braces}} stay as typed."
    response = hub_team_client.post(
        EDIT_URL.format(pk=template.pk),
        {"kind": "declined", "subject": "About {reference}", "body": body},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    template.refresh_from_db()
    assert template.body == body


@pytest.mark.parametrize(("body", "message"), BAD.values(), ids=BAD.keys())
def test_template_is_invalid_when_it_has_a_placeholder_typo(body, message):
    template = MessageTemplate(kind="merged", subject="About {reference}", body=body)
    with pytest.raises(ValidationError) as error:
        template.full_clean(exclude=["kind"])
    assert message in error.value.message_dict["body"][0]


def _decide(client, referral, **data):  # type: ignore[no-untyped-def]
    return client.post(reverse("lab:triage_decide", args=[referral.reference]), data)


@pytest.mark.parametrize("body", [b for b, _ in BAD.values()], ids=BAD.keys())
def test_decision_goes_through_with_the_hub_teams_text_when_the_saved_template_is_bad(
    hub_team_client, council, commit_callbacks, body
):
    # saved before templates were checked: update() skips the model's validation
    MessageTemplate.objects.filter(kind="declined").update(body=body, subject="{name}")
    referral, _ = make_referral()
    mail.outbox.clear()
    own = "We cannot take this on because bins are a single-service matter."
    with commit_callbacks():
        response = _decide(hub_team_client, referral, kind="declined", message=own, note="Bins")
    assert response.status_code == 302, response.content.decode()[:3000]
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert referral.events.get(kind=ReferralEvent.Kind.DECLINED).message == own
    assert len(mail.outbox) == 1
    assert own in mail.outbox[0].body


def test_decision_uses_the_bad_template_as_typed_when_the_hub_team_writes_nothing(
    hub_team_client, council, commit_callbacks
):
    MessageTemplate.objects.filter(kind="declined").update(
        body="Dear {name}: {reason} ({referrer.__class__}) for {reference}."
    )
    referral, _ = make_referral()
    with commit_callbacks():
        response = _decide(hub_team_client, referral, kind="declined", note="it is about bins")
    assert response.status_code == 302, response.content.decode()[:3000]
    event = referral.events.get(kind=ReferralEvent.Kind.DECLINED)
    assert event.message == (
        f"Dear {{name}}: it is about bins ({{referrer.__class__}}) for {referral.reference}."
    )
