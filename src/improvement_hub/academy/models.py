"""Models of the academy app."""

from django.db import models  # noqa: F401
