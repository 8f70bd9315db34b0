"""Item 14 of issue 8: an unsent referral draft with contact details does not stay on a
shared computer: short-lived cookie, "Clear my answers", and erasure after hours idle."""

import io
import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement_hub.lab.models import Evidence, ReferralDraft
from improvement_hub.lab.views import DRAFT_COOKIE

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CONTACT = {"contact_name": "Robin Sharedpc", "email": "robin.sharedpc@example.org", "phone": ""}
QUESTIONS = ["who", "affected", "problem", "services", "tried", "priorities", "contact"]


def _step(name: str) -> str:
    return reverse("lab:refer_step", args=[name])


def _give_contact_details(client: Client) -> None:
    assert client.post(_step("problem"), {"problem": "Bins not collected"}).status_code == 302
    assert client.post(_step("contact"), CONTACT).status_code == 302


def test_draft_cookie_lasts_two_hours_when_contact_details_are_given(client):
    client.post(_step("problem"), {"problem": "Bins not collected"})
    assert client.cookies[DRAFT_COOKIE]["max-age"] == 30 * 24 * 3600

    client.post(_step("contact"), CONTACT)

    assert client.cookies[DRAFT_COOKIE]["max-age"] == 2 * 3600
    assert CONTACT["email"] not in client.cookies[DRAFT_COOKIE].value, "kept on the server"


def test_clear_my_answers_is_offered_when_on_each_question_and_check_your_answers(client, council):
    _give_contact_details(client)
    for page in [_step(step) for step in [*QUESTIONS, "evidence"]]:
        html = client.get(page).content.decode()
        assert "Clear my answers" in html, page
        assert f'action="{reverse("lab:refer_clear")}"' in html, page
    client.post(_step("who"), {"raised_as": "resident"})
    client.post(_step("affected"), {"affected_who": "Neighbours", "affected_count": "few"})
    client.post(_step("consent"), {"consent": "on"})
    check = client.get(reverse("lab:refer_check"))
    assert check.status_code == 200
    assert "Clear my answers" in check.content.decode()


def test_answers_files_and_cookie_are_gone_when_clear_my_answers_is_pressed(client):
    _give_contact_details(client)
    client.post(_step("evidence"), {"file": SimpleUploadedFile("letter.pdf", PDF)})
    path = Evidence.objects.get().file.path

    response = client.post(reverse("lab:refer_clear"), follow=True)

    assert response.redirect_chain == [(reverse("lab:refer_start"), 302)]
    page = response.content.decode()
    assert "Your answers have been cleared" in page
    assert "govuk-notification-banner" in page
    assert "Start now" in page
    assert not ReferralDraft.objects.exists()
    assert not Evidence.objects.exists()
    assert not os.path.exists(path)
    assert client.cookies[DRAFT_COOKIE]["max-age"] == 0
    assert CONTACT["email"] not in client.get(_step("contact")).content.decode()


def test_clear_my_answers_refuses_a_get_when_a_link_is_followed(client):
    _give_contact_details(client)

    assert client.get(reverse("lab:refer_clear")).status_code == 405
    assert ReferralDraft.objects.count() == 1


def test_draft_with_contact_details_is_gone_when_unchanged_for_two_hours(client):
    _give_contact_details(client)
    ReferralDraft.objects.update(updated_at=timezone.now() - timedelta(hours=2, minutes=1))

    page = client.get(_step("contact")).content.decode()

    assert CONTACT["email"] not in page
    assert CONTACT["contact_name"] not in page
    assert not ReferralDraft.objects.exists()
    assert client.get(reverse("lab:refer_check")).url == reverse("lab:refer_start")


def test_draft_with_contact_details_is_kept_when_changed_within_two_hours(client):
    _give_contact_details(client)
    ReferralDraft.objects.update(updated_at=timezone.now() - timedelta(hours=1, minutes=50))

    assert CONTACT["email"] in client.get(_step("contact")).content.decode()


def test_erase_command_deletes_drafts_with_contact_details_when_idle_for_hours():
    hours_ago = timezone.now() - timedelta(hours=3)
    idle_contact = ReferralDraft.objects.create(answers={"email": "idle@example.org"})
    recent_contact = ReferralDraft.objects.create(answers={"phone": "07700 900123"})
    idle_no_contact = ReferralDraft.objects.create(answers={"problem": "Potholes"})
    month_old = ReferralDraft.objects.create(answers={"problem": "Streetlights"})
    ReferralDraft.objects.filter(pk__in=[idle_contact.pk, idle_no_contact.pk]).update(
        updated_at=hours_ago
    )
    ReferralDraft.objects.filter(pk=month_old.pk).update(
        updated_at=timezone.now() - timedelta(days=31)
    )

    call_command("erase_expired_referral_data", stdout=io.StringIO())

    assert set(ReferralDraft.objects.values_list("pk", flat=True)) == {
        recent_contact.pk,
        idle_no_contact.pk,
    }


def test_a_new_browser_never_sees_another_persons_draft_when_on_the_same_site(client):
    _give_contact_details(client)
    next_person = Client()

    for step in QUESTIONS:
        page = next_person.get(_step(step)).content.decode()
        assert CONTACT["email"] not in page, step
        assert "Bins not collected" not in page, step
    assert next_person.get(reverse("lab:refer_check")).url == reverse("lab:refer_start")
    assert "Start now" in next_person.get(reverse("lab:refer_start")).content.decode()
    next_person.post(reverse("lab:refer_clear"))
    assert ReferralDraft.objects.count() == 1, "clearing affects only your own draft"
