from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The top layer: settings, URLs, the API object and whole-project commands."""

    name = "improvement_hub.config"
    label = "config"
    verbose_name = "Configuration"
