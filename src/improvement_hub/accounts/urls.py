from django.urls import path

from improvement_hub.accounts import views

app_name = "accounts"

urlpatterns = [
    path("your-data/", views.my_data, name="my_data"),
    path("your-data/download/", views.my_data_download, name="my_data_download"),
    path("close/", views.account_close_view, name="account_close"),
    path("closed/", views.account_closed, name="account_closed"),
]
