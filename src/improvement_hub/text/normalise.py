"""Unicode-safe text normalisation shared by everything that compares free text."""

import re
import unicodedata

__all__ = ["normalise"]

# Printable ASCII needs no per-character check; anything else is looked at once per match.
_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e]+")
# Control, format (zero-width, bidi marks, BOM) and lone surrogate code points.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})


def _clean_run(match: re.Match[str]) -> str:
    return "".join(
        " " if ch.isspace() else ("" if unicodedata.category(ch) in _DROPPED_CATEGORIES else ch)
        for ch in match.group()
    )


def normalise(text: str) -> str:
    """Casefold, NFKC-normalise, drop control/zero-width chars, collapse spaces; never raises."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _NOT_PLAIN_ASCII.sub(_clean_run, text)
    return " ".join(text.split())
