"""The insights part of the demo story."""

from collections.abc import Callable

from improvement_hub.insights.services import aggregates_refresh


def load(log: Callable[[str], None]) -> None:
    """Compute the dashboard's figures from the demo's ideas, referrals and initiatives."""
    run = aggregates_refresh()
    log(f"Insights: {run.rows} dashboard figures computed")
