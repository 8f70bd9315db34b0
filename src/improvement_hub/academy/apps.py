from django.apps import AppConfig


class AcademyConfig(AppConfig):
    name = "improvement_hub.academy"
    label = "academy"
    verbose_name = "Change Academy"
