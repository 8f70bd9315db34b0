"""Sign-up takes as long for an address that has an account as for a new one (issue 8,
item 16): otherwise the time taken tells anyone who has an account."""

import statistics
import time

import pytest
from django.conf import global_settings
from django.urls import reverse

from improvement_hub.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TRIES = 3


def _sign_up_time(client, email: str) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    response = client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    return elapsed


def test_sign_up_takes_the_same_time_when_the_account_already_exists(client, settings):
    # The real password hasher: its cost is what gave existing accounts away.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    UserFactory(email="taken@example.org")
    _sign_up_time(client, "warm-up@example.org")  # templates and first queries
    _sign_up_time(client, "taken@example.org")

    existing, new = [], []
    for n in range(TRIES):  # interleaved, so a busy moment of the machine hits both
        existing.append(_sign_up_time(client, "taken@example.org"))
        new.append(_sign_up_time(client, f"new-{n}@example.org"))

    assert User.objects.filter(email__startswith="new-").count() == TRIES
    slower, faster = sorted([statistics.median(existing), statistics.median(new)], reverse=True)
    assert slower / faster < 2, f"existing {existing}, new {new}"
