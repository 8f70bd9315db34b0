"""The Hub Team's admin page for erasure requests (Settings → Erase contributions), and
the way from Settings to the people page, where roles are changed."""

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from improvement_hub.accounts import admin_views
from improvement_hub.accounts.permissions import can_erase_contributions, can_manage_people


@hooks.register("register_admin_urls")
def _erase_urls() -> list[URLPattern]:
    return [
        path(
            "erase-contributions/",
            admin_views.erase_contributions,
            name="accounts_erase_contributions",
        )
    ]


class _EraseMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_erase_contributions(request.user)


@hooks.register("register_settings_menu_item")
def _erase_menu_item() -> MenuItem:
    return _EraseMenuItem(
        "Erase contributions", reverse("accounts_erase_contributions"), icon_name="bin", order=900
    )


class _PeopleMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_manage_people(request.user)


@hooks.register("register_settings_menu_item")
def _people_menu_item() -> MenuItem:
    return _PeopleMenuItem(
        "People and roles", reverse("accounts:people_list"), icon_name="group", order=890
    )
