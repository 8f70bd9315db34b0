"""``/results/``: public accountability ("You said, we did") and open data."""

from django.urls import path

from improvement_hub.insights import results_views as views

app_name = "results"

urlpatterns = [
    path("", views.result_list, name="result_list"),
    path("<int:pk>/", views.result_detail, name="result_detail"),
    path("data.csv", views.data_csv, name="data_csv"),
    path("figures.csv", views.figures_csv, name="figures_csv"),
    path("measures.csv", views.measures_csv, name="measures_csv"),
    path("data.json", views.data_json, name="data_json"),
]
