from django.urls import path

from improvement_hub.initiatives import measure_views, portfolio_views, views

app_name = "initiatives"

urlpatterns = [
    path("", portfolio_views.portfolio, name="portfolio"),
    path("board/", portfolio_views.board, name="board"),
    path("spectrum/", portfolio_views.spectrum, name="spectrum"),
    path("timeline/", portfolio_views.timeline, name="timeline"),
    path("summary/", portfolio_views.summary, name="summary"),
    path("export.<str:fmt>", portfolio_views.export, name="export"),
    path("new/", views.initiative_create, name="initiative_create"),
    path("<int:pk>/", views.initiative_detail, name="initiative_detail"),
    path("<int:pk>/edit/", views.initiative_edit, name="initiative_edit"),
    path("<int:pk>/sources/", views.initiative_sources, name="initiative_sources"),
    path("<int:pk>/follow/", views.initiative_follow, name="initiative_follow"),
    path(
        "<int:pk>/measures/<int:measure_pk>/", measure_views.measure_detail, name="measure_detail"
    ),
    path(
        "<int:pk>/measures/<int:measure_pk>/values/",
        measure_views.observation_add,
        name="observation_add",
    ),
    path(
        "<int:pk>/measures/<int:measure_pk>/import/",
        measure_views.observation_import,
        name="observation_import",
    ),
    path(
        "<int:pk>/measures/<int:measure_pk>/values/<int:observation_pk>/delete/",
        measure_views.observation_delete,
        name="observation_delete",
    ),
    path("<int:pk>/measures/<int:measure_pk>/rebase/", measure_views.rebase_add, name="rebase_add"),
    path(
        "<int:pk>/measures/<int:measure_pk>/rebase/<int:rebase_pk>/delete/",
        measure_views.rebase_delete,
        name="rebase_delete",
    ),
    path("<int:pk>/pilots/<int:pilot_pk>/decision/", views.pilot_decide, name="pilot_decide"),
    path("<int:pk>/<slug:kind>/add/", views.part_edit, name="part_add"),
    path("<int:pk>/<slug:kind>/<int:part_pk>/edit/", views.part_edit, name="part_edit"),
    path("<int:pk>/<slug:kind>/<int:part_pk>/delete/", views.part_delete, name="part_delete"),
]

# Training requirements (issue 11, the Change Academy)
from improvement_hub.initiatives import training_views  # noqa: E402

urlpatterns += [
    path("<int:pk>/training/new/", training_views.requirement_add, name="training_add"),
    path(
        "<int:pk>/training/<int:requirement_pk>/change/",
        training_views.requirement_edit,
        name="training_edit",
    ),
    path(
        "<int:pk>/training/<int:requirement_pk>/schedule/",
        training_views.requirement_schedule,
        name="training_schedule",
    ),
]
