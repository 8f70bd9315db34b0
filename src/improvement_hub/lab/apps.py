from django.apps import AppConfig


class LabConfig(AppConfig):
    name = "improvement_hub.lab"
    label = "lab"
    verbose_name = "Innovation Lab"
