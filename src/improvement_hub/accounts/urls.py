from django.urls import path

from improvement_hub.accounts import hub_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("name/", views.account_name, name="account_name"),
    path("people/", hub_views.people_list, name="people_list"),
    path("people/<int:pk>/", hub_views.person_detail, name="person_detail"),
    path("people/<int:pk>/roles/", hub_views.person_role_change, name="person_role_change"),
    path(
        "people/<int:pk>/line-manager/", hub_views.person_line_manager, name="person_line_manager"
    ),
    path("people/<int:pk>/directorate/", hub_views.person_directorate, name="person_directorate"),
    path("your-data/", views.my_data, name="my_data"),
    path("your-data/download/", views.my_data_download, name="my_data_download"),
    path("close/", views.account_close_view, name="account_close"),
    path("closed/", views.account_closed, name="account_closed"),
]
