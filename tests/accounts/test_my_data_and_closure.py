"""Download your data, and close your account (issue 8, item 15), as a person does them."""

import json
import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken
from wagtail.users.models import UserProfile

from improvement_hub.accounts.closure import account_close_own
from improvement_hub.accounts.models import User
from improvement_hub.accounts.roles import Role
from improvement_hub.ideas import services as idea_services
from improvement_hub.ideas.models import Comment, Follow, Idea, Support
from improvement_hub.notifications.models import Notification, NotificationPreference
from tests.accounts.factories import PASSWORD, UserFactory
from tests.ideas.factories import CommentFactory, IdeaFactory
from tests.initiatives.factories import InitiativeFactory, TeamMemberFactory
from tests.lab.factories import make_referral
from tests.notifications.factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db

DOWNLOAD = "/accounts/your-data/download/"
CLOSE = "/accounts/close/"


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _person(**kwargs) -> User:  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.STAFF, first_name="Ada", last_name="Quill", **kwargs)


def _close(client: Client, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(CLOSE, {"password": password})


# --- download your data ----------------------------------------------------------------


def test_download_holds_my_items_and_none_of_another_persons_when_signed_in():
    me = _person(email="ada@example.org")
    other = UserFactory(
        role=Role.STAFF, email="bert@example.org", first_name="Bertram", last_name="Oddsock"
    )
    my_idea = IdeaFactory(author=me, title="Text residents when bins are late")
    idea_services.idea_draft_save(
        author=me,
        data=idea_services.IdeaData(
            title="My unsent draft about parking", problem="Queues", proposal="More bays"
        ),
    )
    their_idea = IdeaFactory(author=other, title="Their idea about libraries")
    CommentFactory(idea=their_idea, author=me, body="My comment on libraries")
    CommentFactory(idea=their_idea, author=other, body="Bertram's private musing")
    Support.objects.create(idea=their_idea, user=me)
    Follow.objects.create(idea=their_idea, user=me)
    NotificationFactory(recipient=me, subject="Your idea has a new status")
    NotificationFactory(recipient=other, subject="Bertram's notification")
    NotificationPreferenceFactory(user=me, email_frequency="daily")
    TeamMemberFactory(initiative=InitiativeFactory(title="Quicker repairs"), user=me, name="")
    _token, secret = APIToken.create_token(user=me, name="My spreadsheet link")
    my_referral, _ = make_referral(email="ada@example.org", problem="Damp in my flat")
    make_referral(email="bert@example.org", problem="Bertram's referral about noise")

    response = _signed_in(me).get(DOWNLOAD)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    data = json.loads(text)
    assert data["account"]["email"] == "ada@example.org"
    assert data["account"]["first_name"] == "Ada"
    assert data["account"]["roles"] == ["Staff"]
    assert data["account"]["email_addresses"] == [
        {"email": "ada@example.org", "verified": True, "primary": True}
    ]
    assert [t["name"] for t in data["account"]["api_tokens"]] == ["My spreadsheet link"]
    ideas = data["ideas_forum"]
    assert {i["title"] for i in ideas["ideas"]} == {
        my_idea.title,
        "My unsent draft about parking",
    }
    assert [c["text"] for c in ideas["comments"]] == ["My comment on libraries"]
    assert [s["idea"] for s in ideas["supports"]] == [their_idea.pk]
    assert [f["idea"] for f in ideas["follows"]] == [their_idea.pk]
    notifications = data["notifications"]
    assert [n["subject"] for n in notifications["notifications"]] == ["Your idea has a new status"]
    assert notifications["email_settings"]["how_often"] == "Once a day, as a summary"
    assert [m["initiative_title"] for m in data["initiatives"]["team_memberships"]] == [
        "Quicker repairs"
    ]
    assert [r["reference"] for r in data["innovation_lab"]["referrals"]] == [my_referral.reference]
    # Nothing of another person, and no secrets.
    for theirs in ("bert@example.org", "Bertram", "Oddsock", "noise"):
        assert theirs not in text
    me.refresh_from_db()
    assert me.password not in text
    assert secret not in text
    assert APIToken.objects.get(user=me).key_hash not in text
    assert "password" not in json.dumps(data["account"]).replace("has_password", "")


def test_reading_my_referral_in_the_download_is_logged_when_it_is_linked_by_email():
    me = _person(email="ada@example.org")
    referral, _ = make_referral(email="ada@example.org")

    _signed_in(me).get(DOWNLOAD)

    assert referral.accesses.filter(user=me).count() == 1


def test_unconfirmed_referral_with_my_address_is_left_out_when_the_referrer_never_confirmed():
    me = _person(email="ada@example.org")
    make_referral(email="ada@example.org", confirmed=False, problem="Someone else typed it")

    data = _signed_in(me).get(DOWNLOAD).json()

    assert data["innovation_lab"]["referrals"] == []


@pytest.mark.parametrize("url", [DOWNLOAD, "/accounts/your-data/", CLOSE])
def test_my_data_and_closure_pages_ask_to_sign_in_when_anonymous(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_account_pages_link_to_download_and_close_when_signed_in():
    page = _signed_in(_person()).get(reverse("account_email")).content.decode()

    assert 'href="/accounts/your-data/"' in page
    assert 'href="/accounts/close/"' in page


def test_download_page_explains_and_links_to_the_file_when_signed_in():
    page = _signed_in(_person()).get("/accounts/your-data/").content.decode()

    assert "Download your data" in page
    assert f'href="{DOWNLOAD}"' in page


# --- close your account ----------------------------------------------------------------


def test_closing_signs_me_out_everywhere_and_removes_who_i_am_when_password_is_correct():
    me = _person(email="ada@example.org")
    APIToken.create_token(user=me, name="My spreadsheet link")
    NotificationFactory(recipient=me)
    NotificationPreferenceFactory(user=me, email_frequency="daily")
    IdeaFactory(author=me, submitted_at=None, title="A draft nobody else saw")
    Follow.objects.create(idea=IdeaFactory(), user=me)
    UserProfile.get_for_user(me)
    browser, phone = _signed_in(me), _signed_in(me)

    response = _close(browser)

    assert response.status_code == 302
    assert response.url == "/accounts/closed/"
    assert "Your account is closed" in browser.get(response.url).content.decode()
    for client in (browser, phone):
        again = client.get("/accounts/your-data/")
        assert again.status_code == 302, "every session is signed out"
        assert again.url.startswith(reverse("account_login"))
    me.refresh_from_db()
    assert me.closed_at is not None
    assert not me.is_active
    assert not me.has_usable_password()
    assert (me.first_name, me.last_name) == ("", "")
    assert me.email != "ada@example.org"
    assert me.email.endswith("@closed.invalid")
    assert str(me) == "A former member"
    assert not me.groups.exists()
    assert not EmailAddress.objects.filter(user=me).exists()
    assert not APIToken.objects.filter(user=me).exists()
    assert not Notification.objects.filter(recipient=me).exists()
    assert not NotificationPreference.objects.filter(user=me).exists()
    assert not Follow.objects.filter(user=me).exists()
    assert not Idea.objects.filter(author=me, submitted_at__isnull=True).exists()
    assert not UserProfile.objects.filter(user=me).exists()


def test_closed_account_cannot_sign_in_again_when_old_password_is_used():
    me = _person(email="ada@example.org")
    _close(_signed_in(me))

    client = Client()
    response = client.post(
        reverse("account_login"), {"login": "ada@example.org", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_closed_accounts_email_can_join_again_when_someone_signs_up_with_it(
    client, django_capture_on_commit_callbacks
):
    me = _person(email="ada@example.org")
    _close(_signed_in(me))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {"email": "ada@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    new = User.objects.get(email="ada@example.org")
    assert new.pk != me.pk
    assert new.closed_at is None
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]


def test_my_ideas_and_comments_say_a_former_member_when_i_closed_my_account(hub_team_client):
    me = _person(email="ada@example.org")
    idea = IdeaFactory(author=me, title="Text residents when bins are late")
    CommentFactory(idea=IdeaFactory(), author=me, body="Agree with this")
    comment = Comment.objects.get(author=me)
    _close(_signed_in(me))

    reader = _signed_in(UserFactory(role=Role.STAFF))
    idea_page = reader.get(idea.get_absolute_url()).content.decode()
    assert "A former member" in idea_page
    thread = reader.get(comment.idea.get_absolute_url()).content.decode()
    assert "A former member" in thread
    assert "Agree with this" in thread
    feed = Client().get(reverse("ideas:idea_feed")).content.decode()
    assert idea.title in feed
    assert "A former member" in feed
    export = hub_team_client.get(reverse("ideas:export_csv"))
    export_text = b"".join(export.streaming_content).decode()
    assert idea.title in export_text
    api = Client().get(f"/api/v1/ideas/{idea.pk}")
    assert api.status_code == 200
    assert api.json()["title"] == idea.title
    for page in (idea_page, thread, feed, export_text, api.content.decode()):
        assert "Quill" not in page
        assert "ada@example.org" not in page


def test_closing_is_refused_when_the_password_is_wrong():
    me = _person()
    client = _signed_in(me)

    response = _close(client, password="not-my-password")

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The password is not correct" in page
    me.refresh_from_db()
    assert me.is_active
    assert me.closed_at is None


def test_closing_is_refused_when_the_password_is_left_out():
    me = _person()

    response = _signed_in(me).post(CLOSE, {})

    assert "Enter your password" in response.content.decode()
    me.refresh_from_db()
    assert me.is_active


def test_close_page_only_asks_when_it_is_opened():
    me = _person()

    response = _signed_in(me).get(CLOSE)

    assert response.status_code == 200
    assert "Close my account" in response.content.decode()
    me.refresh_from_db()
    assert me.is_active


def test_closing_is_refused_when_the_form_has_no_csrf_token():
    me = _person()
    client = Client(enforce_csrf_checks=True)
    client.force_login(me)

    response = _close(client)

    assert response.status_code == 403
    me.refresh_from_db()
    assert me.is_active


def test_closing_needs_a_fresh_sign_in_when_the_account_has_no_password():
    me = _person()
    me.set_unusable_password()
    me.save()
    client = _signed_in(me)

    stale = client.post(CLOSE, {})

    assert "Sign in again" in stale.content.decode()
    me.refresh_from_db()
    assert me.is_active

    # As allauth records a sign-in through single sign-on.
    session = client.session
    session["account_authentication_methods_user"] = str(me.pk)
    session["account_authentication_methods"] = [
        {"method": "socialaccount", "at": time.time(), "provider": "openid_connect"}
    ]
    session.save()
    fresh = client.post(CLOSE, {})

    assert fresh.status_code == 302
    me.refresh_from_db()
    assert not me.is_active


def test_closing_service_asks_for_proof_when_called_without_the_page(rf):
    # The rule lives in the service, so no other caller can skip it. (allauth counts
    # password tries per request: its middleware sets this context on every request.)
    me = _person()
    with (
        allauth_context.request_context(rf.post(CLOSE)),
        pytest.raises(ValidationError) as wrong,
    ):
        account_close_own(user=me, password="not-my-password", recently_signed_in=True)
    assert wrong.value.message_dict == {"password": ["The password is not correct"]}

    me.set_unusable_password()
    me.save()
    with pytest.raises(ValidationError, match="Sign in again"):
        account_close_own(user=me, password="", recently_signed_in=False)
    me.refresh_from_db()
    assert me.closed_at is None

    assert account_close_own(user=me, password="", recently_signed_in=True).closed_at
    account_close_own(user=me, password="", recently_signed_in=True)  # another tab: harmless
    me.refresh_from_db()
    assert me.closed_at is not None


def test_download_has_no_secrets_when_the_account_has_a_password():
    me = _person()

    text = _signed_in(me).get(DOWNLOAD).content.decode()

    assert not re.search(r"(md5|pbkdf2_sha256|argon2|bcrypt)\$", text)


# --- erasure on request, by the Hub Team in the admin ----------------------------------

ERASE = "/admin/erase-contributions/"


def test_hub_team_erases_what_someone_wrote_when_they_ask_for_erasure(hub_team_client):
    me = _person(email="ada@example.org")
    idea = IdeaFactory(author=me, title="Text residents when lorries are late")
    other_comment = CommentFactory(idea=idea, body="Someone else's reply stays")
    mine = CommentFactory(idea=IdeaFactory(), author=me, body="My words about libraries")

    found = hub_team_client.get(ERASE, {"account": "ada@example.org"})
    assert found.status_code == 200
    assert "1 idea and 1 comment" in found.content.decode()
    response = hub_team_client.post(ERASE, {"user": me.pk})

    assert response.status_code == 302
    idea.refresh_from_db()
    mine.refresh_from_db()
    assert "lorries" not in idea.title + idea.problem + idea.proposal
    assert idea.is_hidden
    assert mine.body == "Erased at its author's request."
    assert Comment.objects.get(pk=other_comment.pk).body == "Someone else's reply stays"
    assert not Idea.objects.search("lorries").count(), "the search index forgot the text"
    me.refresh_from_db()
    assert me.closed_at is not None, "erasure closes the account too"
    page = Client().get(idea.get_absolute_url())
    assert page.status_code == 404


@pytest.mark.parametrize("role", [Role.STAFF, Role.RESIDENT])
def test_erasure_page_is_refused_when_not_hub_team(role):
    me = _person()
    client = _signed_in(UserFactory(role=role))

    client.post(ERASE, {"user": me.pk})

    me.refresh_from_db()
    assert me.is_active


def test_erasure_page_finds_a_closed_account_by_number_when_the_email_is_gone(hub_team_client):
    me = _person(email="ada@example.org")
    IdeaFactory(author=me)
    _close(_signed_in(me))

    found = hub_team_client.get(ERASE, {"account": str(me.pk)})

    assert "A former member" in found.content.decode()
    assert "1 idea and 0 comments" in found.content.decode()


def test_privacy_notice_tells_people_how_to_download_and_close_when_the_demo_is_loaded():
    from improvement_hub.cms.demo import FOOTER_PAGES

    body = next(page[3] for page in FOOTER_PAGES if page[0] == "privacy")

    assert 'href="/accounts/your-data/"' in body
    assert 'href="/accounts/close/"' in body
    assert "a former member" in body
