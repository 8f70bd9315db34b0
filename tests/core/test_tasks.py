"""Background work runs through a real database queue and worker."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import task_backends

from improvement_hub.core.tasks import send_email


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_email_task_is_queued_in_the_database_and_sent_by_the_worker(settings):
    # django-tasks reloads its backends when the TASKS setting changes
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    result = send_email.enqueue(subject="Hello", body="From the worker", to=["a@example.org"])
    assert DBTaskResult.objects.filter(id=result.id, status="READY").exists()
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert [m.subject for m in mail.outbox] == ["Hello"]
    assert mail.outbox[0].to == ["a@example.org"]


def test_tests_run_tasks_immediately_unless_they_ask_for_the_worker():
    assert type(task_backends["default"]).__name__ == "ImmediateBackend"
