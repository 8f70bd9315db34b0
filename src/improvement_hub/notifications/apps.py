from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NotificationsConfig(AppConfig):
    name = "improvement_hub.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from improvement_hub.notifications import personal_data

        personal_data.register()  # what this app holds about a person (core.personal_data)
        # Each app's own kinds (notifications.kinds): ideas/notification_kinds.py and so on.
        autodiscover_modules("notification_kinds")
