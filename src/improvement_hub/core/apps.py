from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _forget_rendered_pages(**_: object) -> None:
    """A new release runs ``migrate`` before it takes traffic (docs/operations.md,
    "Upgrading"): what the last one rendered and kept in a shared cache (whole pages, a
    referral's record, the inbox's rows, the chrome, all under the site version) must not
    outlive its templates."""
    from improvement_hub.core import page_cache

    page_cache.bump(page_cache.SITE)


class CoreConfig(AppConfig):
    name = "improvement_hub.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from improvement_hub.core import lookups

        lookups.register()
        post_migrate.connect(_forget_rendered_pages, sender=self, dispatch_uid="core-release")
