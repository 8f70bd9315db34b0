"""Models of the partnership app."""

from django.db import models  # noqa: F401
