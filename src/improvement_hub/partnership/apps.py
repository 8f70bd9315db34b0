from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    name = "improvement_hub.partnership"
    label = "partnership"
    verbose_name = "Partnership and governance"
