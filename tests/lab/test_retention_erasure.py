"""Item 7 of issue 8: erasure reaches every copy of a referrer's personal data.

These tests run the real database task queue and worker (as production does), so that task
rows, queued and finished, are among the copies that are checked.
"""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from improvement_hub.core.tasks import send_email
from improvement_hub.lab import services, similarity
from improvement_hub.lab.models import Referral, ReferralDraft, ReferralStatus
from improvement_hub.lab.services import Decision
from improvement_hub.lab.tasks import erase_expired_referral_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EMAIL = "quixotic.erasable@example.org"
NAME = "Jonquil Erasable-Smith"
PHONE = "07700 900982"
ORGANISATION = "Zanzibar Street Residents Erasable Forum"
AFFECTED = "Mrs Erasable at number 14 and her twin boys"
TRIED = "Wrote to councillor Erasable-Pembridge twice"
AGENCY_OTHER = "Erasable Mutual Aid Collective"
REPLY = "My neighbour Thaddeus Erasable can tell you more"
ASK = "Could you tell us more about the flats, Jonquil Erasable-Smith?"
PROBLEM = "Black mould keeps coming back in the tower block flats on the estate"


def _database_tasks(settings) -> None:  # type: ignore[no-untyped-def]
    # django-tasks reloads its backends when the TASKS setting changes
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def _work() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _as_text(value) -> str:  # type: ignore[no-untyped-def]
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _rows_holding(secrets: dict[str, str]) -> list[tuple[str, str]]:
    """Every (table, what) where a cell of any table contains one of the secrets; session
    data is decoded first, as it is stored signed and compressed."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                texts = [_as_text(cell) for cell in row if cell is not None]
                if table == "django_session":
                    texts += [json.dumps(SessionStore().decode(texts[1]), ensure_ascii=False)]
                for what, secret in secrets.items():
                    if any(secret in text for text in texts):
                        found.append((table, what))
    return found


def _link(body: str, path: str) -> str:
    return re.search(rf"https?://[^/\s]+({path}\S+)", body).group(1)


def test_no_table_keeps_the_referrers_data_when_the_retention_period_has_ended(
    settings, client, tmp_path
):
    _database_tasks(settings)
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    from django_tasks_db.models import DBTaskResult

    from improvement_hub.accounts.roles import Role
    from tests.accounts.factories import UserFactory

    hub = UserFactory(role=Role.HUB_TEAM)
    draft = ReferralDraft.objects.create(answers={"email": EMAIL, "contact_name": NAME})
    services.evidence_add(
        draft=draft, upload=SimpleUploadedFile("letter.pdf", PDF), ip="192.0.2.10"
    )
    data = services.ReferralData(
        problem=PROBLEM,
        email=EMAIL,
        consent=True,
        raised_as="community_group",
        organisation_name=ORGANISATION,
        affected_who=AFFECTED,
        agencies=("other",),
        agencies_other=AGENCY_OTHER,
        tried=TRIED,
        contact_name=NAME,
        phone=PHONE,
    )
    referral, tracking = services.referral_submit(data=data, ip="192.0.2.10", draft=draft)

    # the queued email holds ids only; the worker reads the address and links when it runs
    queued = DBTaskResult.objects.get(status="READY")
    assert EMAIL not in json.dumps(queued.args_kwargs)
    assert tracking not in json.dumps(queued.args_kwargs)
    assert mail.outbox == []
    _work()
    body = mail.outbox[0].body
    assert mail.outbox[0].to == [EMAIL]
    confirm, track = _link(body, "/lab/refer/confirm/"), _link(body, "/lab/track/")
    assert tracking in track
    client.post(confirm)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.NEW

    services.referral_decide(
        actor=hub, referral=referral, decision=Decision(kind="more_info", message=ASK)
    )
    _work()
    # the referrer's emails (the Hub Team are emailed too, of the new referral)
    assert ASK in [m for m in mail.outbox if m.to == [EMAIL]][1].body
    reply = client.post(track, {"token": tracking, "action": "reply", "message": REPLY})
    assert reply.status_code == 302
    services.referral_decide(
        actor=hub, referral=referral, decision=Decision(kind="declined", message="Not for us")
    )
    # a row queued the old way, with the address and links in its arguments, and run
    send_email.enqueue(subject="Your referral", body=f"{confirm}\n{track}", to=[EMAIL])
    _work()
    assert [m.subject for m in mail.outbox][-1] == "Your referral"
    assert [m.id for m in similarity.similar(PROBLEM)] == [referral.pk]

    secrets = {
        "email": EMAIL,
        "name": NAME,
        "phone": PHONE,
        "organisation": ORGANISATION,
        "who it affects": AFFECTED,
        "what was tried": TRIED,
        "other organisation": AGENCY_OTHER,
        "reply": REPLY,
        "message to the referrer": ASK,
        "tracking token": tracking,
        "confirmation link": confirm.rsplit("/", 2)[-2],
    }
    before = {what for _table, what in _rows_holding(secrets)}
    assert {"email", "name", "reply", "message to the referrer", "confirmation link"} <= before

    Referral.objects.filter(pk=referral.pk).update(
        closed_at=timezone.now() - timedelta(days=round(settings.LAB_RETENTION_MONTHS * 31))
    )
    erase_expired_referral_data.enqueue()
    _work()

    assert _rows_holding(secrets) == []
    assert not list((tmp_path / "private").rglob("*.pdf")), "the evidence file is deleted"
    assert similarity.similar(PROBLEM) == []
    assert client.get(track).status_code == 404
    referral.refresh_from_db()
    assert referral.problem == PROBLEM, "the problem statement is the Lab's record"
    assert referral.personal_data_erased_at is not None
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0


def test_email_queued_before_erasure_is_not_sent_when_the_worker_runs_after_it(settings):
    _database_tasks(settings)
    data = services.ReferralData(problem=PROBLEM, email=EMAIL, consent=True)
    referral, _tracking = services.referral_submit(data=data, ip="192.0.2.11")
    Referral.objects.filter(pk=referral.pk).update(created_at=timezone.now() - timedelta(days=31))

    assert services.retention_erase() == 1
    _work()

    assert mail.outbox == []
    assert _rows_holding({"email": EMAIL}) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks under threads: PostgreSQL (CI runs it)"
)
def test_two_erasure_runs_at_the_same_moment_erase_each_referral_once():
    import threading

    from improvement_hub.lab.models import ReferralEvent
    from tests.lab.factories import make_referral

    referrals = [make_referral(email=f"twice{n}@example.org")[0] for n in range(3)]
    long_ago = timezone.now() - timedelta(days=365 * 10)
    Referral.objects.filter(pk__in=[r.pk for r in referrals]).update(closed_at=long_ago)
    start = threading.Barrier(2)
    counts: list[int] = []

    def run() -> None:
        try:
            start.wait()
            counts.append(services.retention_erase())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(counts) == 3, counts  # each referral erased by exactly one of the runs
    erased = ReferralEvent.objects.filter(kind=ReferralEvent.Kind.ERASED)
    assert sorted(erased.values_list("referral_id", flat=True)) == sorted(r.pk for r in referrals)
    assert not Referral.objects.filter(pk__in=[r.pk for r in referrals], email__gt="").exists()
