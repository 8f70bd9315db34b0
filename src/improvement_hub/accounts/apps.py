from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "improvement_hub.accounts"
    label = "accounts"
    verbose_name = "Accounts"
