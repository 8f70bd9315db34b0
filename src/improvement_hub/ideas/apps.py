from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "improvement_hub.ideas"
    label = "ideas"
    verbose_name = "Ideas Forum"
