from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "improvement_hub.academy"
    label = "academy"
    verbose_name = "Change Academy"

    def ready(self) -> None:
        from improvement_hub.academy import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
