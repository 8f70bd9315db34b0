"""Kinds of notification: the registry, each person's choice per kind (in the hub, by
email, both or neither), the settings page's checkboxes and the list's filters."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.notifications.emails import digest_send_daily
from improvement_hub.notifications.kinds import (
    ASSIGNED_TO_YOU,
    COMMENT_ON_YOURS,
    FOLLOWED_CHANGE,
    kind_get,
    kind_list_for_user,
    kind_register,
)
from improvement_hub.notifications.models import EmailFrequency, KindSetting, Notification
from improvement_hub.notifications.selectors import notification_unread_count
from improvement_hub.notifications.services import notify, notify_role, preference_set
from tests.accounts.factories import UserFactory
from tests.notifications.factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db

SETTINGS = "/notifications/settings/"
LIST = "/notifications/"


def _tell(capture, recipients, kind=COMMENT_ON_YOURS, **kwargs):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        return notify(
            recipients=recipients,
            kind=kind,
            subject=kwargs.pop("subject", "New comment on your idea: Bins"),
            body="A helpful comment.",
            url="/ideas/3/",
            **kwargs,
        )


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


# --- the registry -----------------------------------------------------------------------------


def test_registering_a_kind_again_is_harmless_when_it_is_the_same():
    assert kind_register(key="followed_change", **_same_as(FOLLOWED_CHANGE)) == FOLLOWED_CHANGE


def _same_as(key):  # type: ignore[no-untyped-def]
    kind = kind_get(key)
    return {"label": kind.label, "hint": kind.hint, "roles": kind.roles, "order": kind.order}


def test_registering_a_kind_is_refused_when_the_key_is_taken_by_another():
    with pytest.raises(ValueError, match="already registered differently"):
        kind_register(key=FOLLOWED_CHANGE, label="Something else entirely")


@pytest.mark.parametrize("key", ["", " padded ", "x" * 61])
def test_registering_a_kind_is_refused_when_the_key_is_not_a_short_word(key):
    with pytest.raises(ValueError, match="short key"):
        kind_register(key=key, label="A kind")


def test_notify_is_refused_when_the_kind_is_not_registered():
    with pytest.raises(ValueError, match="No notification kind"):
        notify(recipients=[UserFactory()], kind="nope", subject="S", body="", url="/")


def test_apps_register_their_own_kinds_and_hub_team_kinds_are_offered_to_the_hub_team_only():
    hub, staff = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.STAFF)
    hub_keys = {kind.key for kind in kind_list_for_user(hub)}
    staff_keys = {kind.key for kind in kind_list_for_user(staff)}
    assert {"ideas.submitted", "lab.referral_confirmed"} <= hub_keys
    assert not {"ideas.submitted", "lab.referral_confirmed"} & staff_keys
    assert {FOLLOWED_CHANGE, COMMENT_ON_YOURS, ASSIGNED_TO_YOU} <= staff_keys


# --- each person's choice per kind ---------------------------------------------------------------


def test_notify_shows_and_emails_every_kind_when_the_person_has_changed_nothing(
    django_capture_on_commit_callbacks,
):
    person = UserFactory(role=Role.STAFF)
    (notification,) = _tell(django_capture_on_commit_callbacks, [person])
    assert (notification.kind, notification.in_hub, notification.by_email) == (
        COMMENT_ON_YOURS,
        True,
        True,
    )
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_notify_emails_but_hides_from_the_hub_when_the_person_wants_it_by_email_only(
    django_capture_on_commit_callbacks,
):
    person = UserFactory(role=Role.STAFF)
    KindSetting.objects.create(user=person, kind=COMMENT_ON_YOURS, in_hub=False, by_email=True)
    _tell(django_capture_on_commit_callbacks, [person])
    assert len(mail.outbox) == 1
    assert notification_unread_count(user=person) == 0
    assert _client(person).get(LIST).content.decode().count("New comment on your idea") == 0


def test_notify_shows_but_never_emails_when_the_person_switched_email_off_for_the_kind(
    django_capture_on_commit_callbacks,
):
    person = _daily_reader()
    KindSetting.objects.create(user=person, kind=COMMENT_ON_YOURS, in_hub=True, by_email=False)
    _tell(django_capture_on_commit_callbacks, [person])
    assert notification_unread_count(user=person) == 1
    assert digest_send_daily(now=timezone.now()) == 0  # not in the digest either
    assert mail.outbox == []


def _daily_reader():  # type: ignore[no-untyped-def]
    person = UserFactory(role=Role.STAFF)
    NotificationPreferenceFactory(user=person, email_frequency=EmailFrequency.DAILY)
    return person


def test_notify_tells_nobody_when_the_person_switched_the_kind_off_entirely(
    django_capture_on_commit_callbacks,
):
    off, on = UserFactory(role=Role.STAFF), UserFactory(role=Role.STAFF)
    KindSetting.objects.create(user=off, kind=COMMENT_ON_YOURS, in_hub=False, by_email=False)
    created = _tell(django_capture_on_commit_callbacks, [off, on])
    assert [n.recipient_id for n in created] == [on.pk]
    assert [m.to for m in mail.outbox] == [[on.email]]


def test_switching_one_kind_off_leaves_the_others_on(django_capture_on_commit_callbacks):
    person = UserFactory(role=Role.STAFF)
    KindSetting.objects.create(user=person, kind=COMMENT_ON_YOURS, in_hub=False, by_email=False)
    created = _tell(django_capture_on_commit_callbacks, [person], kind=ASSIGNED_TO_YOU)
    assert len(created) == 1


def test_daily_readers_get_wanted_kinds_in_their_digest(django_capture_on_commit_callbacks):
    person = _daily_reader()
    _tell(django_capture_on_commit_callbacks, [person], subject="Wanted by email")
    KindSetting.objects.create(user=person, kind=ASSIGNED_TO_YOU, in_hub=True, by_email=False)
    _tell(django_capture_on_commit_callbacks, [person], kind=ASSIGNED_TO_YOU, subject="Hub only")
    assert mail.outbox == []  # daily: nothing straight away
    assert digest_send_daily(now=timezone.now()) == 1
    assert "Wanted by email" in mail.outbox[0].body
    assert "Hub only" not in mail.outbox[0].body


def test_notify_role_tells_each_active_member_of_the_role_but_not_the_actor(
    django_capture_on_commit_callbacks,
):
    actor, colleague = UserFactory(role=Role.HUB_TEAM), UserFactory(role=Role.HUB_TEAM)
    gone = UserFactory(role=Role.HUB_TEAM, is_active=False)
    UserFactory(role=Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        created = notify_role(
            role=Role.HUB_TEAM,
            kind="ideas.submitted",
            subject="New idea to review: Bins",
            body="",
            url="/ideas/1/manage/",
            exclude=actor,
        )
    assert [n.recipient_id for n in created] == [colleague.pk]
    assert gone.pk not in {n.recipient_id for n in Notification.objects.all()}


# --- the settings page ----------------------------------------------------------------------


def test_settings_page_ticks_every_kind_offered_when_nothing_was_changed():
    person = UserFactory(role=Role.STAFF)
    html = _client(person).get(SETTINGS).content.decode()
    assert "Show me in the hub when" in html
    assert "Email me when" in html
    assert "Someone replies to your comment" in html
    assert "A new idea is submitted" not in html  # the Hub Team's kind
    offered = len(kind_list_for_user(person))
    assert html.count('type="checkbox"') == 2 * offered
    assert html.count("checked") >= 2 * offered


def test_settings_page_offers_the_hub_team_its_own_kinds():
    html = _client(UserFactory(role=Role.HUB_TEAM)).get(SETTINGS).content.decode()
    assert "A new idea is submitted" in html
    assert "A referral is confirmed" in html


def test_saving_settings_switches_off_what_is_unticked_and_keeps_it_when_shown_again():
    person = UserFactory(role=Role.STAFF)
    client = _client(person)
    offered = [kind.key for kind in kind_list_for_user(person)]
    response = client.post(
        SETTINGS,
        {
            "email_frequency": EmailFrequency.DAILY,
            "in_hub": [k for k in offered if k != COMMENT_ON_YOURS],
            "by_email": [FOLLOWED_CHANGE],
        },
    )
    assert response.status_code == 302
    comment = KindSetting.objects.get(user=person, kind=COMMENT_ON_YOURS)
    assert (comment.in_hub, comment.by_email) == (False, False)
    assert not KindSetting.objects.filter(user=person, kind=FOLLOWED_CHANGE).exists()
    assert KindSetting.objects.get(user=person, kind=ASSIGNED_TO_YOU).by_email is False
    html = client.get(SETTINGS).content.decode()
    assert f'value="{COMMENT_ON_YOURS}" checked' not in html.replace("\n", " ")


def test_saving_settings_shows_an_error_and_changes_nothing_when_a_kind_is_not_offered():
    person = UserFactory(role=Role.STAFF)
    response = _client(person).post(
        SETTINGS,
        {"email_frequency": "immediate", "in_hub": ["ideas.submitted"], "by_email": []},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select only the kinds of notification listed" in html
    assert not KindSetting.objects.filter(user=person).exists()


def test_preference_service_refuses_a_kind_not_offered_to_the_person():
    person = UserFactory(role=Role.STAFF)
    with pytest.raises(ValidationError) as error:
        preference_set(
            user=person, email_frequency="daily", in_hub=["lab.referral_confirmed"], by_email=[]
        )
    assert "in_hub" in error.value.message_dict


def test_saving_settings_twice_gives_the_same_rows_when_double_submitted():
    person = UserFactory(role=Role.STAFF)
    for _ in range(2):
        preference_set(user=person, email_frequency="daily", in_hub=[], by_email=[])
    assert KindSetting.objects.filter(user=person).count() == len(kind_list_for_user(person))


# --- the list's filters ------------------------------------------------------------------


def test_list_filters_by_kind_and_unread_and_ignores_a_kind_that_does_not_exist():
    person = UserFactory(role=Role.STAFF)
    NotificationFactory(recipient=person, kind=COMMENT_ON_YOURS, subject="A comment arrived")
    NotificationFactory(recipient=person, kind=ASSIGNED_TO_YOU, subject="Given to you")
    NotificationFactory(
        recipient=person, kind=ASSIGNED_TO_YOU, subject="Already seen", read_at=timezone.now()
    )
    client = _client(person)

    by_kind = client.get(LIST, {"kind": ASSIGNED_TO_YOU}).content.decode()
    assert "Given to you" in by_kind
    assert "Already seen" in by_kind
    assert "A comment arrived" not in by_kind

    unread = client.get(LIST, {"kind": ASSIGNED_TO_YOU, "unread": "on"}).content.decode()
    assert "Given to you" in unread
    assert "Already seen" not in unread

    unknown = client.get(LIST, {"kind": "<script>nope</script>"})
    assert unknown.status_code == 200
    assert "A comment arrived" in unknown.content.decode()
    assert "<script>nope" not in unknown.content.decode()
