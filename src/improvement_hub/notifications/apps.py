from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "improvement_hub.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from improvement_hub.notifications import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
