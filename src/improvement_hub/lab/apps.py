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
