"""Background tasks that any app may queue.

Pass ids, not personal data, to tasks: the database task backend keeps each task's
arguments, result and error in a table row, queued and finished. A task reads what it needs
when it runs (see lab.emails.send_referral_email), and ``task_results_erase`` removes rows
that still mention someone whose data is erased.
"""

import json
from collections.abc import Iterable

from django.core.mail import EmailMultiAlternatives
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django_tasks import task


@task()
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str | None = None,
    from_email: str | None = None,
) -> int:
    """Sends one email through Django's mail API from the task worker. Its arguments are
    stored with the task: use it only for email that holds no one's personal data beyond
    what is erased with its task row (``task_results_erase``)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=from_email)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def task_results_erase(*, mentioning: Iterable[str]) -> int:
    """Deletes the database backend's task rows, queued or finished, whose arguments, result
    or error text contain any of these strings (a running task's row is left; erase again
    later). Returns how many rows went."""
    from django_tasks_db.models import DBTaskResult

    forms: set[str] = set()
    for text in mentioning:
        if text:
            forms.update({text, json.dumps(text)[1:-1]})  # as typed, and as escaped in JSON
    if not forms:
        return 0
    matches = Q()
    for text in forms:
        matches |= (
            Q(args_text__contains=text)
            | Q(return_text__contains=text)
            | Q(traceback__contains=text)
        )
    rows = (
        DBTaskResult.objects.annotate(
            args_text=Cast("args_kwargs", TextField()),
            return_text=Cast("return_value", TextField()),
        )
        .filter(matches)
        .exclude(status="RUNNING")
    )
    return DBTaskResult.objects.filter(pk__in=list(rows.values_list("pk", flat=True))).delete()[0]
