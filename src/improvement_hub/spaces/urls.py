from django.urls import path

from improvement_hub.spaces import feeds, hub_views, views

app_name = "spaces"

urlpatterns = [
    path("spaces/", views.space_list, name="space_list"),
    path("spaces/week/", views.spaces_week, name="spaces_week"),
    path("spaces/move-plan/", hub_views.move_plan, name="move_plan"),
    path("spaces/move-plan/<int:pk>/done/", hub_views.move_step_done, name="move_step_done"),
    path("spaces/utilisation/", hub_views.utilisation, name="utilisation"),
    path("spaces/<slug:slug>/", views.space_detail, name="space_detail"),
    path("bookings/", views.my_bookings, name="my_bookings"),
    path("bookings/new/", views.booking_new, name="booking_new"),
    path("bookings/repeat/", views.series_new, name="series_new"),
    path("bookings/approvals/", hub_views.approvals, name="approvals"),
    path("bookings/resources/", hub_views.resource_queue, name="resource_queue"),
    path("bookings/resources/<int:pk>/", hub_views.resource_update, name="resource_update"),
    path("bookings/calendar/<str:token>.ics", views.person_calendar, name="person_calendar"),
    path("bookings/<int:pk>/", views.booking_detail, name="booking_detail"),
    path("bookings/<int:pk>/change/", views.booking_change, name="booking_change"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/resources/", views.resource_request, name="resource_request"),
    path("bookings/<int:pk>/decide/", hub_views.booking_decide, name="booking_decide"),
    path("events/", views.event_list, name="event_list"),
    path("events/feed/", feeds.EventFeed(), name="event_feed"),
    path("events/calendar.ics", views.event_calendar, name="event_calendar"),
    path("events/places/<uuid:token>/", views.registration_manage, name="registration_manage"),
    path(
        "events/places/<uuid:token>/confirm/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path("events/new/", hub_views.event_new, name="event_new"),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path("events/<slug:slug>/register/", hub_views.event_register, name="event_register"),
    path("events/<slug:slug>/change/", hub_views.event_edit, name="event_edit"),
    path("events/<slug:slug>/cancel/", hub_views.event_cancel, name="event_cancel"),
]
