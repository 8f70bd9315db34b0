from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "improvement_hub.initiatives"
    label = "initiatives"
    verbose_name = "Initiatives"

    def ready(self) -> None:
        from improvement_hub.initiatives import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
