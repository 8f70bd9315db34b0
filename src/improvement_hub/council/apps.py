from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "improvement_hub.council"
    label = "council"
    verbose_name = "Council"
