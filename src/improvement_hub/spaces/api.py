"""The spaces app in the JSON API."""

from ninja import Router

router = Router(tags=["spaces"])
