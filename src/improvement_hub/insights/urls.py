"""``/insights/``: the Leadership and Hub Team dashboard (dashboard_urls)."""

from django.urls import include, path

app_name = "insights"

urlpatterns = [
    path("", include("improvement_hub.insights.dashboard_urls")),
]
