"""The dashboard's routes, under ``/insights/``."""

urlpatterns: list = []
