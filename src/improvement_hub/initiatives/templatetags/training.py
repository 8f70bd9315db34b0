"""Training readiness on the initiative, pilot, go/no-go and portfolio pages (issue 11),
computed once per page in a fixed number of queries."""

from collections.abc import Iterable

from django import template

from improvement_hub.initiatives import training
from improvement_hub.initiatives.models import Initiative, Pilot

register = template.Library()


@register.simple_tag
def initiative_training(initiative: Initiative) -> list[training.RequirementRow]:
    """``{% initiative_training initiative as rows %}``: every requirement with its gap."""
    return training.initiative_training(initiative=initiative)


@register.simple_tag
def pilot_training(pilot: Pilot) -> list[training.RequirementRow]:
    return training.pilot_training(pilot=pilot)


@register.filter
def for_pilot(rows: list[training.RequirementRow], pilot: Pilot) -> list[training.RequirementRow]:
    """The rows of one pilot, from the initiative's rows (no more queries)."""
    return [row for row in rows if row.requirement.pilot_id == pilot.pk]


@register.simple_tag
def training_at_risk(initiatives: Iterable[Initiative]) -> set[int]:
    """``{% training_at_risk page.object_list as at_risk %}``: initiatives flagged red."""
    return training.initiatives_at_risk(initiatives)


@register.simple_tag
def portfolio_training(
    initiatives: Iterable[Initiative],
) -> dict[int, list[training.PilotTraining]]:
    """``{% portfolio_training page.object_list as training %}``: each initiative's
    training numbers per pilot, in a fixed number of queries for the whole page."""
    return training.initiatives_training(initiatives)


@register.filter
def training_of(
    numbers: dict[int, list[training.PilotTraining]], initiative: Initiative
) -> list[training.PilotTraining]:
    return numbers.get(initiative.pk, [])
