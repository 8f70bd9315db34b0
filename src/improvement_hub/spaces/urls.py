from django.urls import path

from improvement_hub.spaces import views

app_name = "spaces"

urlpatterns = [
    path("spaces/", views.space_list, name="space_list"),
    path("spaces/<slug:slug>/", views.space_detail, name="space_detail"),
    path("bookings/", views.my_bookings, name="my_bookings"),
    path("bookings/approvals/", views.approvals, name="approvals"),
    path("events/", views.event_list, name="event_list"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path(
        "events/places/<uuid:token>/confirm/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path("events/places/<uuid:token>/", views.registration_manage, name="registration_manage"),
]
