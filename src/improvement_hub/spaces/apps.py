from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "improvement_hub.spaces"
    label = "spaces"
    verbose_name = "Lab space and events"

    def ready(self) -> None:
        from improvement_hub.accounts.signup_offers import signup_offer_register
        from improvement_hub.spaces.selectors import event_list_public

        def open_sessions() -> str | None:
            """Sign-up promises open sessions only while one is coming up."""
            return "join open sessions" if event_list_public().exists() else None

        signup_offer_register(open_sessions)
