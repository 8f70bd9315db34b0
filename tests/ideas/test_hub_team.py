"""The Hub Team: review queue, answers, assessment, merging, moderation, export."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from improvement_hub.ideas.models import Comment, Follow, Idea, IdeaStatus, Report, Support
from improvement_hub.notifications.models import Notification
from tests.accounts.factories import UserFactory
from tests.ideas.factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def test_review_queue_lists_waiting_ideas_oldest_first(as_hub):
    old = IdeaFactory(title="Old one", submitted_at=timezone.now() - timedelta(days=30))
    new = IdeaFactory(title="New one")
    answered = IdeaFactory(title="Answered one", status=IdeaStatus.objects.get(slug="quick-win"))
    IdeaFactory(title="Draft one", submitted_at=None)
    html = as_hub.get(reverse("ideas:review_queue")).content.decode()
    assert html.index(old.title) < html.index(new.title)
    assert answered.title not in html
    assert "Draft one" not in html
    assert ">30</strong>" in html, "ideas waiting 20 days or more stand out"


def test_review_queue_filters_by_assignee(as_hub, hub):
    mine = IdeaFactory(title="Mine", assignee=hub)
    IdeaFactory(title="Nobody's")
    html = as_hub.get(reverse("ideas:review_queue"), {"assignee": str(hub.pk)}).content.decode()
    assert mine.title in html
    assert "Nobody&#x27;s" not in html
    assert "Nobody's" not in html
    html = as_hub.get(reverse("ideas:review_queue"), {"assignee": "none"}).content.decode()
    assert "Nobody" in html
    assert ">Mine<" not in html


@pytest.mark.parametrize("fixture", ["client", "staff_client", "resident_client"])
def test_hub_pages_are_not_found_for_everyone_else(request, fixture):
    client = request.getfixturevalue(fixture)
    idea = IdeaFactory()
    for url in (
        reverse("ideas:review_queue"),
        reverse("ideas:matrix"),
        reverse("ideas:moderation_queue"),
        reverse("ideas:export_csv"),
        reverse("ideas:idea_manage", args=[idea.pk]),
    ):
        assert client.get(url).status_code in (302, 404), url
    response = client.post(
        reverse("ideas:idea_respond", args=[idea.pk]), {"status": "quick-win", "answer": "x"}
    )
    assert response.status_code in (302, 404)
    idea.refresh_from_db()
    assert idea.status.slug == "new"


def test_answer_sets_status_history_and_tells_author_and_followers(as_hub, hub, commit_callbacks):
    idea = IdeaFactory()
    follower = UserFactory()
    Follow.objects.create(idea=idea, user=follower)
    with commit_callbacks():
        response = as_hub.post(
            reverse("ideas:idea_respond", args=[idea.pk]),
            {"status": "taken-forward", "answer": "This becomes an improvement project."},
        )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status.slug == "taken-forward"
    assert idea.answered_at is not None
    html = as_hub.get(idea.get_absolute_url()).content.decode()
    assert "This becomes an improvement project." in html
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {idea.author_id, follower.pk}
    assert {m.to[0] for m in mail.outbox} == {idea.author.email, follower.email}


def test_not_taken_forward_needs_a_reason(as_hub):
    idea = IdeaFactory()
    response = as_hub.post(
        reverse("ideas:idea_respond", args=[idea.pk]),
        {"status": "not-taken-forward", "answer": "No."},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Explain the reason in a full sentence" in html
    assert "<title>Error:" in html
    idea.refresh_from_db()
    assert idea.status.slug == "new"


def test_merged_status_cannot_be_chosen_by_hand(as_hub):
    idea = IdeaFactory()
    response = as_hub.post(
        reverse("ideas:idea_respond", args=[idea.pk]), {"status": "merged", "answer": "merged"}
    )
    assert response.status_code == 400
    idea.refresh_from_db()
    assert idea.status.slug == "new"


def test_statuses_are_data_the_hub_team_can_extend(as_hub):
    IdeaStatus.objects.create(slug="piloting", name="Being piloted", position=4, is_open=False)
    idea = IdeaFactory()
    as_hub.post(
        reverse("ideas:idea_respond", args=[idea.pk]),
        {"status": "piloting", "answer": "A pilot starts in March."},
    )
    idea.refresh_from_db()
    assert idea.status.name == "Being piloted"


def test_assessment_and_matrix(as_hub):
    quick = IdeaFactory(title="Quick")
    big = IdeaFactory(title="Big")
    as_hub.post(reverse("ideas:idea_review", args=[quick.pk]), {"impact": "5", "effort": "1"})
    as_hub.post(reverse("ideas:idea_review", args=[big.pk]), {"impact": "4", "effort": "5"})
    bad = as_hub.post(reverse("ideas:idea_review", args=[big.pk]), {"impact": "9", "effort": ""})
    assert bad.status_code == 400
    quick.refresh_from_db()
    assert (quick.impact, quick.effort, quick.quadrant) == (5, 1, "Quick win")
    html = as_hub.get(reverse("ideas:matrix")).content.decode()
    assert (
        html.index("Quick win")
        < html.index(">Quick<")
        < html.index("Major project")
        < html.index(">Big<")
    )


def test_assign_only_to_the_hub_team(as_hub, hub, staff):
    idea = IdeaFactory()
    as_hub.post(reverse("ideas:idea_assign", args=[idea.pk]), {"assignee": staff.pk})
    idea.refresh_from_db()
    assert idea.assignee is None
    as_hub.post(reverse("ideas:idea_assign", args=[idea.pk]), {"assignee": hub.pk})
    idea.refresh_from_db()
    assert idea.assignee == hub


def test_merge_moves_everything_without_double_counting(as_hub, commit_callbacks):
    source = IdeaFactory(title="Duplicate")
    target = IdeaFactory(title="Original")
    both, only_source, only_target = UserFactory(), UserFactory(), UserFactory()
    for person in (both, only_source):
        Support.objects.create(idea=source, user=person)
        Follow.objects.create(idea=source, user=person)
    for person in (both, only_target):
        Support.objects.create(idea=target, user=person)
        Follow.objects.create(idea=target, user=person)
    Support.objects.create(idea=source, user=target.author)  # the target's author backed the copy
    CommentFactory(idea=source, body="From the duplicate")
    with commit_callbacks():
        response = as_hub.post(reverse("ideas:idea_merge", args=[source.pk]), {"target": target.pk})
    assert response.url == reverse("ideas:idea_manage", args=[target.pk])
    source.refresh_from_db()
    target.refresh_from_db()
    assert source.merged_into == target
    assert source.status.slug == "merged"
    assert set(Support.objects.filter(idea=target).values_list("user_id", flat=True)) == {
        both.pk,
        only_source.pk,
        only_target.pk,
    }
    assert target.support_count == 3
    assert not Support.objects.filter(idea=source).exists()
    followers = set(Follow.objects.filter(idea=target).values_list("user_id", flat=True))
    assert {both.pk, only_source.pk, only_target.pk, source.author_id} <= followers
    assert Comment.objects.get(body="From the duplicate").idea == target
    assert target.comment_count == 1
    told = set(Notification.objects.values_list("recipient_id", flat=True))
    assert {source.author_id, only_source.pk, both.pk} <= told


def test_merged_idea_redirects_to_the_surviving_one(as_hub, staff_client):
    source, target = IdeaFactory(), IdeaFactory()
    as_hub.post(reverse("ideas:idea_merge", args=[source.pk]), {"target": target.pk})
    response = staff_client.get(source.get_absolute_url())
    assert response.status_code == 301
    assert response.url == target.get_absolute_url()


@pytest.mark.parametrize("target", ["", "abc", "999999", "self"])
def test_merge_refuses_bad_targets(as_hub, target):
    source = IdeaFactory()
    value = str(source.pk) if target == "self" else target
    response = as_hub.post(reverse("ideas:idea_merge", args=[source.pk]), {"target": value})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    source.refresh_from_db()
    assert source.merged_into is None


def test_hidden_idea_shows_its_reason_to_its_author_only(as_hub, staff_client, commit_callbacks):
    idea = IdeaFactory()
    from django.test import Client

    author = Client()
    author.force_login(idea.author)
    with commit_callbacks():
        as_hub.post(reverse("ideas:idea_hide", args=[idea.pk]), {"reason": "Names a colleague"})
    assert staff_client.get(idea.get_absolute_url()).status_code == 404
    assert idea.title not in staff_client.get(reverse("ideas:idea_list")).content.decode()
    html = author.get(idea.get_absolute_url()).content.decode()
    assert "Names a colleague" in html
    assert Notification.objects.filter(recipient=idea.author).exists()
    as_hub.post(reverse("ideas:idea_unhide", args=[idea.pk]))
    assert staff_client.get(idea.get_absolute_url()).status_code == 200


def test_hide_needs_a_reason(as_hub):
    idea = IdeaFactory()
    response = as_hub.post(reverse("ideas:idea_hide", args=[idea.pk]), {"reason": " "})
    assert response.status_code == 400
    idea.refresh_from_db()
    assert not idea.is_hidden


def test_moderation_queue_hide_comment_and_dismiss(as_hub, staff_client):
    rude, fine = CommentFactory(body="Rude words"), CommentFactory(body="Fine words")
    reporter = UserFactory()
    Report.objects.create(comment=rude, reporter=reporter, reason="rude")
    Report.objects.create(comment=fine, reporter=reporter, reason="I disagree")
    html = as_hub.get(reverse("ideas:moderation_queue")).content.decode()
    assert "Rude words" in html
    assert "Fine words" in html
    as_hub.post(reverse("ideas:comment_hide", args=[rude.idea_id, rude.pk]), {"reason": "Be kind"})
    as_hub.post(reverse("ideas:report_dismiss", args=[Report.objects.get(comment=fine).pk]))
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    page = staff_client.get(rude.idea.get_absolute_url()).content.decode()
    assert "Rude words" not in page
    assert "This comment has been hidden" in page


def test_export_csv_and_xlsx_follow_the_filters_and_defuse_formulas(as_hub):
    IdeaFactory(title='=HYPERLINK("http://evil")', scale="tweak")
    IdeaFactory(title="Big change", scale="transformation")
    response = as_hub.get(reverse("ideas:export_csv"), {"scale": "tweak"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Number", "Title", "Status"]
    assert len(rows) == 2
    assert rows[1][1].startswith("'=HYPERLINK")
    xlsx = as_hub.get(reverse("ideas:export_xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert set(titles) == {'\'=HYPERLINK("http://evil")', "Big change"}


def test_campaign_shows_how_many_ideas_are_answered(client):
    from tests.ideas.factories import CampaignFactory

    campaign = CampaignFactory()
    IdeaFactory(campaign=campaign)
    IdeaFactory(campaign=campaign, status=IdeaStatus.objects.get(slug="quick-win"))
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "1 of 2 ideas answered" in html


def test_idea_cannot_be_answered_after_merge(hub):
    from django.core.exceptions import ValidationError

    from improvement_hub.ideas import services

    source, target = IdeaFactory(), IdeaFactory()
    services.idea_merge(actor=hub, source=source, target=target)
    with pytest.raises(ValidationError):
        services.idea_respond(
            actor=hub,
            idea=Idea.objects.get(pk=source.pk),
            status=IdeaStatus.objects.get(slug="quick-win"),
            answer="Done",
        )


def test_empty_answer_to_not_taken_forward_asks_for_the_reason(as_hub):
    idea = IdeaFactory()
    response = as_hub.post(
        reverse("ideas:idea_respond", args=[idea.pk]), {"status": "not-taken-forward", "answer": ""}
    )
    assert "Enter the reason the idea is not being taken forward" in response.content.decode()


def test_manage_page_ids_are_unique(as_hub):
    import re
    from collections import Counter

    idea = IdeaFactory()
    html = as_hub.get(reverse("ideas:idea_manage", args=[idea.pk])).content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
