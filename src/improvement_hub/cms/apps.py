from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "improvement_hub.cms"
    label = "cms"
    verbose_name = "Pages and branding"
