"""Supporting, following, commenting on and reporting ideas."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import services
from improvement_hub.ideas.models import Comment, Idea, Report, Support
from tests.accounts.factories import UserFactory
from tests.ideas.factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def _support_url(idea):  # type: ignore[no-untyped-def]
    return reverse("ideas:idea_support", args=[idea.pk])


def test_support_and_withdraw_without_javascript(as_staff, staff):
    idea = IdeaFactory()
    response = as_staff.post(_support_url(idea), {"action": "support"})
    assert response.status_code == 302
    assert response.url == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert idea.follows.filter(user=staff).exists(), "supporters hear what happens"
    html = as_staff.get(idea.get_absolute_url()).content.decode()
    assert "Thank you for supporting this idea" in html
    assert "Withdraw my support" in html
    as_staff.post(_support_url(idea), {"action": "withdraw"})
    idea.refresh_from_db()
    assert idea.support_count == 0
    assert not Support.objects.exists()


def test_support_with_htmx_returns_the_updated_block(as_staff):
    idea = IdeaFactory()
    response = as_staff.post(_support_url(idea), {"action": "support"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<div id="support-{idea.pk}"')
    assert "1 support<" in html
    assert "Withdraw my support" in html
    assert "<html" not in html


def test_supporting_twice_counts_once(as_staff):
    idea = IdeaFactory()
    as_staff.post(_support_url(idea), {"action": "support"})
    as_staff.post(_support_url(idea), {"action": "support"})
    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.count()


def test_authors_cannot_support_their_own_idea(as_staff, staff):
    idea = IdeaFactory(author=staff)
    response = as_staff.post(_support_url(idea), {"action": "support"}, follow=True)
    assert "You cannot support this idea" in response.content.decode()
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_residents_cannot_support_staff_ideas(resident_client):
    idea = IdeaFactory()
    resident_client.post(_support_url(idea), {"action": "support"})
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_support_needs_a_post_and_sign_in(client, as_staff):
    idea = IdeaFactory()
    assert as_staff.get(_support_url(idea)).status_code == 405
    response = client.post(_support_url(idea), {"action": "support"})
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next=/ideas/{idea.pk}/", (
        "back to the idea, not the action"
    )


def test_support_rate_limit_gives_a_clear_message(as_staff, settings):
    settings.IDEAS_RATE_LIMITS = {**settings.IDEAS_RATE_LIMITS, "support": (2, 600)}
    ideas = IdeaFactory.create_batch(3)
    for idea in ideas[:2]:
        as_staff.post(_support_url(idea), {"action": "support"})
    response = as_staff.post(_support_url(ideas[2]), {"action": "support"}, follow=True)
    assert "supported a lot of ideas in a short time" in response.content.decode()
    assert Support.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row-level concurrency is a PostgreSQL property; SQLite serialises all writers",
)
def test_concurrent_supports_are_counted_exactly_on_postgresql(settings):
    settings.IDEAS_RATE_LIMITS = {**settings.IDEAS_RATE_LIMITS, "support": (10_000, 600)}
    idea = IdeaFactory()
    people = [UserFactory(role=Role.STAFF) for _ in range(16)]
    barrier = threading.Barrier(len(people) * 2)
    errors: list[Exception] = []

    def click(person):  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            services.idea_support(user=person, idea=Idea.objects.get(pk=idea.pk))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    # every person double-clicks: two threads each
    threads = [threading.Thread(target=click, args=(p,)) for p in people for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == 16
    assert idea.support_count == 16


def test_follow_and_unfollow(as_staff, staff):
    idea = IdeaFactory()
    url = reverse("ideas:idea_follow", args=[idea.pk])
    as_staff.post(url, {"action": "follow"})
    as_staff.post(url, {"action": "follow"})
    assert idea.follows.filter(user=staff).count() == 1
    as_staff.post(url, {"action": "unfollow"})
    assert not idea.follows.exists()


def test_comment_and_one_level_of_replies(as_staff):
    idea = IdeaFactory()
    url = reverse("ideas:comment_add", args=[idea.pk])
    response = as_staff.post(url, {"body": "Top comment"})
    top = Comment.objects.get()
    assert response.url.endswith(f"#comment-{top.pk}")
    as_staff.post(url, {"body": "A reply", "parent": top.pk})
    reply = Comment.objects.get(body="A reply")
    as_staff.post(url, {"body": "Reply to a reply", "parent": reply.pk})
    deeper = Comment.objects.get(body="Reply to a reply")
    assert reply.parent == top
    assert deeper.parent == top, "replies to replies join the same thread"
    idea.refresh_from_db()
    assert idea.comment_count == 3
    html = as_staff.get(idea.get_absolute_url()).content.decode()
    assert html.index("Top comment") < html.index("A reply") < html.index("Reply to a reply")


def test_comment_errors_keep_the_page_and_the_text(as_staff):
    idea = IdeaFactory()
    long_text = "y" * 2001
    response = as_staff.post(reverse("ideas:comment_add", args=[idea.pk]), {"body": long_text})
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "2000 characters or fewer" in html
    assert long_text in html
    empty = as_staff.post(reverse("ideas:comment_add", args=[idea.pk]), {"body": "   "})
    assert "Enter your comment" in empty.content.decode()
    assert not Comment.objects.exists()


def test_reply_to_a_comment_on_another_idea_is_refused(as_staff):
    idea, elsewhere = IdeaFactory(), CommentFactory()
    response = as_staff.post(
        reverse("ideas:comment_add", args=[idea.pk]), {"body": "x", "parent": elsewhere.pk}
    )
    assert response.status_code == 404
    assert Comment.objects.count() == 1


def test_comment_text_is_plain_and_escaped(as_staff):
    idea = IdeaFactory()
    as_staff.post(
        reverse("ideas:comment_add", args=[idea.pk]),
        {"body": "<b>bold</b> <img src=x onerror=alert(1)>"},
    )
    html = as_staff.get(idea.get_absolute_url()).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<img src=x" not in html


def test_comment_rate_limit_keeps_the_text(as_staff, settings):
    settings.IDEAS_RATE_LIMITS = {**settings.IDEAS_RATE_LIMITS, "comment": (1, 600)}
    idea = IdeaFactory()
    url = reverse("ideas:comment_add", args=[idea.pk])
    as_staff.post(url, {"body": "first"})
    response = as_staff.post(url, {"body": "my second thought"})
    html = response.content.decode()
    assert "commented a lot in a short time" in html
    assert "my second thought" in html
    assert Comment.objects.count() == 1


def test_author_edits_a_comment_within_15_minutes_only(as_staff, staff):
    comment = CommentFactory(author=staff)
    url = reverse("ideas:comment_edit", args=[comment.idea_id, comment.pk])
    as_staff.post(url, {"body": "Corrected"})
    comment.refresh_from_db()
    assert comment.body == "Corrected"
    assert comment.edited_at is not None
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    response = as_staff.post(url, {"body": "Too late"}, follow=True)
    assert "within 15 minutes" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Corrected"


def test_nobody_edits_someone_elses_comment(as_staff):
    comment = CommentFactory()
    as_staff.post(
        reverse("ideas:comment_edit", args=[comment.idea_id, comment.pk]), {"body": "Mine now"}
    )
    comment.refresh_from_db()
    assert comment.body == "A helpful comment."


def test_report_a_comment_once(as_staff, staff):
    comment = CommentFactory()
    url = reverse("ideas:comment_report", args=[comment.idea_id, comment.pk])
    as_staff.post(url, {"reason": "Offensive"})
    as_staff.post(url, {"reason": "Offensive again"})
    assert Report.objects.filter(comment=comment, reporter=staff).count() == 1
    empty = as_staff.post(url, {"reason": ""})
    assert "Enter why you are reporting this" in empty.content.decode()


def test_report_an_idea(as_staff):
    idea = IdeaFactory()
    response = as_staff.post(
        reverse("ideas:idea_report", args=[idea.pk]), {"reason": "Duplicate of 12"}
    )
    assert response.status_code == 302
    assert Report.objects.get().idea == idea


def test_hidden_comment_cannot_be_read_or_reported_when_someone_else_opens_its_report_page(
    as_staff, staff
):
    comment = CommentFactory(body="Moderated words", hidden_at=timezone.now())
    url = reverse("ideas:comment_report", args=[comment.idea_id, comment.pk])
    assert as_staff.get(url).status_code == 404
    assert as_staff.post(url, {"reason": "Still offensive"}).status_code == 404
    assert not Report.objects.filter(comment=comment).exists()
    with pytest.raises(PermissionDenied):
        services.report_add(reporter=staff, reason="Direct", comment=comment)


def test_hidden_comment_report_page_opens_when_its_author_or_the_hub_team_asks(as_hub):
    comment = CommentFactory(hidden_at=timezone.now())
    url = reverse("ideas:comment_report", args=[comment.idea_id, comment.pk])
    assert as_hub.get(url).status_code == 200
    author = Client()
    author.force_login(comment.author)
    assert author.get(url).status_code == 200


@pytest.mark.parametrize("next_url", ["NaN", "ideas:idea_list", "https://evil.example/", "//x"])
def test_support_returns_to_the_idea_when_next_is_not_a_path_on_this_site(as_staff, next_url):
    idea = IdeaFactory()
    response = as_staff.post(
        reverse("ideas:idea_support", args=[idea.pk]), {"action": "support", "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()


def test_a_reply_stays_under_its_comment_whatever_came_after(as_staff):
    # The thread is read in one query in time order and grouped on the page: a reply
    # written after a later comment is still shown inside its own comment.
    idea = IdeaFactory()
    url = reverse("ideas:comment_add", args=[idea.pk])
    as_staff.post(url, {"body": "First comment"})
    first = Comment.objects.get()
    as_staff.post(url, {"body": "Second comment"})
    as_staff.post(url, {"body": "A late reply", "parent": first.pk})
    reply = Comment.objects.get(body="A late reply")
    html = as_staff.get(idea.get_absolute_url()).content.decode()
    assert html.index("First comment") < html.index("A late reply") < html.index("Second comment")
    assert f'<div class="hub-comment hub-comment--reply" id="comment-{reply.pk}">' in html
