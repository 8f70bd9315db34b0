from django.apps import AppConfig


def _forget_pages(**_: object) -> None:
    from improvement_hub.core import page_cache

    page_cache.bump_site()


def _forget_pages_if_page(instance: object, **_: object) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):  # any page type: the signal's sender is the subclass
        _forget_pages()


class CmsConfig(AppConfig):
    name = "improvement_hub.cms"
    label = "cms"
    verbose_name = "Pages and branding"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from improvement_hub.core import page_cache

        # Every page shows the site's menu and footer links (cms.selectors: kept in the
        # cache under the site version), and stored pages hold them: a page published,
        # unpublished, saved, moved or deleted, or a site edited, shows on the next request.
        page_cache.forget_pages_when_saved(Site)
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(_forget_pages, weak=False, dispatch_uid=f"cms-forget-{id(signal)}")
        post_save.connect(_forget_pages_if_page, weak=False, dispatch_uid="cms-forget-page-save")
        post_delete.connect(_forget_pages, sender=Page, weak=False, dispatch_uid="cms-forget-page")
