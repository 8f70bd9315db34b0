"""Django's model backend, with each person's permissions read once per change.

Every page a signed-in person sees asks one permission (the header's "Hub admin" link,
``perms.wagtailadmin.access_admin``), and Django's backend reads it with two queries per
request (the person's own permissions and their groups'). This backend keeps the two
sets in the cache, under a version (``permission_version.py``) that ``receivers.py`` bumps
whenever a permission can change: a person's groups or permissions, a group's permissions,
a group or permission saved or deleted (``permissions_changed``). Whether the person is
active and whether a superuser are read from the user row on every request, as before. A
person's groups (their roles, ``User.has_role``) are kept under the same version.

With ``CACHE_URL`` naming Redis, a change is seen by every process at once; with the
default per-process cache, by the process that made it at once and by the others within
``PERMISSION_SECONDS``.
"""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.http import HttpRequest

from improvement_hub.accounts.permission_version import (
    PERMISSION_SECONDS,
    VERSION_KEY,
)

_MISSING = object()


class CachedPermissionsBackend(ModelBackend):
    """First in ``AUTHENTICATION_BACKENDS``: it answers permissions and signs nobody in
    (Django's and allauth's backends after it do, and sessions they made stay valid). The
    per-request sets it leaves on the user object are the ones the backends after it
    read, so they query nothing either."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        return None

    def _get_permissions(self, user_obj: Any, obj: Any, from_name: str) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        per_request = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, per_request):
            version = cache.get(VERSION_KEY, 0)
            superuser = int(user_obj.is_superuser)
            key = f"accounts:permissions:{version}:{user_obj.pk}:{from_name}:{superuser}"
            perms = cache.get(key, _MISSING)
            if perms is _MISSING:
                perms = super()._get_permissions(user_obj, obj, from_name)  # type: ignore[misc]  # Django has it; django-stubs omit it
                cache.set(key, perms, PERMISSION_SECONDS)
            setattr(user_obj, per_request, perms)
        return getattr(user_obj, per_request)
