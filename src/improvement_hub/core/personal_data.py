"""What each app holds about a person, for "download your data" and "close your account".

Lower apps must not import higher ones, so ``accounts`` cannot ask ``ideas`` for a
person's ideas. Instead each app registers, in its ``AppConfig.ready()``, a function that
exports what it holds about a person and, if it needs one, a function that tidies up when
that person closes their account, and one that erases what they wrote when they ask for
erasure (done by the Hub Team in the admin). ``accounts`` walks the registry.

An exporter returns plain JSON-ready data (dicts, lists, strings, numbers, ISO dates)
about that person only: never another person's personal data, never secrets such as
password hashes or tokens.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Closer = Callable[[Any], None]
Eraser = Callable[[Any], int]


@dataclass(frozen=True)
class PersonalDataSection:
    """One app's part of a person's data: its key in the download, and what to do on closure."""

    key: str
    title: str
    export: Exporter
    close: Closer | None = None
    erase: Eraser | None = None
    # Lower numbers come first in the download; closure runs highest first, so an app
    # tidies its rows before the apps below it blank the account.
    order: int = 100


_sections: dict[str, PersonalDataSection] = {}


def personal_data_register(
    *,
    key: str,
    title: str,
    export: Exporter,
    close: Closer | None = None,
    erase: Eraser | None = None,
    order: int = 100,
) -> None:
    """Adds or replaces an app's section; registering the same key twice keeps the last."""
    _sections[key] = PersonalDataSection(
        key=key, title=title, export=export, close=close, erase=erase, order=order
    )


def personal_data_sections() -> list[PersonalDataSection]:
    """Every registered section, in download order."""
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def personal_data_export(*, user: Any) -> dict[str, Any]:
    """Everything every app holds about ``user``, keyed by section."""
    return {section.key: section.export(user) for section in personal_data_sections()}


def personal_data_close(*, user: Any) -> None:
    """Runs each app's closure step, highest layer first. Call inside a transaction."""
    for section in reversed(personal_data_sections()):
        if section.close is not None:
            section.close(user)


def personal_data_erase(*, user: Any) -> int:
    """Erases what ``user`` wrote, app by app; returns how many items were erased."""
    return sum(
        section.erase(user) for section in reversed(personal_data_sections()) if section.erase
    )
