from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "improvement_hub.initiatives"
    label = "initiatives"
    verbose_name = "Initiatives"
