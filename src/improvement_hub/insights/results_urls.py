"""``/results/``: public accountability ("You said, we did") and open data."""

app_name = "results"

urlpatterns: list = []
