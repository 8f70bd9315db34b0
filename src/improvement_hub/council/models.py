"""The council's reference data: priorities, directorates, services, organisations.

The Hub Team edits all of it in the Wagtail admin (see ``wagtail_hooks.py``).
"""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from improvement_hub.core.models import TimeStampedModel
from improvement_hub.council.choices import (
    CHANGE_SCALE_HELP,
    ChangeScale,
    change_scale_choices_with_help,
)

slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "Use only lowercase letters, numbers and hyphens"
)


class Priority(TimeStampedModel):
    """A council priority that ideas, referrals and initiatives are tied to."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, validators=[slug_validator])
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers show first.")
    is_active = models.BooleanField(
        default=True, help_text="Inactive priorities stay on old records but cannot be chosen."
    )

    class Meta:
        verbose_name_plural = "priorities"
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="council_priority_name_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Directorate(TimeStampedModel):
    """A directorate of the council, which runs services."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True, validators=[slug_validator])
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="council_directorate_name_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Service(TimeStampedModel):
    """A council service. Its contact route is what a referrer is told to use."""

    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150, unique=True, validators=[slug_validator])
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="services")
    description = models.TextField(blank=True)
    priorities = models.ManyToManyField(Priority, blank=True, related_name="services")
    contact_url = models.URLField("contact web page", blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "directorate", name="council_service_name_ci_unique_in_directorate"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_contact_route(self) -> bool:
        return bool(self.contact_url or self.contact_email or self.contact_phone)


class Organisation(TimeStampedModel):
    """An organisation the hub works with: a delivery partner, agency or community group."""

    class Kind(models.TextChoices):
        DELIVERY_PARTNER = "delivery_partner", "Delivery partner"
        PUBLIC_AGENCY = "public_agency", "Public agency"
        COMMUNITY_GROUP = "community_group", "Community or voluntary group"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, validators=[slug_validator])
    kind = models.CharField(max_length=32, choices=Kind.choices)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="council_organisation_name_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["delivery_partner", "public_agency", "community_group"]
                ),
                name="council_organisation_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


__all__ = [
    "CHANGE_SCALE_HELP",
    "ChangeScale",
    "Directorate",
    "Organisation",
    "Priority",
    "Service",
    "change_scale_choices_with_help",
]
