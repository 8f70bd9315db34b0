"""Staff single sign-on through OpenID Connect: configured from the environment."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENTRA = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "staff-sso",
                "name": "Council staff sign-in",
                "client_id": "client-id",
                "secret": "secret",
                "settings": {"server_url": "https://login.example.com/tenant/v2.0"},
            }
        ]
    }
}


def test_staff_sign_in_is_hidden_when_not_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    html = client.get(reverse("account_login")).content.decode()
    assert "Council staff sign-in" not in html
    assert "Council staff" not in html


def test_staff_sign_in_is_offered_when_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = ENTRA
    html = client.get(reverse("account_login")).content.decode()
    assert "Sign in with Council staff sign-in" in html
    assert "/accounts/oidc/staff-sso/login/" in html


def test_settings_build_the_provider_from_environment(monkeypatch):
    import importlib

    import improvement_hub.config.settings as settings_module

    monkeypatch.setenv("OIDC_CLIENT_ID", "abc")
    monkeypatch.setenv("OIDC_CLIENT_SECRET", "shh")
    monkeypatch.setenv("OIDC_SERVER_URL", "https://login.example.com/t/v2.0")
    reloaded = importlib.reload(settings_module)
    try:
        app = reloaded.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
        assert app["client_id"] == "abc"
        assert app["settings"]["server_url"] == "https://login.example.com/t/v2.0"
    finally:
        monkeypatch.delenv("OIDC_CLIENT_ID")
        importlib.reload(settings_module)
