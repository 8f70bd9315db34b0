"""The address of the person making a request, seen through the proxies we trust.

``X-Forwarded-For`` is written by whoever sends the request, so it is believed only as far
as ``TRUSTED_PROXIES`` says: nothing (the default: the address is ``REMOTE_ADDR``), a count
of proxies in front of the hub (``1`` for one TLS proxy: the address that proxy saw), or
the networks the proxies live in (``10.0.0.0/8,192.168.1.5``: the nearest address that is
not one of them). Every rate limit by address, ours and allauth's, uses this one answer.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def parse_trusted_proxies(value: str) -> int | tuple[Network, ...]:
    """``TRUSTED_PROXIES`` as a count of proxies or a tuple of networks; refuses nonsense."""
    value = (value or "").strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    networks = []
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES must be a number of proxies or comma-separated networks "
                f"(like 10.0.0.0/8); {part!r} is neither."
            ) from error
    return tuple(networks)


def _clean(candidate: str) -> str | None:
    """A normalised IP address from one header entry, or None if it is not one."""
    candidate = candidate.strip().strip('"')
    if candidate.startswith("["):  # [2001:db8::1]:443
        candidate = candidate[1:].split("]", 1)[0]
    elif candidate.count(":") == 1:  # 203.0.113.9:51234
        candidate = candidate.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The client's address for rate limits and logs: never one a client can choose freely."""
    remote = _clean(request.META.get("REMOTE_ADDR", "") or "") or ""
    trusted = parse_trusted_proxies(getattr(settings, "TRUSTED_PROXIES", "") or "")
    forwarded = [
        entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()
    ]
    if not trusted or not forwarded or not remote:
        return remote
    if isinstance(trusted, int):
        # Each trusted proxy appends the address it saw; the last `trusted` entries are theirs.
        if len(forwarded) < trusted:
            return remote
        return _clean(forwarded[-trusted]) or remote
    if not _trusted(remote, trusted):
        return remote  # not from one of our proxies: its header means nothing
    nearest = remote
    for entry in reversed(forwarded):
        address = _clean(entry)
        if address is None:
            return nearest
        if not _trusted(address, trusted):
            return address
        nearest = address
    return nearest
