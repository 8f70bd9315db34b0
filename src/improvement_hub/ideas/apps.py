from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "improvement_hub.ideas"
    label = "ideas"
    verbose_name = "Ideas Forum"

    def ready(self) -> None:
        from improvement_hub.ideas import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
