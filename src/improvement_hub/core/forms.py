"""One route for form wording: GOV.UK error messages and no placeholder text."""

import hashlib
import json
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from improvement_hub.core import page_cache
from improvement_hub.core.ratelimit import RateLimited
from improvement_hub.core.validators import control_characters_message, has_control_characters

T = TypeVar("T")

if TYPE_CHECKING:
    # What the mixin is mixed into; at run time it stays a plain mixin.
    _FormBase = forms.BaseForm
else:
    _FormBase = object


def _noun(field: forms.Field, name: str) -> str:
    label = str(field.label or name.replace("_", " "))
    return label[0].lower() + label[1:] if label[:2] != label[:2].upper() else label


def _answer(field: forms.Field, name: str) -> str:
    """What a field's answer is called in a message: "email address", or for a question
    "your answer to ‘What is the problem today?’"."""
    label = str(field.label or name.replace("_", " ")).removesuffix("(optional)").strip()
    if label.endswith("?") or len(label.split()) > 4:
        return f"your answer to ‘{label}’"
    return _noun(field, name)


class ListedChoiceIterator(forms.models.ModelChoiceIterator[Any]):
    """A choice list read with one plain query. Django's own iterator reads it with
    ``queryset.iterator()``, which on PostgreSQL outside a transaction is a server-side
    cursor declared ``WITH HOLD``: the whole result copied aside on the server, three round
    trips, about 4 ms for a list of a few dozen services. Choice lists are short (a
    list long enough to need a cursor could not be shown in a select anyway)."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:  # evaluated once per form: rendered and checked alike
            yield self.choice(obj)


@cache
def _listed(iterator: type[Any]) -> type[Any]:
    """``iterator`` reading its choices as :class:`ListedChoiceIterator` does, keeping
    what it adds (django-filter's adds a "none" choice first)."""
    if issubclass(iterator, ListedChoiceIterator):
        return iterator
    if iterator is forms.models.ModelChoiceIterator:
        return ListedChoiceIterator
    return type(f"Listed{iterator.__name__}", (iterator, ListedChoiceIterator), {})


class GovUKFormMixin(_FormBase):
    """Gives every field GOV.UK-style error messages and removes placeholders, and
    refuses invisible control characters in any text a form takes.

    "Enter your email address", "Select a priority": messages say what to do, not
    what went wrong. Forms may still set their own messages per field.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if isinstance(field, forms.ModelChoiceField):
                field.iterator = _listed(cast(Any, field.iterator))  # stubs: not hashable
                field.widget.choices = field.choices  # as Django's queryset setter does
            noun = _noun(field, name)
            if "required" not in getattr(field, "_hub_custom_messages", ()):
                verb = (
                    "Select"
                    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
                    else "Enter"
                )
                if isinstance(field, forms.BooleanField):
                    field.error_messages["required"] = f"Confirm {noun}"
                else:
                    field.error_messages["required"] = f"{verb} {noun}"
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = (
                    f"{noun[0].upper()}{noun[1:]} must be {field.max_length} characters or fewer"
                )
            # Django's own NUL check says "Null characters are not allowed."; the check
            # below covers NUL with the other control characters, in our wording.
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]

    @property
    def render_key(self) -> str:
        """A digest of everything the rendered form shows (:func:`form_render_key`)."""
        return form_render_key(cast(forms.BaseForm, self))

    def _clean_fields(self) -> None:
        super()._clean_fields()  # type: ignore[misc]  # private Django API, not in django-stubs
        # After every field is cleaned, before the form's own clean(), so no text with a
        # control character reaches a service. add_error keeps what the user typed in
        # the form's data, so the page shows it again with the error.
        for name, value in list(self.cleaned_data.items()):
            field = self.fields.get(name)
            if field is None or isinstance(field.widget, forms.PasswordInput):
                # Passwords are only hashed, never shown or exported; refusing them
                # would lock out anyone whose password already has one.
                continue
            if has_control_characters(value):
                self.add_error(name, control_characters_message(_answer(field, name)))


def form_render_key(form: forms.BaseForm) -> str:
    """A digest of everything a rendered form shows (its fields' labels, help, values,
    choices and errors), for a template to cache its rendering (``{% cache %}``, as the
    filter panel does): any change gives a new key, so a cached form is never stale.
    Rendering a handful of GOV.UK fields through crispy-forms was up to a third of a list
    page (the Lab inbox's five filters: 8 ms). The key starts with the site version, which
    a new release's ``migrate`` moves: its templates render the form again."""
    shown = [
        type(form).__qualname__,
        form.prefix,
        str(form.auto_id),
        [
            (
                bound.name,
                str(bound.label),
                str(bound.help_text),
                str(bound.value()),
                [list(map(str, choice)) for choice in getattr(bound.field, "choices", [])],
                bound.errors.get_json_data() if form.is_bound else [],
            )
            for bound in form
        ],
    ]
    return f"{page_cache.site_version()}.{hashlib.sha256(json.dumps(shown).encode()).hexdigest()}"


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Puts a service's ValidationError on the form: on its fields where it can."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def submit(form: forms.BaseForm, action: Callable[[], T]) -> T | None:
    """The page's half of the one input boundary: runs ``action`` (a service call made
    with the valid form's answers) and files whatever the service refuses on the form,
    in the words the API sends (core/api.py). Returns the service's result, or ``None``
    when the form now has errors; render it again with :func:`form_status`.

    ``PermissionDenied`` and ``Http404`` are not input errors and pass through.
    """
    try:
        return action()
    except ValidationError as error:
        add_service_errors(form, error)
    except RateLimited as error:
        form.add_error(None, error.message)
        form.retry_after = error.retry_after  # type: ignore[attr-defined]  # read by form_status
    return None


def form_status(form: forms.BaseForm | None) -> int:
    """The status of a page that shows ``form``: 429 when a rate limit refused it, 400
    when it has errors, else 200."""
    if form is None or not form.is_bound or not form.errors:
        return 200
    return 429 if getattr(form, "retry_after", None) else 400


def render_form(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    form: forms.BaseForm | None = None,
) -> HttpResponse:
    """Renders a page with a form, with :func:`form_status`'s status and, after a rate
    limit, a ``Retry-After`` header (the same as the API's 429)."""
    form = form if form is not None else context.get("form")
    response = render(request, template, context, status=form_status(form))
    retry_after = getattr(form, "retry_after", None)
    if retry_after:
        response["Retry-After"] = str(max(1, retry_after))
    return response
