"""Every ``# type: ignore`` in src/ names the error it silences and says why (decision 0016).

mypy's ``ignore-without-code`` catches a missing code; only this test catches a missing
reason, written after the ignore as a second comment:
``# type: ignore[attr-defined]  # allauth sets it``.
"""

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"

_IGNORE = re.compile(r"#\s*type:\s*ignore\b(?P<codes>\[[^\]]*\])?(?P<rest>.*)")
_CODES = re.compile(r"\[\s*[a-z][a-z-]*(\s*,\s*[a-z][a-z-]*)*\s*\]")
_REASON = re.compile(r"\s*#\s*\w")


def type_ignore_problem(comment: str) -> str | None:
    """What is wrong with a comment's ``# type: ignore``, or None when it has none or is fine."""
    match = _IGNORE.search(comment)
    if match is None:
        return None
    if not match["codes"] or not _CODES.fullmatch(match["codes"]):
        return "no error code"
    if not _REASON.match(match["rest"]):
        return "no reason"
    return None


def offenders(root: Path) -> list[str]:
    """``path:line: problem: comment`` for each bad ``# type: ignore`` under root."""
    found = []
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.COMMENT:
                continue
            problem = type_ignore_problem(token.string)
            if problem:
                where = f"{path.relative_to(root.parent)}:{token.start[0]}"
                found.append(f"{where}: {problem}: {token.string}")
    return found


@pytest.mark.parametrize(
    ("comment", "problem"),
    [
        ("# a comment", None),
        ("# type: ignore[attr-defined]  # allauth sets it", None),
        ("# type: ignore[misc, override]  # Wagtail's signature differs", None),
        ("# type: ignore", "no error code"),
        ("# type: ignore  # no code, so mypy's own check misses nothing here", "no error code"),
        ("# type: ignore[]  # empty", "no error code"),
        ("# type: ignore[attr-defined]", "no reason"),
        ("# type: ignore[attr-defined]  #", "no reason"),
        ("#type:ignore[attr-defined]", "no reason"),
    ],
)
def test_a_type_ignore_needs_an_error_code_and_a_reason(comment, problem):
    assert type_ignore_problem(comment) == problem


def test_comments_are_found_but_strings_that_mention_an_ignore_are_not(tmp_path):
    (tmp_path / "module.py").write_text(
        'TEXT = "# type: ignore"\nvalue = len(TEXT)  # type: ignore[arg-type]\n',
        encoding="utf-8",
    )
    assert [line.split(": ", 1)[1] for line in offenders(tmp_path)] == [
        "no reason: # type: ignore[arg-type]"
    ]


def test_every_type_ignore_in_src_has_an_error_code_and_a_reason():
    bad = offenders(SRC)
    if bad:
        pytest.fail(
            f"{len(bad)} type: ignore comments need a code and a reason:\n" + "\n".join(bad),
            pytrace=False,
        )
