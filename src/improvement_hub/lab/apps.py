from django.apps import AppConfig


class LabConfig(AppConfig):
    name = "improvement_hub.lab"
    label = "lab"
    verbose_name = "Innovation Lab"

    def ready(self) -> None:
        from improvement_hub.lab import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
        from improvement_hub.lab import event_services

        event_services.register_event_links()  # the challenge on the event pages (spaces.links)
        from improvement_hub.core import page_cache
        from improvement_hub.lab.models import Challenge
        from improvement_hub.lab.selectors import CHALLENGE_VERSION

        page_cache.forget_per_request_when_saved(CHALLENGE_VERSION, Challenge)
