"""Every error message in the Ideas Forum and the Innovation Lab starts with a capital
letter, as GOV.UK writes them (issue 10, item 14): each form is sent every kind of bad
answer (missing, too long, not a choice, not a number, hostile text), and the Lab's file
checks are sent files whose names start in lower case."""

import inspect

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile

from improvement_hub.ideas import forms as idea_forms
from improvement_hub.lab import forms as lab_forms
from improvement_hub.lab.evidence import evidence_check
from improvement_hub.lab.forms import SignedInContactForm

pytestmark = pytest.mark.django_db

BAD_ANSWERS = ["", "x" * 100_001, "not-a-choice", "-1", "abc", "\x00\u202e", "999999999999"]


def _form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for module in (idea_forms, lab_forms):
        for _, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, forms.BaseForm)
                and value.__module__ == module.__name__
                and not value.__name__.startswith("_")
            ):
                found.append(value)
    return found


def _messages(form: forms.BaseForm) -> list[str]:
    form.is_valid()
    return [str(message) for messages in form.errors.values() for message in messages]


def _starts_in_capitals(message: str) -> bool:
    first = message.lstrip()[:1]
    return first.isupper() or first.isdigit()


@pytest.mark.parametrize(
    "form_class", _form_classes(), ids=lambda c: f"{c.__module__}.{c.__name__}"
)
def test_every_form_error_starts_with_a_capital(form_class):  # type: ignore[no-untyped-def]
    extra = {"account_email": "sam@example.org"} if form_class is SignedInContactForm else {}
    fields = form_class(**extra).fields
    lower = []
    for answer in BAD_ANSWERS:
        data = {name: answer for name in fields}
        files = {
            name: SimpleUploadedFile("letter.pdf", answer.encode()[:100])
            for name, field in fields.items()
            if isinstance(field, forms.FileField)
        }
        for message in _messages(form_class(data=data, files=files, **extra)):
            if not _starts_in_capitals(message):
                lower.append(message)
    assert lower == []


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"", "letter.pdf"),
        (b"plain text, not a document", "notes.txt"),
        (b"PK\x03\x04broken", "report.docx"),
        (b"%PDF-1.4" + b"0" * (11 * 1024 * 1024), "scan.pdf"),
    ],
)
def test_file_check_messages_start_with_a_capital_whatever_the_files_name(content, name):  # type: ignore[no-untyped-def]
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        evidence_check(SimpleUploadedFile(name, content))
    for message in refused.value.messages:
        assert _starts_in_capitals(message), message
        assert name in message  # it still says which file
