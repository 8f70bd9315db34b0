"""Types for annotations in any app: a signed-in request, and any user, signed in or not."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from improvement_hub.accounts.models import User

AnyUser = User | AnonymousUser


class SignedInRequest(HttpRequest):
    """A request behind ``login_required``: its user is a person, not AnonymousUser."""

    user: User


class ApiReadRequest(HttpRequest):
    """An API request let in by ``accounts.api_auth.READ_AUTH``: ``auth`` is the person, or
    AnonymousUser."""

    auth: AnyUser


class ApiWriteRequest(HttpRequest):
    """An API request the API's default authentication let in (token or session): a person."""

    auth: User
