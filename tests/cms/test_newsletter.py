"""The newsletter: double opt-in without an account, one-click unsubscribe (RFC 8058), the
retention of unconfirmed sign-ups, and the Hub Team's issues sent in batches, once each."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.cms import newsletter_emails as emails
from improvement_hub.cms import newsletter_selectors as selectors
from improvement_hub.cms import newsletter_services as services
from improvement_hub.cms.newsletter_models import (
    NewsletterDelivery,
    NewsletterIssue,
    NewsletterSubscriber,
)
from improvement_hub.council import selectors as council
from tests.accounts.factories import UserFactory
from tests.initiatives.factories import InitiativeFactory, PublishedInitiativeFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/newsletter/"
FORMAT = "Enter an email address in the correct format"


def _subscribe(client: Client, email: str = "Ada@Example.org", **extra: object):  # type: ignore[no-untyped-def]
    return client.post(SUBSCRIBE, {"email": email, **extra})


def _link(message: mail.EmailMessage, kind: str) -> str:
    found = re.search(rf"https?://\S+(/newsletter/{kind}/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def _priority(name: str):  # type: ignore[no-untyped-def]
    return council.priority_list_active().get(name__iexact=name)


def _confirmed(email: str, *priorities: object) -> NewsletterSubscriber:
    subscriber = NewsletterSubscriber.objects.create(email=email, confirmed_at=timezone.now())
    subscriber.priorities.set(priorities)
    return subscriber


# --- subscribing and confirming -------------------------------------------------------------------


def test_subscribe_sends_one_confirmation_link_and_nothing_else_until_confirmed(
    django_capture_on_commit_callbacks,
):
    client = Client()
    housing = _priority("Housing")
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, priorities=[housing.pk])
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:check_email")
    page = client.get(response["Location"])
    assert "ada@example.org" in page.content.decode()

    subscriber = NewsletterSubscriber.objects.get()
    assert subscriber.email == "ada@example.org"
    assert list(subscriber.priorities.all()) == [housing]
    assert subscriber.confirmed_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.org"]

    # An issue sent now does not go to an unconfirmed address.
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="May news", introduction="Hello.")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(user=hub, issue=issue)
    assert len(mail.outbox) == 1
    assert NewsletterDelivery.objects.count() == 0


def test_the_confirmation_link_shows_a_button_and_pressing_it_confirms(
    django_capture_on_commit_callbacks,
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(client)
    link = _link(mail.outbox[0], "confirm")

    page = client.get(link)  # an email scanner opening the link confirms nothing
    assert page.status_code == 200
    assert "Confirm my subscription" in page.content.decode()
    assert NewsletterSubscriber.objects.get().confirmed_at is None

    done = Client(enforce_csrf_checks=False).post(link)
    assert done.status_code == 200
    assert "You are subscribed" in done.content.decode()
    assert NewsletterSubscriber.objects.get().confirmed_at is not None
    assert client.post(link).status_code == 200  # twice is once


def test_an_expired_confirmation_link_confirms_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(Client())
    link = _link(mail.outbox[0], "confirm")
    subscriber = NewsletterSubscriber.objects.get()
    later = timezone.now() + timedelta(days=selectors.CONFIRM_MAX_AGE_DAYS, minutes=1)
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = Client().post(link)
    assert response.status_code == 404
    assert "expired or is not valid" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        "eyJzIjoxLCJuIjoieCJ9:1abcde:forgedsignature",
        signing.dumps({"s": 1, "n": "x"}, salt="some.other.salt"),
    ],
    # named, not shown: the signed token holds the time, and pytest-xdist's workers must
    # collect the same test ids
    ids=["not-a-token", "forged-signature", "signed-with-another-salt"],
)
def test_a_forged_confirmation_or_unsubscribe_link_does_nothing(token):
    subscriber = NewsletterSubscriber.objects.create(email="ada@example.org")
    confirmed = _confirmed("bo@example.org")
    for name in ("confirm", "unsubscribe"):
        response = Client().post(reverse(f"newsletter:{name}", args=[token]))
        assert response.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    assert NewsletterSubscriber.objects.filter(pk=confirmed.pk).exists()


def test_a_link_signed_for_an_earlier_subscription_of_the_same_address_does_nothing():
    old = _confirmed("ada@example.org")
    old_confirm = selectors.token_make(old, salt=selectors.CONFIRM_SALT)
    old_unsubscribe = selectors.token_make(old, salt=selectors.UNSUBSCRIBE_SALT)
    old.delete()
    new = NewsletterSubscriber.objects.create(email="ada@example.org")
    new.pk = old.pk  # even with the same id, the nonce differs
    assert selectors.subscriber_for_confirm_token(old_confirm) is None
    assert selectors.subscriber_for_unsubscribe_token(old_unsubscribe).subscriber is None


def test_a_double_submit_makes_one_sign_up_and_sends_one_email(
    django_capture_on_commit_callbacks,
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        first = _subscribe(client, email="ada@example.org")
        second = _subscribe(client, email="ADA@example.org ")
    assert first.status_code == second.status_code == 302
    assert NewsletterSubscriber.objects.count() == 1
    assert len(mail.outbox) == 1


def test_signing_up_an_address_already_subscribed_looks_the_same_and_sends_nothing(
    django_capture_on_commit_callbacks,
):
    subscriber = _confirmed("ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(Client(), email="ada@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:check_email")
    assert mail.outbox == []
    assert NewsletterSubscriber.objects.get().pk == subscriber.pk


def test_a_lost_confirmation_email_is_sent_again_after_a_while(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(Client())
    NewsletterSubscriber.objects.update(
        confirmation_sent_at=timezone.now() - services.RESEND_AFTER - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(Client())
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["ada@example.org"]


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("not an email", FORMAT),
        (
            "ada@example.org\r\nBcc: everyone@example.org",
            FORMAT,
        ),
        ("<script>alert(1)</script>@example.org", FORMAT),
        ("a" * 250 + "@example.org", "254 characters or fewer"),
        ("ada\u0000@example.org", ""),
    ],
)
def test_bad_addresses_are_refused_with_a_clear_message_and_kept(email, message):
    response = _subscribe(Client(), email=email)
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert message in body
    assert "<script>alert(1)</script>" not in body
    assert NewsletterSubscriber.objects.count() == 0
    assert mail.outbox == []


def test_the_honeypot_refuses_a_bot_and_stores_nothing():
    response = _subscribe(Client(), website="http://spam.example")
    assert response.status_code == 400
    assert NewsletterSubscriber.objects.count() == 0


def test_sign_ups_from_one_address_are_rate_limited(settings):
    settings.NEWSLETTER_RATE_LIMITS = (3, 5)
    client = Client()
    for n in range(3):
        assert _subscribe(client, email=f"person{n}@example.org").status_code == 302
    refused = _subscribe(client, email="person9@example.org")
    assert refused.status_code == 429
    assert refused["Retry-After"]
    body = refused.content.decode()
    assert "Try again in an hour" in body
    assert 'value="person9@example.org"' in body  # nothing typed is lost
    assert NewsletterSubscriber.objects.count() == 3


def test_unconfirmed_sign_ups_are_erased_after_the_link_expires():
    old = NewsletterSubscriber.objects.create(
        email="old@example.org", created_at=timezone.now() - timedelta(days=8)
    )
    recent = NewsletterSubscriber.objects.create(email="new@example.org")
    confirmed = _confirmed("kept@example.org")
    NewsletterSubscriber.objects.filter(pk=confirmed.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    call_command("erase_unconfirmed_newsletter_subscribers", stdout=open("/dev/null", "w"))  # noqa: SIM115
    remaining = set(NewsletterSubscriber.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, confirmed.pk}
    assert old.pk not in remaining
    assert services.subscribers_erase_unconfirmed() == 0  # safe to run again


# --- unsubscribing ----------------------------------------------------------------------------


def _issue_to(
    *subscribers: NewsletterSubscriber, django_capture_on_commit_callbacks
) -> NewsletterIssue:  # type: ignore[no-untyped-def]
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="June news", introduction="What changed.")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(user=hub, issue=issue)
    return issue


def test_every_issue_has_an_unsubscribe_link_and_one_click_list_headers(
    django_capture_on_commit_callbacks,
):
    subscriber = _confirmed("ada@example.org")
    _issue_to(subscriber, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    link = _link(message, "unsubscribe")
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{link}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    assert link in html
    # The headers survive into the message as sent.
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


def test_the_unsubscribe_link_shows_one_button_and_pressing_it_deletes_the_address(
    django_capture_on_commit_callbacks,
):
    subscriber = _confirmed("ada@example.org")
    _issue_to(subscriber, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0], "unsubscribe")
    client = Client(enforce_csrf_checks=True)

    page = client.get(link)  # opening the link (or a scanner) unsubscribes nobody
    assert page.status_code == 200
    assert NewsletterSubscriber.objects.filter(pk=subscriber.pk).exists()
    assert page["Referrer-Policy"] == "same-origin"

    done = client.post(link)
    assert done.status_code == 200
    assert "You have unsubscribed" in done.content.decode()
    assert not NewsletterSubscriber.objects.filter(email="ada@example.org").exists()
    # The record that the issue was sent stays, without the person.
    delivery = NewsletterDelivery.objects.get()
    assert delivery.subscriber is None
    assert delivery.status == NewsletterDelivery.Status.SENT

    again = client.get(link)  # an old link still answers kindly
    assert again.status_code == 200
    assert "You have unsubscribed" in again.content.decode()


def test_a_mail_clients_one_click_post_unsubscribes_without_a_csrf_token(
    django_capture_on_commit_callbacks,
):
    subscriber = _confirmed("ada@example.org")
    other = _confirmed("bo@example.org")
    _issue_to(subscriber, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    response = Client(enforce_csrf_checks=True).post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not NewsletterSubscriber.objects.filter(pk=subscriber.pk).exists()
    assert NewsletterSubscriber.objects.filter(pk=other.pk).exists()


def test_an_altered_unsubscribe_token_cannot_unsubscribe_someone_else():
    ada = _confirmed("ada@example.org")
    bo = _confirmed("bo@example.org")
    token = selectors.token_make(ada, salt=selectors.UNSUBSCRIBE_SALT)
    payload, rest = token.split(":", 1)
    forged_payload = signing.b64_encode(f'{{"s":{bo.pk},"n":"{bo.nonce}"}}'.encode()).decode()
    response = Client(enforce_csrf_checks=True).post(
        reverse("newsletter:unsubscribe", args=[f"{forged_payload}:{rest}"])
    )
    assert response.status_code == 404
    assert NewsletterSubscriber.objects.filter(pk__in=[ada.pk, bo.pk]).count() == 2


# --- the Hub Team's issues and sending them -----------------------------------------------------


def test_only_the_hub_team_reaches_the_issue_pages(client, staff_client, hub_team_client):
    assert client.get("/newsletter/issues/").status_code == 302
    assert staff_client.get("/newsletter/issues/").status_code == 404
    assert hub_team_client.get("/newsletter/issues/").status_code == 200
    with pytest.raises(Exception, match="Only the Hub Team"):
        services.issue_save(user=UserFactory(role=Role.STAFF), subject="x", introduction="y")


def test_the_hub_team_composes_from_published_results_previews_and_sends(
    hub_team_client, django_capture_on_commit_callbacks
):
    housing, health = _priority("Housing"), _priority("Health")
    result = PublishedInitiativeFactory(title="Faster repairs", public_summary="Repairs in 5 days.")
    result.priorities.add(housing)
    other = PublishedInitiativeFactory(title="Healthy walks", public_summary="Walks.")
    other.priorities.add(health)
    hidden = InitiativeFactory(title="Secret plan")
    _confirmed("ada@example.org", housing)
    _confirmed("bo@example.org", health)

    form = hub_team_client.get("/newsletter/issues/new/").content.decode()
    assert "Faster repairs" in form
    assert "Healthy walks" in form
    assert "Secret plan" not in form  # unpublished work is never offered

    response = hub_team_client.post(
        "/newsletter/issues/new/",
        {
            "subject": "June news",
            "introduction": "What changed this month.",
            "initiatives": [other.pk, result.pk],
        },
    )
    assert response.status_code == 302
    issue = NewsletterIssue.objects.get()
    preview = hub_team_client.get(response["Location"]).content.decode()
    assert "Faster repairs" in preview
    assert "Repairs in 5 days." in preview
    assert "2 confirmed subscribers" in preview

    refused = hub_team_client.post(
        "/newsletter/issues/new/", {"subject": "x", "introduction": "y", "initiatives": [hidden.pk]}
    )
    assert refused.status_code == 400

    with django_capture_on_commit_callbacks(execute=True):
        sent = hub_team_client.post(f"/newsletter/issues/{issue.pk}/send/")
    assert sent.status_code == 302
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert issue.recipient_count == 2
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {"ada@example.org", "bo@example.org"}
    # Each person's priorities come first.
    ada_body, bo_body = by_person["ada@example.org"].body, by_person["bo@example.org"].body
    assert ada_body.index("Faster repairs") < ada_body.index("Healthy walks")
    assert bo_body.index("Healthy walks") < bo_body.index("Faster repairs")
    assert by_person["ada@example.org"].subject == "June news"
    assert f"/results/{result.pk}/" in ada_body
    # A sent issue cannot be changed, and shows what was sent.
    assert hub_team_client.get(f"/newsletter/issues/{issue.pk}/edit/").status_code == 302
    detail = hub_team_client.get(f"/newsletter/issues/{issue.pk}/").content.decode()
    assert "2 of 2" in detail


def test_sending_twice_sends_each_person_one_email(
    hub_team_client, django_capture_on_commit_callbacks
):
    for n in range(7):
        _confirmed(f"person{n}@example.org")
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="News", introduction="Hello.")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(user=hub, issue=issue)
        services.issue_send(user=hub, issue=issue)  # a double click
        hub_team_client.post(f"/newsletter/issues/{issue.pk}/send/")
    assert len(mail.outbox) == 7
    assert NewsletterDelivery.objects.filter(issue=issue).count() == 7


def test_the_batch_task_run_again_sends_nobody_a_second_copy(django_capture_on_commit_callbacks):
    people = [_confirmed(f"person{n}@example.org") for n in range(5)]
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="News", introduction="Hello.")
    # Queue without running the task: the worker runs it below, in batches of 2, twice over.
    with django_capture_on_commit_callbacks(execute=False):
        services.issue_send(user=hub, issue=issue)
    assert mail.outbox == []
    assert emails.issue_batch_send(issue_id=issue.pk, size=2) == 2
    assert len(mail.outbox) == 2
    emails.send_newsletter_batch.call(issue_id=issue.pk)  # the rest, in batches
    emails.send_newsletter_batch.call(issue_id=issue.pk)  # a re-run
    assert emails.issue_batch_send(issue_id=issue.pk, size=2) == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENT
    assert set(issue.deliveries.values_list("status", flat=True)) == {"sent"}


def test_someone_who_unsubscribes_while_an_issue_is_sending_gets_nothing(
    django_capture_on_commit_callbacks,
):
    ada, bo = _confirmed("ada@example.org"), _confirmed("bo@example.org")
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="News", introduction="Hello.")
    with django_capture_on_commit_callbacks(execute=False):
        services.issue_send(user=hub, issue=issue)
    services.subscriber_unsubscribe(subscriber=bo)
    emails.send_newsletter_batch.call(issue_id=issue.pk)
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert issue.deliveries.filter(status=NewsletterDelivery.Status.SKIPPED).count() == 1
    assert ada.pk


def test_a_refused_address_is_recorded_and_the_others_still_get_it(
    monkeypatch, django_capture_on_commit_callbacks
):
    _confirmed("ada@example.org")
    _confirmed("refused@example.org")
    original = emails.EmailMultiAlternatives.send

    def send(self, fail_silently=False):  # type: ignore[no-untyped-def]
        if self.to == ["refused@example.org"]:  # the mail server refuses this one
            raise OSError("550 mailbox unavailable")
        return original(self, fail_silently)

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", send)
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="News", introduction="Hello.")
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(user=hub, issue=issue)
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    issue = selectors.issue_get(pk=issue.pk)
    assert (issue.delivered, issue.failed, issue.status) == (1, 1, "sent")


def test_hostile_text_in_an_issue_is_escaped_in_the_html_email(
    django_capture_on_commit_callbacks,
):
    _confirmed("ada@example.org")
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(
        user=hub, subject="News\r\n<b>bold</b>", introduction="<script>alert(1)</script>"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(user=hub, issue=issue)
    assert mail.outbox[0].subject == "News <b>bold</b>"
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_sending_the_same_issue_at_once_send_each_person_one_email(settings):
    """Claims are conditional updates: exact under a real race (PostgreSQL only: SQLite
    serialises writers anyway)."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("a real race needs PostgreSQL")
    people = [_confirmed(f"person{n}@example.org") for n in range(40)]
    hub = UserFactory(role=Role.HUB_TEAM)
    issue = services.issue_save(user=hub, subject="News", introduction="Hello.")
    # Sending starts without running the batches: the workers below run them.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    services.issue_send(user=hub, issue=issue)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait()
            while emails.issue_batch_send(issue_id=issue.pk, size=5):
                pass
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    sent_to = sorted(m.to[0] for m in mail.outbox)
    assert sent_to == sorted(p.email for p in people)
    assert issue.deliveries.filter(status=NewsletterDelivery.Status.SENT).count() == 40


def test_an_issue_links_recent_live_stories_and_never_drafts(
    hub_team_client, django_capture_on_commit_callbacks
):
    import datetime as dt

    from wagtail.models import Page

    from improvement_hub.cms.models import HomePage, NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(instance=NewsIndexPage(title="News", slug="news"))
    story = NewsPage(title="The lab opens", first_published_on=dt.date(2017, 6, 1), summary="Hi")
    story.body = [("text", "<p>Words.</p>")]
    index.add_child(instance=story)
    story.save_revision().publish()
    story.priorities.add(_priority("Housing"))
    story.save()
    draft = NewsPage(title="Not yet", first_published_on=dt.date(2017, 7, 1), summary="Soon")
    draft.body = [("text", "<p>Words.</p>")]
    draft.live = False
    index.add_child(instance=draft)
    _confirmed("ada@example.org", _priority("Housing"))

    form = hub_team_client.get("/newsletter/issues/new/").content.decode()
    assert "News item: The lab opens" in form
    assert "Not yet" not in form
    assert "Home" not in [p.title for p in selectors.story_page_choices()]
    refused = hub_team_client.post(
        "/newsletter/issues/new/", {"subject": "x", "introduction": "y", "pages": [draft.pk]}
    )
    assert refused.status_code == 400
    response = hub_team_client.post(
        "/newsletter/issues/new/",
        {"subject": "June news", "introduction": "Hello.", "pages": [story.pk]},
    )
    issue = NewsletterIssue.objects.get()
    assert response["Location"] == f"/newsletter/issues/{issue.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        hub_team_client.post(f"/newsletter/issues/{issue.pk}/send/")
    (message,) = mail.outbox
    assert "News item: The lab opens" in message.body
    assert Page.objects.get(pk=story.pk).url_path.rstrip("/").rsplit("/", 1)[-1] in message.body
