"""Two task workers at once (docs/operations.md, "Scaling out"), on the database queue (one
box) and on RQ with Redis (several): every task runs once, and no one is emailed twice even
when a task is queued twice or the daily digests are sent by two workers at the same time."""

import json
import subprocess
import sys
from email import message_from_string
from pathlib import Path

import pytest
import redis
from django_tasks_db.models import DBTaskResult
from rq.job import Job

from improvement_hub.notifications.models import EmailFrequency, Notification
from tests.notifications.factories import NotificationFactory, NotificationPreferenceFactory
from tests.scale.processes import (
    QUEUE_REDIS_DB,
    REDIS_HOST,
    hub_environment,
    needs_postgresql,
    run_hub,
)

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUEUE_URL = f"redis://{REDIS_HOST}/{QUEUE_REDIS_DB}"
ENQUEUE = """
import json
from improvement_hub.notifications.tasks import send_daily_digests, send_notification_email
ids = []
for pk in {ids}:  # each email queued twice, as a retry or a second click would
    ids += [send_notification_email.enqueue(pk).id, send_notification_email.enqueue(pk).id]
ids += [send_daily_digests.enqueue().id, send_daily_digests.enqueue().id]
print(json.dumps(ids))
"""
WORKERS = {
    "database": ["db_worker", "--batch", "--no-startup-delay", "--interval=0.1"],
    "rq": ["rqworker", "--burst", "--job-class=django_tasks_rq.Job", "default"],
}


def _email_url(folder: Path) -> str:
    """Django's file email backend into ``folder`` (django-environ drops the first slash
    of the path, so an absolute one takes a third)."""
    return f"filemail:///{folder}"


def _sent(folders: list[Path]) -> list[tuple[str, str]]:
    """(to, subject) of every email the workers sent (Django's file backend)."""
    sent = []
    for folder in folders:
        for log in sorted(folder.glob("*.log")):
            for raw in log.read_text().split("-" * 79):
                if raw.strip():
                    message = message_from_string(raw.strip())
                    sent.append((message["To"], " ".join(message["Subject"].split())))
    return sent


def _people() -> tuple[list[Notification], dict[str, int]]:
    """Six people emailed straight away, one notification each; three daily readers with
    two each. Returns the first six notifications and the daily readers' addresses."""
    now = [NotificationFactory() for _ in range(6)]
    daily: dict[str, int] = {}
    for _ in range(3):
        preference = NotificationPreferenceFactory(email_frequency=EmailFrequency.DAILY)
        NotificationFactory.create_batch(2, recipient=preference.user)
        daily[preference.user.email] = 2
    return now, daily


@pytest.mark.parametrize("backend", WORKERS)
def test_two_workers_at_once_run_each_task_once_and_email_no_one_twice(backend, tmp_path):
    immediate, daily = _people()
    env = hub_environment(TASKS_BACKEND=backend, TASKS_REDIS_URL=QUEUE_URL)
    queue = redis.Redis.from_url(QUEUE_URL)
    if backend == "rq":
        queue.flushdb()  # the tests' own database: a queue left by an earlier run goes
    workers: list[subprocess.Popen] = []
    try:
        script = ENQUEUE.format(ids=[n.pk for n in immediate])
        task_ids = json.loads(run_hub("shell", "-c", script, env=env).strip().splitlines()[-1])
        assert len(task_ids) == 14

        folders = [tmp_path / f"worker-{n}" for n in (1, 2)]
        for n, folder in enumerate(folders, start=1):
            folder.mkdir()
            workers.append(
                subprocess.Popen(  # noqa: S603
                    [sys.executable, "-m", "improvement_hub", *WORKERS[backend]],
                    env={**env, "EMAIL_URL": _email_url(folder)},
                    stdout=(tmp_path / f"worker-{n}.log").open("w"),
                    stderr=subprocess.STDOUT,
                )
            )
        for n, worker in enumerate(workers, start=1):
            assert worker.wait(timeout=90) == 0, (tmp_path / f"worker-{n}.log").read_text()

        # Every task ran exactly once, on one worker.
        if backend == "database":
            results = DBTaskResult.objects.filter(id__in=task_ids)
            assert sorted(str(r.id) for r in results) == sorted(task_ids)
            assert {r.status for r in results} == {"SUCCESSFUL"}
            assert all(len(r.worker_ids) == 1 for r in results)
        else:
            for task_id in task_ids:
                job = Job.fetch(task_id, connection=queue)
                assert job.get_status() == "finished"
                assert len(job.results()) == 1, f"{task_id} ran {len(job.results())} times"

        # Each notification emailed once, each daily reader one digest.
        sent = _sent(folders)
        for notification in immediate:
            to_them = [s for s in sent if s[0] == notification.recipient.email]
            assert to_them == [(notification.recipient.email, notification.subject)]
        for email in daily:
            assert len([s for s in sent if s[0] == email]) == 1, f"one digest to {email}"
        assert len(sent) == len(immediate) + len(daily)
        assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
        if backend == "rq":
            queue.flushdb()
        queue.close()


def test_two_digest_runs_at_the_same_moment_send_each_reader_one_digest(tmp_path):
    """``send_digests`` from cron on two machines at once (or run twice by hand)."""
    _, daily = _people()
    folders = [tmp_path / f"run-{n}" for n in (1, 2)]
    runs = []
    for folder in folders:
        folder.mkdir()
        runs.append(
            subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "improvement_hub", "send_digests"],
                env=hub_environment(EMAIL_URL=_email_url(folder)),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        )
    for run in runs:
        output, _ = run.communicate(timeout=60)
        assert run.returncode == 0, output
    sent = _sent(folders)
    assert sorted(to for to, _ in sent) == sorted(daily)
