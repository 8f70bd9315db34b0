"""The demo computes the dashboard's figures, and the dashboard shows the demo's story."""

from improvement_hub.accounts.roles import Role
from improvement_hub.insights.models import AggregateRun, DailyFigure
from tests.conftest import client_for


def test_the_demo_computes_the_dashboard(demo) -> None:  # type: ignore[no-untyped-def]
    assert AggregateRun.objects.count() == 1
    assert DailyFigure.objects.filter(
        metric="ideas.submitted", priority_id=0, directorate_id=0
    ).exists()
    client = client_for(Role.LEADERSHIP)
    response = client.get("/insights/", {"period": "all"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Not computed yet" not in page
    assert client.get("/insights/board-pack.pdf", {"period": "all"}).status_code == 200
