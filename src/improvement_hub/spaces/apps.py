from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "improvement_hub.spaces"
    label = "spaces"
    verbose_name = "Lab space and events"
