"""Demo data for the spaces app (part of the seed's story; see config/management/commands/demo.py)."""

from collections.abc import Callable


def load(log: Callable[[str], None]) -> None:
    """Load this app's part of the demo story. Safe to run again: updates in place."""
