"""The insights part of the demo story."""

from collections.abc import Callable


def load(log: Callable[[str], None]) -> None:
    """Nothing yet."""
