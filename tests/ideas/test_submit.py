"""Putting forward an idea: draft, similar ideas, check your answers, submit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from improvement_hub.ideas.models import Idea
from tests.ideas.factories import CampaignFactory, IdeaFactory

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Let tenants book repairs online",
    "problem": "Tenants wait on the phone to report repairs.",
    "proposal": "An online form with appointment slots.",
    "priorities": ["housing"],
    "scale": "improvement",
}


def _draft(client, **changes) -> Idea:  # type: ignore[no-untyped-def]
    response = client.post(reverse("ideas:idea_new"), {**VALID, **changes})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Idea.objects.latest("id")


def test_staff_member_submits_an_idea_through_check_your_answers(as_staff, staff):
    idea = _draft(as_staff)
    assert idea.is_draft
    assert idea.author == staff
    assert [p.slug for p in idea.priorities.all()] == ["housing"]
    check = as_staff.get(reverse("ideas:idea_check", args=[idea.pk]))
    html = check.content.decode()
    assert "Check your idea" in html
    assert "Let tenants book repairs online" in html
    response = as_staff.post(reverse("ideas:idea_check", args=[idea.pk]))
    assert response.url == reverse("ideas:idea_submitted", args=[idea.pk])
    idea.refresh_from_db()
    assert idea.submitted_at is not None
    assert idea.status.slug == "new"
    assert idea.follows.filter(user=staff).exists(), "authors follow their own idea"
    assert idea.responses.count() == 1, "the history starts with the receipt"
    assert "Idea submitted" in as_staff.get(response.url).content.decode()


def test_drafts_are_kept_and_listed_when_not_submitted(as_staff):
    idea = _draft(as_staff)
    html = as_staff.get(reverse("ideas:my_ideas")).content.decode()
    assert idea.title in html
    assert "Draft" in html
    assert as_staff.get(reverse("ideas:idea_list")).content.decode().count(idea.title) == 0


def test_author_changes_a_draft(as_staff):
    idea = _draft(as_staff)
    form = as_staff.get(reverse("ideas:idea_edit", args=[idea.pk])).content.decode()
    assert 'value="Let tenants book repairs online"' in form
    as_staff.post(reverse("ideas:idea_edit", args=[idea.pk]), {**VALID, "title": "Changed title"})
    idea.refresh_from_db()
    assert idea.title == "Changed title"
    assert Idea.objects.count() == 1


def test_double_clicked_submit_creates_one_idea(as_staff):
    idea = _draft(as_staff)
    url = reverse("ideas:idea_check", args=[idea.pk])
    first, second = as_staff.post(url), as_staff.post(url)
    assert first.status_code == 302
    assert second.status_code == 302
    assert Idea.objects.filter(submitted_at__isnull=False).count() == 1
    assert Idea.objects.get().responses.count() == 1


def test_errors_use_govuk_wording_and_keep_what_was_typed(as_staff):
    response = as_staff.post(
        reverse("ideas:idea_new"), {"title": "", "problem": "kept text", "proposal": ""}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Put forward an idea" in html
    assert "There is a problem" in html
    assert "Enter a title for your idea" in html
    assert "Describe the change you propose" in html
    assert "kept text" in html
    assert not Idea.objects.exists()


def test_length_limits_give_clear_errors(as_staff):
    response = as_staff.post(reverse("ideas:idea_new"), {**VALID, "title": "x" * 121})
    assert "must be 120 characters or fewer" in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE ideas_idea; --",
        "Zalgo t̷̛e̵x̸t and \u202eRTL override and \u200bzero width",
        "😀" * 50,
    ],
)
def test_hostile_text_is_stored_and_shown_escaped(as_staff, hostile):
    idea = _draft(as_staff, title=hostile[:120], problem=hostile)
    as_staff.post(reverse("ideas:idea_check", args=[idea.pk]))
    idea.refresh_from_db()
    assert idea.problem == hostile.strip()
    html = as_staff.get(idea.get_absolute_url()).content.decode()
    assert "<script>alert('x')</script>" not in html
    assert Idea.objects.count() == 1


def test_unknown_choices_are_errors_not_crashes(as_staff):
    response = as_staff.post(
        reverse("ideas:idea_new"),
        {**VALID, "priorities": ["nope"], "scale": "huge", "service": "x"},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_closed_campaign_refuses_new_ideas_with_a_clear_message(as_staff):
    campaign = CampaignFactory()
    idea = _draft(as_staff, campaign=campaign.slug)
    assert idea.campaign == campaign
    campaign.closes_at = timezone.now() - timedelta(minutes=1)
    campaign.opens_at = timezone.now() - timedelta(days=5)
    campaign.save()
    response = as_staff.post(reverse("ideas:idea_check", args=[idea.pk]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "is closed and is not taking new ideas" in html
    idea.refresh_from_db()
    assert idea.is_draft, "nothing is lost: the draft stays"


def test_closed_campaign_is_not_offered_on_the_form(as_staff):
    closed = CampaignFactory(
        opens_at=timezone.now() - timedelta(days=9), closes_at=timezone.now() - timedelta(days=1)
    )
    response = as_staff.post(reverse("ideas:idea_new"), {**VALID, "campaign": closed.slug})
    assert "That question is closed" in response.content.decode()


def test_similar_ideas_are_shown_before_submitting(as_staff):
    IdeaFactory(
        title="Book council house repairs online",
        problem="Phone queues for repairs.",
        proposal="Online repair booking with time slots for tenants.",
    )
    IdeaFactory(title="Plant more trees in parks", problem="Parks are bare.", proposal="Trees.")
    idea = _draft(as_staff)
    html = as_staff.get(reverse("ideas:idea_check", args=[idea.pk])).content.decode()
    assert "Has someone had this idea already?" in html
    assert "Book council house repairs online" in html
    assert "Support this idea instead" in html
    assert html.index("Book council house repairs online") < html.index("Your answers")


def test_submission_rate_limit_keeps_the_draft(as_staff, settings):
    settings.IDEAS_RATE_LIMITS = {**settings.IDEAS_RATE_LIMITS, "idea": (1, 3600)}
    first = _draft(as_staff)
    as_staff.post(reverse("ideas:idea_check", args=[first.pk]))
    second = _draft(as_staff, title="Another idea")
    response = as_staff.post(reverse("ideas:idea_check", args=[second.pk]))
    assert response.status_code == 429, "as the API answers (core.forms.render_form)"
    assert int(response["Retry-After"]) >= 1
    assert "Your draft is saved" in response.content.decode()
    second.refresh_from_db()
    assert second.is_draft
    assert second.title == "Another idea"


def test_anonymous_people_are_asked_to_sign_in_and_come_back(client):
    response = client.get(reverse("ideas:idea_new"))
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/ideas/new/"


@pytest.mark.parametrize("fixture", ["resident_client", "partner_client"])
def test_only_staff_can_put_forward_ideas(request, fixture):
    client = request.getfixturevalue(fixture)
    assert client.get(reverse("ideas:idea_new")).status_code == 403
    assert client.post(reverse("ideas:idea_new"), VALID).status_code == 403
    assert not Idea.objects.exists()


def test_someone_elses_draft_is_not_found(as_staff):
    other = IdeaFactory(submitted_at=None)
    assert as_staff.get(reverse("ideas:idea_check", args=[other.pk])).status_code == 404
    assert as_staff.get(reverse("ideas:idea_edit", args=[other.pk])).status_code == 404
    assert as_staff.post(reverse("ideas:idea_check", args=[other.pk])).status_code == 404
    assert as_staff.get(f"/ideas/{other.pk}/").status_code == 404


def test_author_deletes_a_draft(as_staff):
    idea = _draft(as_staff)
    as_staff.post(reverse("ideas:idea_delete_draft", args=[idea.pk]))
    assert not Idea.objects.exists()
