"""Issue 14: a new release's ``migrate`` moves the site version, so nothing rendered by
the release before it (kept under that version in a shared cache) is served after it."""

import pytest
from django.core.management import call_command

from improvement_hub.core import page_cache

pytestmark = pytest.mark.django_db


def test_migrate_moves_the_site_version():
    before = page_cache.site_version()
    call_command("migrate", verbosity=0, interactive=False)
    assert page_cache.site_version() != before


def test_migrate_gives_every_kept_form_rendering_a_new_key():
    """Forms are kept rendered under a digest of what they show (``form_render_key``); a
    new release's templates may render the same form differently, so the key moves too."""
    from improvement_hub.core.forms import form_render_key
    from improvement_hub.lab.filters import InboxFilterForm

    before = form_render_key(InboxFilterForm())
    assert form_render_key(InboxFilterForm()) == before
    call_command("migrate", verbosity=0, interactive=False)
    assert form_render_key(InboxFilterForm()) != before
