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


@hooks.register("register_log_actions")
def _directorate_log_action(actions: object) -> None:
    """The audit log's entry for a change of someone's directorate on the people page."""
    from wagtail.log_actions import LogFormatter

    from improvement_hub.accounts.services import DIRECTORATE_CHANGED

    @actions.register_action(DIRECTORATE_CHANGED)  # type: ignore[attr-defined]  # Wagtail's registry
    class _DirectorateChanged(LogFormatter):
        label = "Change directorate"

        def format_message(self, log_entry: object) -> str:
            data = getattr(log_entry, "data", {}) or {}
            before, after = data.get("before") or "none", data.get("after") or "none"
            return f"Directorate changed from {before} to {after}"
