"""Search text and ids from query strings, made safe in one place for every list in the hub.

Search text is words to find, never query syntax: SQLite FTS5 and PostgreSQL's tsquery
both give meaning to quotes, ``*``, ``-``, ``^``, ``:``, brackets and words such as
``NEAR``, and a stray one is a database error. ``search_words`` keeps only runs of
letters and digits, which the search backends then quote one by one.
"""

import re
import unicodedata

# The longest search text read, and the most words searched for: longer text is cut.
SEARCH_MAX_LENGTH = 200
SEARCH_MAX_WORDS = 20
_WORD = re.compile(r"[^\W_]+")
# The largest id a database column holds (PostgreSQL bigint, SQLite INTEGER).
ID_MAX = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def search_words(text: str) -> str:
    """The words in ``text`` joined by single spaces ("" if there are none).

    Zero-width and other format characters are removed first, so they cannot split or
    hide a word; everything that is not a letter or a digit separates words.
    """
    text = (text or "")[: SEARCH_MAX_LENGTH * 2]
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    words = _WORD.findall(unicodedata.normalize("NFKC", text))
    return " ".join(words[:SEARCH_MAX_WORDS])[:SEARCH_MAX_LENGTH].strip()


def query_id(value: object) -> int | None:
    """An id from a query string: ASCII digits for a number from 1 to the largest id a
    database holds; anything else (negative, overflowing, other scripts' digits, empty)
    is ``None``, for the caller to ignore."""
    if not isinstance(value, str) or not _ASCII_DIGITS.fullmatch(value.strip()):
        return None
    number = int(value.strip())
    return number if 1 <= number <= ID_MAX else None
