"""Links from an event to things in higher apps (a Lab challenge, say), chosen on the Hub
Team's event pages. Spaces is low in the layers and imports none of those apps: each higher
app registers here, from its ``AppConfig.ready``, the form field that chooses the thing
and the function (its own service) that saves the link. The event's form adds the
fields; ``services.event_create`` and ``event_update`` call the savers inside the event's
transaction, so an event and its links are saved together or not at all."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms

if TYPE_CHECKING:
    from improvement_hub.accounts.types import AnyUser
    from improvement_hub.spaces.models import Event


@dataclass(frozen=True)
class EventLink:
    name: str  # the form field's name; unique
    field: Callable[["AnyUser"], forms.Field]  # the field, for this person
    initial: Callable[["Event"], Any]  # what an existing event links to now
    save: Callable[..., None]  # save(actor=, event=, value=): the higher app's service


_event_links: dict[str, EventLink] = {}


def event_link_register(link: EventLink) -> None:
    _event_links[link.name] = link


def event_links() -> list[EventLink]:
    return list(_event_links.values())


def event_links_save(*, actor: "AnyUser", event: "Event", values: dict[str, Any]) -> None:
    """Saves each registered link whose field was on the form (missing ones stay as they
    are)."""
    for name, value in values.items():
        link = _event_links.get(name)
        if link is not None:
            link.save(actor=actor, event=event, value=value)
