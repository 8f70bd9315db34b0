"""The council's fixed vocabularies (not data in the database), importable by any layer
above without reaching into the council's models (the contract in pyproject.toml)."""

from django.db import models


class ChangeScale(models.TextChoices):
    """The spectrum of change, from a small tweak to transforming a service."""

    TWEAK = "tweak", "Tweak"
    IMPROVEMENT = "improvement", "Improvement"
    REDESIGN = "redesign", "Redesign"
    TRANSFORMATION = "transformation", "Transformation"

    @property
    def help_text(self) -> str:
        return CHANGE_SCALE_HELP[self]


CHANGE_SCALE_HELP: dict[str, str] = {
    ChangeScale.TWEAK: (
        "A small change the service can make itself, quickly and at little cost, "
        "such as rewording a letter or moving a form online."
    ),
    ChangeScale.IMPROVEMENT: (
        "A change to how part of a service works, tested in small steps and measured, "
        "usually with help from the Improvement Team."
    ),
    ChangeScale.REDESIGN: (
        "Rethinking a whole service with the people who use it: research, prototypes "
        "and a pilot before it changes for everyone."
    ),
    ChangeScale.TRANSFORMATION: (
        "Changing how several services, or the council and its partners, work together "
        "to solve a problem no single service can."
    ),
}


def change_scale_choices_with_help() -> list[tuple[str, str, str]]:
    """(value, label, help text) for each scale, for radios with hints."""
    return [(value, label, CHANGE_SCALE_HELP[value]) for value, label in ChangeScale.choices]
