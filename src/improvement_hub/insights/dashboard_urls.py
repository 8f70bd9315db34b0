"""The dashboard's routes, under ``/insights/``."""

from django.urls import path

from improvement_hub.insights import dashboard_views

urlpatterns = [
    path("", dashboard_views.dashboard, name="dashboard"),
    path("board-pack.pdf", dashboard_views.board_pack, name="board_pack"),
    path(
        "tables/<slug:slug>.csv", dashboard_views.table_download, {"fmt": "csv"}, name="table_csv"
    ),
    path(
        "tables/<slug:slug>.xlsx",
        dashboard_views.table_download,
        {"fmt": "xlsx"},
        name="table_xlsx",
    ),
]
