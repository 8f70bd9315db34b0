"""The Hub Team's admin page for erasure requests (Settings → Erase contributions)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from improvement_hub.accounts import admin_views
from improvement_hub.accounts.closure import can_erase_contributions


@hooks.register("register_admin_urls")
def _erase_urls():  # type: ignore[no-untyped-def]
    return [
        path(
            "erase-contributions/",
            admin_views.erase_contributions,
            name="accounts_erase_contributions",
        )
    ]


class _EraseMenuItem(MenuItem):
    def is_shown(self, request):  # type: ignore[no-untyped-def]
        return can_erase_contributions(request.user)


@hooks.register("register_settings_menu_item")
def _erase_menu_item():  # type: ignore[no-untyped-def]
    return _EraseMenuItem(
        "Erase contributions", reverse("accounts_erase_contributions"), icon_name="bin", order=900
    )
