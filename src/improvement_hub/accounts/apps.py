from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "improvement_hub.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from improvement_hub.accounts import (
            personal_data,
            receivers,  # noqa: F401  (connects the receivers)
        )

        personal_data.register()  # what this app holds about a person (core.personal_data)
