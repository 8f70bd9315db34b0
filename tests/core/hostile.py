"""A corpus of hostile input, for the hostile-input sweep (tests/core/test_hostile_input.py).

Each entry is (name, value). Values are strings as a browser or an API client would send
them; the numeric ones are also offered as JSON numbers where a number is expected
(``HOSTILE_NUMBERS``). ``MARKERS`` are the pieces of markup that must never come back
unescaped in a page, a feed, an export or an email.
"""

from __future__ import annotations

import zlib

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

HOSTILE: list[tuple[str, str]] = [
    # script injection
    ("script", SCRIPT),
    ("img onerror", IMG),
    ("javascript url", "javascript:alert(1)"),
    ("svg onload", "<svg/onload=alert(1)>"),
    ("template injection", "{{ 7*7 }} {% debug %} ${7*7} {name}"),
    # SQL
    ("sql or", "' OR 1=1 --"),
    ("sql drop", "1; DROP TABLE ideas_idea; --"),
    ("sql union", "x' UNION SELECT password FROM accounts_user --"),
    # full-text search syntax
    ("fts quote", 'a"b'),
    ("fts star", "*"),
    ("fts near", "NEAR("),
    ("fts minus", "-x"),
    ("fts column", "title:"),
    ("fts and or", "AND OR NOT"),
    ("fts caret", "^x"),
    ("tsquery", "a & | ! ( :*"),
    # control characters
    ("nul", "before\x00after"),
    ("esc", "before\x1b[31mafter"),
    ("bel", "ring\x07ring"),
    ("vertical tab and form feed", "a\x0bb\x0cc"),
    ("del and c1", "a\x7fb\x85c\x9bd"),
    # zero-width, bidi, right-to-left
    ("zero width", "in\u200bvis\u200cible\u200d\ufeff"),
    ("bidi override", "abc\u202edcba\u202c"),
    ("rtl", "مرحبا بالعالم שלום"),
    ("combining", "Z\u0351\u0354a\u0344\u0332l\u0346\u0350g\u0352o"),
    # emoji
    ("emoji", "Tidy streets 🧹🚮"),
    ("emoji zwj", "👩\u200d👩\u200d👧\u200d👦 👨🏽\u200d💻 🏳️\u200d🌈"),
    ("astral", "𝕳𝖊𝖑𝖑𝖔 \U0010ffff"),
    ("lone surrogate escape", "\\ud800"),
    # length
    ("20k", "A" * 20_000),
    ("20k words", ("word " * 4_000).strip()),
    # numbers
    ("huge", "99999999999999999999999999"),
    ("negative", "-1"),
    ("nan", "NaN"),
    ("infinity", "Infinity"),
    ("minus infinity", "-inf"),
    ("exponent", "1e309"),
    ("unicode digits", "١٢٣"),
    ("fullwidth digits", "１２３"),
    # formats and paths
    ("path traversal", "../../etc/passwd"),
    ("url", "https://evil.example/"),
    ("protocol relative", "//evil.example"),
    ("crlf", "a\r\nSet-Cookie: x=1"),
    ("percent", "%00%0d%0a%27"),
    ("formula", '=HYPERLINK("https://evil.example","x")'),
    ("empty", ""),
    ("whitespace", " \t\n "),
]

HOSTILE_NUMBERS: list[tuple[str, object]] = [
    ("huge", 10**30),
    ("negative", -1),
    ("nan", float("nan")),
    ("infinity", float("inf")),
    ("float for int", 1.5),
]

# Markup from the corpus that a page, feed, export or email must never contain unescaped.
MARKERS = [SCRIPT, "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>"]


def sample(key: str, size: int, always: tuple[str, ...] = ("script",)) -> list[tuple[str, str]]:
    """A deterministic sample of the corpus for one field (``key`` names the field and the
    role, so that each role tries other entries): ``always`` first, then entries chosen by
    a stable hash of the key."""
    chosen = [entry for entry in HOSTILE if entry[0] in always][:size]
    rest = [entry for entry in HOSTILE if entry[0] not in always]
    seed = zlib.crc32(key.encode())
    while len(chosen) < size and rest:
        chosen.append(rest.pop(seed % len(rest)))
        seed = seed * 31 + 7
    return chosen


# What a search box must take as words to find: query syntax and control characters.
SEARCH_ENTRIES = [
    "fts quote",
    "fts star",
    "fts near",
    "fts minus",
    "fts column",
    "fts and or",
    "fts caret",
    "tsquery",
    "javascript url",
    "sql or",
    "nul",
    "esc",
    "20k words",
    "script",
]
