"""Invisible control characters: refused where text comes in, dropped where it goes out.

A control character (ESC, BEL, NUL...) in one idea used to break the RSS and Atom feeds
and the spreadsheets for everyone, because XML 1.0 and XLSX cannot hold them. Forms
(``core.forms.GovUKFormMixin``) and the API (``core.schemas.InputSchema``) refuse them;
feeds and exports drop them from text stored before that, so one bad row never breaks
a whole file.
"""

import re

from django.core.exceptions import ValidationError

# C0 controls except tab, newline and carriage return; DEL and the C1 controls; lone
# UTF-16 surrogates (a JSON body can carry "\ud800"); and the two non-characters XML
# forbids. Everything else, emoji and their zero-width joiners, right-to-left text and
# its marks, accents, is ordinary text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def has_control_characters(value: object) -> bool:
    """Whether a text, or any text in a list, tuple, set or dict, holds a control character."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.search(value) is not None
    if isinstance(value, list | tuple | set | frozenset):
        return any(has_control_characters(item) for item in value)
    if isinstance(value, dict):
        return any(has_control_characters(k) or has_control_characters(v) for k, v in value.items())
    return False


def strip_control_characters(value: str) -> str:
    """The text without control characters: safe to put in XML or a spreadsheet."""
    return CONTROL_CHARACTERS.sub("", value)


def control_characters_message(noun: str) -> str:
    """The GOV.UK wording for the error, naming what to fix."""
    return f"Remove the invisible control characters from {noun}"


def validate_no_control_characters(value: object) -> None:
    """A Django validator for model and form fields that do not use the shared form."""
    if has_control_characters(value):
        raise ValidationError(control_characters_message("this text"), code="control_characters")
