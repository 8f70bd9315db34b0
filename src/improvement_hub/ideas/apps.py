from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "improvement_hub.ideas"
    label = "ideas"
    verbose_name = "Ideas Forum"

    def ready(self) -> None:
        from improvement_hub.ideas import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
        from improvement_hub.core import page_cache
        from improvement_hub.ideas.models import Campaign, IdeaStatus

        # edited in the admin; their names and the list's filters are on the stored pages
        page_cache.forget_pages_when_saved(Campaign, IdeaStatus)
