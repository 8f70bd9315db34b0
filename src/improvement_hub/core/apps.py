from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "improvement_hub.core"
    label = "core"
    verbose_name = "Core"
