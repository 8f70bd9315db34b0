from django.urls import path

from improvement_hub.academy import hub_views, views

app_name = "academy"

urlpatterns = [
    path("", views.course_list, name="course_list"),
    path("courses/<slug:slug>/", views.course_detail, name="course_detail"),
    path("pathways/<slug:slug>/", views.pathway_detail, name="pathway_detail"),
    path(
        "pathways/<slug:slug>/credential.json", views.pathway_credential, name="pathway_credential"
    ),
    path(
        "pathways/<slug:slug>/steps/<int:step_id>/evidence/",
        views.step_evidence,
        name="step_evidence",
    ),
    path("learning-visits/", views.learning_visits, name="learning_visits"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/book/", views.session_book, name="session_book"),
    path("sessions/<int:pk>/register/", hub_views.register, name="register"),
    path(
        "sessions/<int:pk>/register/<int:enrolment_id>/",
        hub_views.register_mark,
        name="register_mark",
    ),
    path("sessions/<int:pk>/promote/", hub_views.waitlist_promote, name="waitlist_promote"),
    path("sessions/<int:pk>/cancel/", hub_views.session_cancel, name="session_cancel"),
    path("sessions/<int:pk>/edit/", hub_views.session_edit, name="session_edit"),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/approve/", views.booking_approve, name="booking_approve"),
    path("bookings/<int:pk>/feedback/", views.feedback, name="feedback"),
    path("my-learning/", views.my_learning, name="my_learning"),
    path("my-learning/skills/", views.self_assessment, name="self_assessment"),
    path("my-learning/calendar/", views.calendar_feed, name="calendar_feed"),
    path("calendar/<str:token>.ics", views.calendar_feed_ics, name="calendar_feed_ics"),
    path("certificates/<uuid:reference>.pdf", views.certificate_pdf, name="certificate_pdf"),
    # the Hub Team
    path("manage/", hub_views.manage, name="manage"),
    path("manage/courses/<slug:slug>/sessions/new/", hub_views.session_new, name="session_new"),
    path("manage/matrix/", hub_views.matrix, name="matrix"),
    path("manage/report.csv", hub_views.report, {"fmt": "csv"}, name="report_csv"),
    path("manage/report.xlsx", hub_views.report, {"fmt": "xlsx"}, name="report_xlsx"),
]
