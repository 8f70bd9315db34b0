"""Token authentication for integrations calling the JSON API."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from improvement_hub.accounts.models import User
from improvement_hub.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``, made with ``improvement-hub create_api_token``."""

    def authenticate(self, request: HttpRequest, token: str) -> User:
        user = api_token_authenticate(secret=token)
        if user is None:
            # A token was offered and is wrong: answer 401 rather than trying the session.
            raise AuthenticationError(message="The API token is not valid or has been revoked")
        return user


def anyone(request: HttpRequest) -> AnonymousUser:
    """Lets reads through without signing in; the selectors decide what is visible."""
    return AnonymousUser()


# For public reads: a valid token or the session makes ``request.auth`` the person (a wrong
# token is a 401); without either, ``request.auth`` is AnonymousUser.
READ_AUTH = [ApiTokenAuth(), SessionAuth(), anyone]
