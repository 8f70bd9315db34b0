"""People following an initiative, as ideas' ``Follow``: one row per person, news of its
status goes to them (people who followed an idea follow the initiative it became)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class InitiativeFollow(models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"], name="initiatives_follow_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.initiative_id}"
