"""The client's address behind proxies (issue 8, item 17): ``TRUSTED_PROXIES`` says whose
X-Forwarded-For to believe, and every rate limit by address (ours and allauth's) uses it."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory
from django.urls import reverse

from improvement_hub.core.client_ip import client_ip, parse_trusted_proxies
from improvement_hub.lab.models import Referral
from tests.accounts.factories import PASSWORD, UserFactory

PROXY = "10.0.0.2"


def _ip(remote: str, forwarded: str | None = None) -> str:
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # no proxy trusted (the default): the header is whatever the client wrote
        ("", "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        ("0", "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # one proxy: the address it saw is the last entry, whatever the client put before
        ("1", PROXY, "198.51.100.1", "198.51.100.1"),
        ("1", PROXY, "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        ("2", PROXY, "1.2.3.4, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        ("2", PROXY, "198.51.100.1", PROXY),  # fewer entries than proxies: believe none
        ("1", PROXY, "", PROXY),
        ("1", PROXY, "not-an-address", PROXY),
        ("1", PROXY, "198.51.100.1:51234", "198.51.100.1"),
        ("1", PROXY, "[2001:db8::1]:443", "2001:db8::1"),
        # proxies by network: the nearest address that is not one of ours
        ("10.0.0.0/8", PROXY, "1.2.3.4, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        ("10.0.0.0/8, 192.0.2.7", "192.0.2.7", "198.51.100.1", "198.51.100.1"),
        ("10.0.0.0/8", "203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not via our proxy
        ("10.0.0.0/8", PROXY, "10.0.0.3, 10.0.0.1", "10.0.0.3"),
        ("10.0.0.0/8", PROXY, "junk, 10.0.0.1", "10.0.0.1"),
    ],
)
def test_client_address_follows_trusted_proxies_when_forwarded(
    settings, trusted, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = trusted
    assert _ip(remote, forwarded) == expected


def test_client_address_is_the_connection_when_no_header_is_sent(settings):
    settings.TRUSTED_PROXIES = "1"
    assert _ip("203.0.113.9") == "203.0.113.9"


@pytest.mark.parametrize("value", ["ten", "10.0.0.0/33", "1, 2"])
def test_trusted_proxies_is_refused_when_it_is_neither_a_count_nor_networks(value):
    with pytest.raises(ImproperlyConfigured):
        parse_trusted_proxies(value)


def _refer(ip_remote: str, forwarded: str, email: str) -> int:
    return (
        Client(REMOTE_ADDR=ip_remote, HTTP_X_FORWARDED_FOR=forwarded)
        .post(
            "/api/v1/referrals",
            json.dumps({"problem": "The bins", "email": email, "consent": True}),
            content_type="application/json",
        )
        .status_code
    )


@pytest.mark.django_db
def test_referral_limit_counts_each_client_when_behind_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = "1"
    settings.LAB_REFERRAL_RATE_LIMITS = (2, 100)
    statuses = [_refer(PROXY, f"198.51.100.{n}", f"p{n}@example.org") for n in range(1, 9)]
    assert statuses == [201] * 8, "eight people behind one proxy are eight people"
    # One person writing their own X-Forwarded-For is still one person: the proxy appends
    # the address it saw, and only that entry is believed.
    spoofed = [_refer(PROXY, f"192.0.2.{n}, 203.0.113.66", f"s{n}@example.org") for n in (1, 2, 3)]
    assert spoofed == [201, 201, 429]
    assert Referral.objects.count() == 10


@pytest.mark.django_db
def test_referral_limit_ignores_a_spoofed_header_when_no_proxy_is_trusted(settings):
    settings.TRUSTED_PROXIES = ""
    settings.LAB_REFERRAL_RATE_LIMITS = (2, 100)
    statuses = [_refer("203.0.113.66", f"192.0.2.{n}", f"s{n}@example.org") for n in (1, 2, 3)]
    assert statuses == [201, 201, 429]


def _sign_in(remote: str, forwarded: str, email: str, password: str) -> Client:
    client = Client(REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    client.post(reverse("account_login"), {"login": email, "password": password})
    return client


@pytest.mark.django_db
def test_sign_in_limit_counts_each_client_when_behind_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = "1"
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "2/m/ip"}
    user = UserFactory(email="pat@example.org")
    for n in (1, 2, 3):  # three people mistype their (different) accounts' passwords
        _sign_in(PROXY, f"198.51.100.{n}", f"other{n}@example.org", "wrong")
    signed_in = _sign_in(PROXY, "198.51.100.4", user.email, PASSWORD)
    assert signed_in.session.get("_auth_user_id") == str(user.pk)

    # a guesser behind the same proxy gains nothing by writing their own header
    for n in (1, 2):
        _sign_in(PROXY, f"192.0.2.{n}, 203.0.113.66", f"guess{n}@example.org", "wrong")
    guesser = _sign_in(PROXY, "192.0.2.3, 203.0.113.66", user.email, PASSWORD)
    assert "_auth_user_id" not in guesser.session
