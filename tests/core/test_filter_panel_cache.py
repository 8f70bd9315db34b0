"""Issue 14: a list's filter form is rendered once per distinct thing it shows and kept
in the cache under a digest of it all (``core.forms.form_render_key``): a new choice, the
value chosen, an error or another form each give a new key, so a kept rendering is never
shown for a form it does not match."""

import re

import pytest
from django import forms

from improvement_hub.accounts.roles import Role
from improvement_hub.core.forms import GovUKFormMixin, form_render_key
from improvement_hub.lab.filters import InboxFilterForm
from tests.accounts.factories import UserFactory
from tests.council.factories import ServiceFactory

pytestmark = pytest.mark.django_db
INBOX = "/lab/triage/"


def _selected_service(html: str) -> list[str]:
    select = re.search(r'<select[^>]*name="service".*?</select>', html, re.S)
    assert select is not None
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select.group(0))


def test_the_inbox_filters_show_a_new_service_and_each_choice_made(client):  # type: ignore[no-untyped-def]
    client.force_login(UserFactory(role=Role.HUB_TEAM))
    ServiceFactory(name="Housing repairs", slug="housing-repairs")
    assert "Housing repairs" in client.get(INBOX).content.decode()
    ServiceFactory(name="Street lighting", slug="street-lighting")
    page = client.get(INBOX).content.decode()
    assert "Street lighting" in page  # a new choice: a new rendering
    assert _selected_service(page) == [""]
    chosen = client.get(INBOX, {"service": "street-lighting"}).content.decode()
    assert _selected_service(chosen) == ["street-lighting"]
    other = client.get(INBOX, {"service": "housing-repairs"}).content.decode()
    assert _selected_service(other) == ["housing-repairs"]
    assert _selected_service(client.get(INBOX).content.decode()) == [""]


class _Form(GovUKFormMixin, forms.Form):
    name = forms.CharField(max_length=5)
    size = forms.ChoiceField(choices=[("s", "Small"), ("l", "Large")])


def test_the_key_changes_with_what_the_form_shows():
    keys = {
        form_render_key(_Form()),
        form_render_key(_Form({"name": "Ann", "size": "s"})),
        form_render_key(_Form({"name": "Ann", "size": "l"})),
        form_render_key(_Form({"name": "Annabel", "size": "l"})),  # an error
        form_render_key(_Form(prefix="other")),
        form_render_key(InboxFilterForm()),
    }
    assert len(keys) == 6
    assert form_render_key(_Form({"name": "Ann", "size": "s"})) == form_render_key(
        _Form({"name": "Ann", "size": "s"})
    )
