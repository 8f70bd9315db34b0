from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "improvement_hub.council"
    label = "council"
    verbose_name = "Council"

    def ready(self) -> None:
        from improvement_hub.core import page_cache
        from improvement_hub.council.models import Directorate, Priority, Service

        # edited in the admin; their names are on the stored public pages (filters, cards)
        page_cache.forget_pages_when_saved(Priority, Directorate, Service)
