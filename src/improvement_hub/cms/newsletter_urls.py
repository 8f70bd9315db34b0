"""``/newsletter/``: subscribe (double opt-in), confirm, unsubscribe in one click; the Hub
Team's issues under ``/newsletter/issues/``."""

from django.urls import path

from improvement_hub.cms import newsletter_views as views

app_name = "newsletter"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("check-your-email/", views.check_email, name="check_email"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("issues/", views.issue_list, name="issue_list"),
    path("issues/new/", views.issue_new, name="issue_new"),
    path("issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    path("issues/<int:pk>/edit/", views.issue_edit, name="issue_edit"),
    path("issues/<int:pk>/send/", views.issue_send, name="issue_send"),
]
