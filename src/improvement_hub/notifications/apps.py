from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "improvement_hub.notifications"
    label = "notifications"
    verbose_name = "Notifications"
