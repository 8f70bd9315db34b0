"""Helpers for data migrations that give role groups their permissions."""

from collections.abc import Iterable

from django.apps.registry import Apps


def grant_model_permissions(
    apps: Apps, *, group_name: str, app_label: str, codenames: Iterable[str]
) -> None:
    """Gives ``group_name`` the named permissions of ``app_label``, creating them if needed.

    Permissions are normally created after ``migrate`` finishes; a data migration that
    grants them must create them first.
    """
    from django.contrib.auth.management import create_permissions

    try:
        app_config = apps.get_app_config(app_label)
    except LookupError:
        # An app with no models in this state (wagtailadmin's access_admin permission is
        # made by its own migration): its permissions already exist or never will.
        pass
    else:
        # create_permissions skips an app whose models_module is falsy, as it is in a
        # migration's app registry.
        app_config.models_module = True  # type: ignore[assignment]  # only its truth is read
        create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=list(codenames)
    )
    group.permissions.add(*permissions)
