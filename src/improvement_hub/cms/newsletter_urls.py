"""``/newsletter/``: subscribe (double opt-in), confirm, unsubscribe in one click."""

app_name = "newsletter"

urlpatterns: list = []
