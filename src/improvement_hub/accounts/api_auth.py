"""Token authentication for integrations calling the JSON API."""

from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

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
