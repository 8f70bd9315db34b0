"""The public referral journey: one question a page, a saved draft, evidence files,
check your answers, confirmation and email confirmation."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from improvement_hub.lab.models import Referral, ReferralDraft, ReferralStatus

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64

ANSWERS = [
    ("who", {"raised_as": "community_group", "organisation_name": "Tenants' Forum"}),
    ("affected", {"affected_who": "Older tenants in tower blocks", "affected_count": "hundreds"}),
    ("problem", {"problem": "The lifts break and nobody can get out for days."}),
    ("services", {"services": ["council-housing-repairs"], "agencies": ["nhs", "voluntary"]}),
    ("tried", {"tried": "We reported it many times."}),
    ("priorities", {"priorities": ["housing", "health"]}),
    ("contact", {"contact_name": "Pat", "email": "Pat@Example.org", "phone": ""}),
    ("consent", {"consent": "on"}),
]


def _answer_all(client: Client) -> None:
    for step, data in ANSWERS:
        response = client.post(reverse("lab:refer_step", args=[step]), data)
        assert response.status_code == 302, (step, response.content.decode()[:2000])


def test_resident_completes_the_journey_and_confirms_their_email(client, council, commit_callbacks):
    assert "Start now" in client.get(reverse("lab:refer_start")).content.decode()
    _answer_all(client)
    check = client.get(reverse("lab:refer_check")).content.decode()
    assert "Older tenants in tower blocks" in check
    assert "Council Housing Repairs" in check
    with commit_callbacks():
        response = client.post(reverse("lab:refer_check"))
    assert response.url == reverse("lab:refer_done")
    referral = Referral.objects.get()
    assert re.fullmatch(r"IL-\d{4}-\d{6}", referral.reference)
    assert referral.status == ReferralStatus.UNCONFIRMED
    assert referral.email == "pat@example.org"
    assert referral.agencies == ["nhs", "voluntary"]
    assert {s.slug for s in referral.services.all()} == {"council-housing-repairs"}
    assert referral.reference in client.get(response.url).content.decode()
    assert not ReferralDraft.objects.exists(), "the draft is gone once sent"

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    confirm = re.search(r"https?://[^/\s]+(/lab/refer/confirm/\S+)", body).group(1)
    track = re.search(r"https?://[^/\s]+(/lab/track/\S+)", body).group(1)
    # opening the link (as an email scanner would) does not confirm
    assert "Confirm email address" in client.get(confirm).content.decode()
    referral.refresh_from_db()
    assert referral.email_confirmed_at is None
    client.post(confirm)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NEW
    assert referral.acknowledge_by is not None
    assert referral.decide_by > referral.acknowledge_by
    tracking = client.get(track).content.decode()
    assert "Received" in tracking
    assert "Your email address is confirmed" in tracking


def test_answers_survive_errors_back_and_a_browser_restart(client, council):
    client.post(reverse("lab:refer_step", args=["who"]), {"raised_as": "resident"})
    error = client.post(reverse("lab:refer_step", args=["problem"]), {"problem": ""})
    assert "Describe the problem" in error.content.decode()
    client.post(reverse("lab:refer_step", args=["problem"]), {"problem": "Kept problem text"})
    # a new browser with the same (persistent) cookie
    restarted = Client()
    restarted.cookies = client.cookies
    page = restarted.get(reverse("lab:refer_step", args=["problem"])).content.decode()
    assert "Kept problem text" in page
    back = restarted.get(reverse("lab:refer_step", args=["who"])).content.decode()
    assert 'value="resident" checked' in back or "checked" in back


def test_check_page_sends_people_back_to_unanswered_questions(client, council):
    client.post(reverse("lab:refer_step", args=["problem"]), {"problem": "Something"})
    response = client.get(reverse("lab:refer_check"))
    assert response.url == reverse("lab:refer_step", args=["who"])


def test_change_links_return_to_check_your_answers(client, council):
    _answer_all(client)
    response = client.post(
        reverse("lab:refer_step", args=["problem"]) + "?change=1", {"problem": "New words"}
    )
    assert response.url == reverse("lab:refer_check")


def test_evidence_is_checked_by_content_not_name(client, council):
    url = reverse("lab:refer_step", args=["evidence"])
    ok = client.post(url, {"file": SimpleUploadedFile("letter.pdf", PDF, "application/pdf")})
    assert ok.status_code == 302
    fake = client.post(
        url, {"file": SimpleUploadedFile("photo.png", b"MZ\x90\x00 this is an exe", "image/png")}
    )
    assert fake.status_code == 400
    assert "must be a PDF, JPG, PNG, GIF, WEBP, Word or ODT file" in fake.content.decode()
    empty = client.post(url, {"file": SimpleUploadedFile("empty.pdf", b"", "application/pdf")})
    assert empty.status_code == 400
    draft = ReferralDraft.objects.get()
    assert [e.content_type for e in draft.evidence.all()] == ["application/pdf"]
    stored = draft.evidence.get().file.name
    assert not stored.endswith("letter.pdf"), "stored under a random name"


def test_evidence_size_and_count_limits(client, council, settings):
    url = reverse("lab:refer_step", args=["evidence"])
    big = PDF + b"0" * (10 * 1024 * 1024)
    response = client.post(url, {"file": SimpleUploadedFile("big.pdf", big, "application/pdf")})
    assert "must be smaller than 10MB" in response.content.decode()
    for n in range(5):
        client.post(url, {"file": SimpleUploadedFile(f"p{n}.png", PNG, "image/png")})
    sixth = client.post(url, {"file": SimpleUploadedFile("p6.png", PNG, "image/png")})
    assert "You can only send 5 files" in sixth.content.decode()
    assert ReferralDraft.objects.get().evidence.count() == 5


def test_evidence_is_stored_outside_the_web_root(client, council, settings):
    client.post(
        reverse("lab:refer_step", args=["evidence"]), {"file": SimpleUploadedFile("l.pdf", PDF)}
    )
    path = ReferralDraft.objects.get().evidence.get().file.path
    assert str(settings.PRIVATE_MEDIA_ROOT) in path
    assert str(settings.MEDIA_ROOT) not in path
    assert str(settings.STATIC_ROOT) not in path


def test_honeypot_stops_bots(client, council):
    _answer_all(client)
    response = client.post(reverse("lab:refer_check"), {"website": "http://spam.example"})
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_rate_limit_per_email_keeps_the_answers(client, council, settings):
    settings.LAB_REFERRAL_RATE_LIMITS = (100, 1)
    _answer_all(client)
    client.post(reverse("lab:refer_check"))
    second = Client()
    _answer_all(second)
    response = second.post(reverse("lab:refer_check"))
    assert response.status_code == 429
    assert "Your answers are saved" in response.content.decode()
    assert Referral.objects.count() == 1
    assert ReferralDraft.objects.count() == 1


def test_rate_limit_per_ip_address(council, settings):
    settings.LAB_REFERRAL_RATE_LIMITS = (1, 100)
    first, second = Client(), Client()
    for n, client in enumerate((first, second)):
        _answer_all(client)
        client.post(reverse("lab:refer_step", args=["contact"]), {"email": f"p{n}@example.org"})
    assert first.post(reverse("lab:refer_check")).status_code == 302
    refused = second.post(reverse("lab:refer_check"))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1, "the page says when to retry, as the API does"


@pytest.mark.parametrize(
    "hostile",
    ["<script>alert(1)</script>", "'); DROP TABLE lab_referral;--", "\u202eevil\u200b", "😀" * 100],
)
def test_hostile_text_is_stored_and_shown_escaped(client, council, hostile):
    _answer_all(client)
    client.post(reverse("lab:refer_step", args=["problem"]), {"problem": hostile})
    html = client.get(reverse("lab:refer_check")).content.decode()
    assert "<script>alert(1)</script>" not in html
    client.post(reverse("lab:refer_check"))
    assert Referral.objects.get().problem == hostile.strip()


def test_bad_confirmation_links_are_refused(client, council):
    assert client.get(reverse("lab:confirm_email", args=["nonsense"])).status_code == 404
    assert client.post(reverse("lab:confirm_email", args=["nonsense"])).status_code == 404
