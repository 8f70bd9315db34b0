from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "improvement_hub.insights"
    label = "insights"
    verbose_name = "Insights and public results"
