"""Issue 14: a referral's record on its triage page (status tags, the summary of its
answers, its history) is rendered once per change and kept (``lab.hub_views._record``,
``lab.selectors.referral_record_version``). Every change that the record shows is on the
next view: each write that changes it moves the referral's ``updated_at``, or the site
version for names kept elsewhere."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from improvement_hub.accounts import closure
from improvement_hub.accounts import services as accounts_services
from improvement_hub.accounts.roles import Role
from improvement_hub.council.models import Service
from improvement_hub.lab import asides, selectors, services
from improvement_hub.lab.services import Decision
from tests.accounts.factories import UserFactory
from tests.lab.factories import make_referral

pytestmark = pytest.mark.django_db
RECORD_TABLES = (
    "lab_referralevent",
    "lab_evidence",
    "lab_referral_services",
    "lab_referral_priorities",
)


@pytest.fixture
def member(client):  # type: ignore[no-untyped-def]
    person = UserFactory(role=Role.HUB_TEAM, first_name="Ada", last_name="Mensah")
    client.force_login(person)
    return person


@pytest.fixture
def referral(council):  # type: ignore[no-untyped-def]
    care = Service.objects.get(slug="adult-social-care")
    made, _ = make_referral(problem="Older people wait in hospital", services_=[care])
    return made


def _page(client, referral) -> str:  # type: ignore[no-untyped-def]
    response = client.get(reverse("lab:triage_referral", args=[referral.reference]))
    assert response.status_code == 200
    return response.content.decode()


def _decide(actor, referral, kind: str, message: str, note: str = "") -> None:  # type: ignore[no-untyped-def]
    decision = Decision(kind=kind, message=message, note=note)
    services.referral_decide(actor=actor, referral=referral, decision=decision)


def _summary(page: str) -> str:
    """The summary of the referral's answers (not the forms, which list every service)."""
    return page.split('<dl class="govuk-summary-list">', 1)[1].split("</dl>", 1)[0]


def test_a_referral_seen_again_reads_neither_its_history_nor_its_services(client, member, referral):  # type: ignore[no-untyped-def]
    asides.indexes.build_all()  # as gunicorn's master does: the aside is then stored
    first = _page(client, referral)
    with CaptureQueriesContext(connection) as seen:
        again = _page(client, referral)
    assert _summary(again) == _summary(first)
    assert "Adult Social Care" in _summary(again)
    read = [q["sql"] for q in seen if any(f'"{table}"' in q["sql"] for table in RECORD_TABLES)]
    assert read == []


def test_new_tags_show_on_the_next_view(client, member, referral):  # type: ignore[no-untyped-def]
    other = Service.objects.exclude(slug="adult-social-care").order_by("name").first()
    assert other.name not in _summary(_page(client, referral))
    services.referral_update_tags(actor=member, referral=referral, services=[other], priorities=[])
    summary = _summary(_page(client, referral))
    assert other.name in summary
    assert "Adult Social Care" not in summary


def test_a_decision_shows_its_status_and_history_on_the_next_view(client, member, referral):  # type: ignore[no-untyped-def]
    assert "We cannot take this on" not in _page(client, referral)
    _decide(member, referral, "declined", "We cannot take this on", note="Out of scope")
    page = _page(client, referral)
    assert "We cannot take this on" in page
    assert "Out of scope" in page
    assert "Declined" in page


def test_a_referrers_reply_shows_on_the_next_view(client, member, referral):  # type: ignore[no-untyped-def]
    _decide(member, referral, "more_info", "How often does it happen?")
    assert "How often does it happen?" in _page(client, referral)
    referral.refresh_from_db()  # as the referrer's own page reads it
    services.referral_reply(referral=referral, message="It happened again last night")
    assert "It happened again last night" in _page(client, referral)


def test_after_erasure_the_next_view_shows_no_erased_text(client, member, referral):  # type: ignore[no-untyped-def]
    _decide(member, referral, "declined", "Sorry, this is for the NHS")
    assert "Sorry, this is for the NHS" in _page(client, referral)
    assert services.retention_erase(now=timezone.now() + timedelta(days=3650)) == 1
    page = _page(client, referral)
    assert "Sorry, this is for the NHS" not in page
    assert "Erased" in page


def test_a_renamed_or_closed_account_shows_on_the_next_view(client, member, referral):  # type: ignore[no-untyped-def]
    colleague = UserFactory(role=Role.HUB_TEAM, first_name="Ben", last_name="Okafor")
    _decide(colleague, referral, "declined", "No")
    assert "Ben Okafor" in _page(client, referral)
    accounts_services.user_update_name(user=colleague, first_name="Benjamin", last_name="Okafor")
    page = _page(client, referral)
    assert "Benjamin Okafor" in page
    closure.account_close(user=colleague)
    page = _page(client, referral)
    assert "Benjamin Okafor" not in page


def test_a_service_renamed_in_the_admin_shows_on_the_next_view(client, member, referral):  # type: ignore[no-untyped-def]
    assert "Adult Social Care" in _summary(_page(client, referral))
    care = Service.objects.get(slug="adult-social-care")
    care.name = "Care for adults"
    care.save()  # the admin's save bumps the site version
    summary = _summary(_page(client, referral))
    assert "Care for adults" in summary
    assert "Adult Social Care" not in summary


def test_erasure_deletes_the_kept_record_with_the_erased_words(  # type: ignore[no-untyped-def]
    client, member, referral, django_capture_on_commit_callbacks
):
    _decide(member, referral, "declined", "Sorry, this is for the NHS")
    _page(client, referral)
    key = selectors.referral_record_key(referral.pk)
    assert "Sorry, this is for the NHS" in str(cache.get(key))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.retention_erase(now=timezone.now() + timedelta(days=3650)) == 1
    assert cache.get(key) is None


def test_services_show_in_name_order_and_a_service_too_new_for_the_cached_list_shows(  # type: ignore[no-untyped-def]
    client, member, referral
):
    care = Service.objects.get(slug="adult-social-care")
    _page(client, referral)  # the site's list of services is now kept in this process
    # added by another process (no signal here, so this process's list does not have it)
    (newest,) = Service.objects.bulk_create(
        [Service(name="Aardvark Welfare", slug="aardvark-welfare", directorate=care.directorate)]
    )
    services.referral_update_tags(
        actor=member, referral=referral, services=[care, newest], priorities=[]
    )
    summary = _summary(_page(client, referral))
    assert "Aardvark Welfare, Adult Social Care" in summary
