"""The blanks in the Hub Team's decision messages: checked when a template is saved,
filled without ever failing a decision.

A template is plain text with placeholders such as ``{reference}``; ``{{`` and ``}}``
stand for a literal brace, as in ``str.format``. Filling never evaluates anything (no
attribute or index access, unlike ``str.format``): a known ``{name}`` becomes its value
and anything else stays as typed.
"""

import re

from improvement_hub.core.validators import control_characters_message, has_control_characters

PLACEHOLDERS = ("reference", "service", "service_contact", "challenge", "reason")

_ALLOWED = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS[:-1]) + f" and {{{PLACEHOLDERS[-1]}}}"
_ESCAPED_BRACE = re.compile(r"\{\{|\}\}")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_FILL = re.compile(r"\{\{|\}\}|\{(\w+)\}")


def template_error(text: str, *, what: str) -> str | None:
    """The GOV.UK message for the first mistake in a template, or None if it is sound."""
    if has_control_characters(text):
        return control_characters_message(f"the {what}")
    rest = _ESCAPED_BRACE.sub("", text)
    for match in _PLACEHOLDER.finditer(rest):
        if match.group(1) not in PLACEHOLDERS:
            return f"The {what} can only use {_ALLOWED}: change or remove {match.group(0)}"
    if "{" in _PLACEHOLDER.sub("", rest) or "}" in _PLACEHOLDER.sub("", rest):
        return (
            f"Check the curly brackets in the {what}: put each placeholder between {{ and }}, "
            "for example {reference}, and write {{ or }} for a curly bracket on its own"
        )
    return None


def fill(text: str, values: dict[str, str]) -> str:
    """The text with each known placeholder replaced by its value; never raises."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:  # an escaped brace
            return match.group(0)[0]
        return str(values.get(name) or "") if name in PLACEHOLDERS else match.group(0)

    return _FILL.sub(replace, text)
