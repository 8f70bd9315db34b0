"""Types for annotations in any app: a signed-in request, and any user, signed in or not."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from improvement_hub.accounts.models import User

AnyUser = User | AnonymousUser


class SignedInRequest(HttpRequest):
    """A request behind ``login_required``: its user is a person, not AnonymousUser."""

    user: User
