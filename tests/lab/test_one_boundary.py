"""Issue 9 in the Innovation Lab: every rule in the service (the page and the API only
show its answer), one input boundary for referrals, one error mapping, one filter
definition for the triage inbox."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import Priority, Service
from improvement_hub.lab import selectors, services
from improvement_hub.lab.evidence import MAX_FILES
from improvement_hub.lab.filters import InboxFilter
from improvement_hub.lab.models import (
    PersonalDataAccess,
    Referral,
    ReferralDraft,
    ReferralEvent,
    ReferralStatus,
)
from improvement_hub.lab.services import Decision
from tests.accounts.factories import UserFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64
NO_REASON = "Enter the reason for declining, or write the message yourself"
MINIMAL = {"problem": "Lifts broken", "email": "api@example.org", "consent": True}


# --- a decline needs a reason: the service's rule ----------------------------------------


def test_service_refuses_a_decline_when_it_has_no_reason(council, hub):
    referral, _ = make_referral()
    with pytest.raises(ValidationError) as refused:
        services.referral_decide(actor=hub, referral=referral, decision=Decision(kind="declined"))
    assert refused.value.message_dict == {"note": [NO_REASON]}
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NEW
    assert not referral.events.filter(kind=ReferralEvent.Kind.DECLINED).exists()


def test_service_declines_with_the_standard_message_when_it_has_a_reason(council, hub):
    referral, _ = make_referral()
    event = services.referral_decide(
        actor=hub, referral=referral, decision=Decision(kind="declined", note="it is about bins")
    )
    assert "because it is about bins" in event.message
    assert event.note == "it is about bins"


def test_service_declines_without_a_note_when_the_hub_team_writes_the_message(council, hub):
    referral, _ = make_referral()
    own = "We cannot take this on: it is a single-service matter."
    event = services.referral_decide(
        actor=hub, referral=referral, decision=Decision(kind="declined", message=own)
    )
    assert event.message == own


def test_page_shows_the_services_message_when_a_decline_has_no_reason(hub_team_client, council):
    referral, _ = make_referral()
    response = hub_team_client.post(
        reverse("lab:triage_decide", args=[referral.reference]), {"kind": "declined"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["note"] == [NO_REASON]
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NEW


# --- one input boundary for a referral ------------------------------------------------------

# (question page, its answers, the field, the message both the page and the API give)
REFUSED = {
    "bad email": (
        "contact",
        {"email": "not-an-email"},
        "email",
        "Enter an email address in the correct format, like name@example.com",
    ),
    "no consent": (
        "consent",
        {"consent": False},
        "consent",
        "Confirm that you agree to us using your information",
    ),
    "unknown service": (
        "services",
        {"services": ["nope"]},
        "services",
        "Select a valid choice. nope is not one of the available choices.",
    ),
    "unknown organisation": (
        "services",
        {"agencies": ["mi6"]},
        "agencies",
        "Select a valid choice. mi6 is not one of the available choices.",
    ),
    "empty problem": ("problem", {"problem": "   "}, "problem", "Describe the problem"),
}


def _page_errors(client: Client, step: str, answers: dict[str, object]) -> dict[str, list[str]]:
    data = {k: v for k, v in answers.items() if v is not False}
    response = client.post(reverse("lab:refer_step", args=[step]), data)
    assert response.status_code == 200, "the question is asked again"
    return dict(response.context["form"].errors)


def _api_errors(client: Client, answers: dict[str, object]) -> dict[str, list[str]]:
    response = client.post(
        "/api/v1/referrals", json.dumps({**MINIMAL, **answers}), content_type="application/json"
    )
    assert response.status_code == 422, response.content[:500]
    body = response.json()
    assert body["detail"] == "Some answers need correcting"
    return body["errors"]


@pytest.mark.parametrize("channel", ["page", "api"])
@pytest.mark.parametrize(("step", "answers", "field", "message"), REFUSED.values(), ids=REFUSED)
def test_referral_is_refused_with_the_same_message_when_sent_by_the_page_or_the_api(
    client, council, channel, step, answers, field, message
):
    if channel == "page":
        errors = _page_errors(client, step, answers)
    else:
        errors = _api_errors(client, answers)
    assert errors[field] == [message]
    assert not Referral.objects.exists()


def test_api_and_journey_send_the_same_referral(client, council, commit_callbacks):
    answers = {
        "raised_as": "community_group",
        "affected_who": "Older tenants",
        "affected_count": "hundreds",
        "problem": "The lifts break.",
        "services": ["council-housing-repairs"],
        "agencies": ["nhs"],
        "priorities": ["housing"],
        "email": "Pat@Example.org",
        "consent": True,
    }
    response = client.post(
        "/api/v1/referrals", json.dumps(answers), content_type="application/json"
    )
    assert response.status_code == 201
    referral = Referral.objects.get()
    assert referral.email == "pat@example.org"
    assert referral.raised_as == "community_group"
    assert referral.agencies == ["nhs"]
    assert [s.slug for s in referral.services.all()] == ["council-housing-repairs"]
    assert [p.slug for p in referral.priorities.all()] == ["housing"]
    assert referral.is_cross_system, "a council service and the NHS"


# --- one error mapping: 429 with Retry-After on the API and the page -------------------


def test_api_says_when_to_retry_when_the_rate_limit_refuses(client, council, settings):
    settings.LAB_REFERRAL_RATE_LIMITS = (1, 100)
    body = json.dumps(MINIMAL)
    assert (
        client.post("/api/v1/referrals", body, content_type="application/json").status_code == 201
    )
    refused = client.post("/api/v1/referrals", body, content_type="application/json")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "You have sent a lot of referrals" in refused.json()["detail"]


def test_evidence_page_says_when_to_retry_when_the_upload_limit_refuses(council, settings):
    from improvement_hub.lab.evidence import MAX_UPLOADS_PER_IP_PER_HOUR

    url = reverse("lab:refer_step", args=["evidence"])
    for n in range(MAX_UPLOADS_PER_IP_PER_HOUR):
        Client(REMOTE_ADDR="198.51.100.9").post(url, {"file": SimpleUploadedFile(f"{n}.png", PNG)})
    refused = Client(REMOTE_ADDR="198.51.100.9").post(
        url, {"file": SimpleUploadedFile("more.png", PNG)}
    )
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1


# --- the Hub Team read a referral through one selector ----------------------------------


def test_api_reads_a_referral_for_the_hub_team_as_the_page_does(
    hub_team_client, staff_client, council
):
    referral, _ = make_referral(email="private@example.org")
    page = hub_team_client.get(reverse("lab:triage_referral", args=[referral.reference]))
    api = hub_team_client.get(f"/api/v1/referrals/{referral.reference}")
    assert page.status_code == api.status_code == 200
    assert api.json()["reference"] == referral.reference
    for response in (page, api):
        assert "private@example.org" not in response.content.decode()
    assert not PersonalDataAccess.objects.exists(), "neither shows personal data, so no log"
    hub_team_client.get(reverse("lab:triage_contact", args=[referral.reference]))
    assert PersonalDataAccess.objects.count() == 1, "opening the contact details is logged"
    page = staff_client.get(reverse("lab:triage_referral", args=[referral.reference]))
    api = staff_client.get(f"/api/v1/referrals/{referral.reference}")
    assert page.status_code == api.status_code == 404


def test_api_gives_the_hub_team_a_404_when_the_referral_is_missing(hub_team_client, council):
    assert hub_team_client.get("/api/v1/referrals/IL-2026-999999").status_code == 404


# --- the inbox's one filter definition ---------------------------------------------------


def _inbox(query: str) -> list[Referral]:
    return list(InboxFilter(QueryDict(query), queryset=selectors.referral_inbox()).qs)


def test_inbox_filters_narrow_the_referrals_when_given(council, hub):
    repairs = Service.objects.get(slug="council-housing-repairs")
    housing = Priority.objects.get(slug="housing")
    tagged, _ = make_referral(problem="Lifts", email="a@example.org", services_=[repairs])
    services.referral_update_tags(
        actor=hub, referral=tagged, services=[repairs], priorities=[housing]
    )
    other, _ = make_referral(problem="Parks", email="b@example.org")
    declined, _ = make_referral(problem="Bins", email="c@example.org")
    services.referral_decide(
        actor=hub, referral=declined, decision=Decision(kind="declined", note="bins")
    )
    member = UserFactory(role=Role.HUB_TEAM)
    services.referral_assign(actor=hub, referral=other, assignee=member)

    assert set(_inbox("")) == {tagged, other}, "open referrals by default"
    assert set(_inbox("status=all")) == {tagged, other, declined}
    assert _inbox("status=declined") == [declined]
    assert _inbox("service=council-housing-repairs") == [tagged]
    assert _inbox("priority=housing") == [tagged]
    assert _inbox(f"assignee={member.pk}") == [other]
    assert _inbox("assignee=none") == [tagged]


@pytest.mark.parametrize(
    "query",
    [
        "status=nonsense",
        "service=retired-or-unknown",
        "priority=no-such-priority",
        "assignee=99999999999999999999",
    ],
)
def test_inbox_ignores_a_filter_when_its_value_names_nothing(hub_team_client, council, query):
    referral, _ = make_referral()
    response = hub_team_client.get(f"{reverse('lab:triage_inbox')}?{query}")
    assert response.status_code == 200
    assert referral.reference in response.content.decode()
    form = response.context["filter_form"]
    assert not form.errors, "no error is shown for a filter: it is ignored"
    assert form["status"].value() == "open"
    name = query.split("=")[0]
    if name != "status":
        assert form[name].value() in (None, "")


def test_inbox_filter_form_uses_the_govuk_select_markup(hub_team_client, council):
    html = hub_team_client.get(reverse("lab:triage_inbox"), {"status": "all"}).content.decode()
    for name in ("status", "age", "service", "priority", "assignee"):
        assert f'<select name="{name}" class="govuk-select' in html or (
            f'name="{name}"' in html and "govuk-select" in html
        ), name
    assert '<option value="all" selected>All</option>' in html


def test_inbox_pages_keep_the_filters_in_their_links(hub_team_client, council):
    for n in range(26):
        make_referral(email=f"p{n}@example.org")
    html = hub_team_client.get(reverse("lab:triage_inbox"), {"status": "all"}).content.decode()
    assert "?status=all&amp;page=2" in html


# --- MAX_FILES: the service's rule --------------------------------------------------------


def test_service_refuses_a_file_when_the_draft_has_the_most_it_can_hold(db):
    draft = ReferralDraft.objects.create()
    for n in range(MAX_FILES):
        services.evidence_add(draft=draft, upload=SimpleUploadedFile(f"{n}.png", PNG), ip=f"{n}")
    with pytest.raises(ValidationError) as refused:
        services.evidence_add(draft=draft, upload=SimpleUploadedFile("more.png", PNG), ip="x")
    assert refused.value.message_dict == {"file": [f"You can only send {MAX_FILES} files"]}
    assert draft.evidence.count() == MAX_FILES


def test_evidence_page_offers_no_upload_when_the_service_would_refuse_it(client, council):
    url = reverse("lab:refer_step", args=["evidence"])
    for n in range(MAX_FILES - 1):
        client.post(url, {"file": SimpleUploadedFile(f"{n}.png", PNG)})
    assert "Upload file" in client.get(url).content.decode()
    client.post(url, {"file": SimpleUploadedFile("last.png", PNG)})
    html = client.get(url).content.decode()
    assert "Upload file" not in html
    assert f"You have added the most files you can ({MAX_FILES})" in html
