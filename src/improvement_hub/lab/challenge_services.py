"""A challenge moving on through the double diamond, and what its events' attendees hear:
"you came to X, here is what happened next" (the events live in spaces, below the Lab)."""

from functools import partial
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from improvement_hub.lab import permissions
from improvement_hub.lab.models import Challenge
from improvement_hub.spaces import services as space_services

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser


def challenge_stage_move(*, actor: "AnyUser", challenge: Challenge, stage: str) -> Challenge:
    """Moves ``challenge`` to ``stage`` (the Hub Team); once committed, everyone who came to
    one of its events is told what happened next. Refuses an unknown stage; the same stage
    again changes nothing and tells nobody."""
    if not permissions.can_triage(actor):
        raise PermissionDenied("Only the Hub Team can move a challenge on")
    if stage not in Challenge.Stage.values:
        raise ValidationError({"stage": ["Choose a stage from the list"]})
    with transaction.atomic():
        locked = Challenge.objects.select_for_update().get(pk=challenge.pk)
        if locked.stage == stage:
            return locked
        locked.stage = stage
        locked.save(update_fields=["stage", "updated_at"])
        transaction.on_commit(partial(_follow_up, actor, locked.pk))
    return locked


def _follow_up(actor: "AnyUser", challenge_id: int) -> int:
    told = 0
    for event in Challenge.objects.get(pk=challenge_id).events.all():
        told += space_services.event_follow_up(user=actor, event=event)
    return told
