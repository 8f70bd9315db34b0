from django.urls import path

from improvement_hub.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="notification_list"),
    path(
        "mark-all-read/",
        views.notification_mark_all_read_view,
        name="notification_mark_all_read",
    ),
    path("settings/", views.preferences, name="preferences"),
    path("<int:pk>/", views.notification_open, name="notification_open"),
]
