"""Abstract models shared by every app, and helpers on models. No domain code lives here."""

from typing import Any

from django.db import models


class TimeStampedModel(models.Model):
    """Adds when a row was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def set_prefetched(instance: models.Model, relation: str, objects: list[Any]) -> None:
    """``instance.<relation>.all()`` answers ``objects`` without a query, exactly as after
    ``prefetch_related(relation)``: Django's own prefetch cache (a queryset holding its
    results), so the relation's ``add``, ``remove``, ``set`` and ``clear`` drop it as they
    drop any prefetch. For related objects a caller already holds (from a cache)."""
    queryset = getattr(instance, relation).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    instance._prefetched_objects_cache = {  # type: ignore[attr-defined]  # Django's own
        **getattr(instance, "_prefetched_objects_cache", {}),
        relation: queryset,
    }
