"""Models of the spaces app."""

from django.db import models  # noqa: F401
