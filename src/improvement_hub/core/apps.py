from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "improvement_hub.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from improvement_hub.core import lookups

        lookups.register()
