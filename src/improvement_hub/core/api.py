"""The API's half of the one input boundary: bind a page's form, map errors once.

Every endpoint that takes input binds the same Django form its page uses
(:func:`bind_form`) and calls the same service; it never validates on its own. Whatever
a form or a service refuses reaches the client through the handlers that
:func:`register_error_handlers` puts on the one ``NinjaAPI``, so no endpoint catches
``ValidationError``, ``PermissionDenied`` or ``RateLimited`` itself:

=====================  ======  ==================================================
raised                 status  body
=====================  ======  ==================================================
``ValidationError``    422     ``{"detail": "...", "errors": {field: [messages]}}``
``PermissionDenied``   403     ``{"detail": message}``
``RateLimited``        429     ``{"detail": message}`` and a ``Retry-After`` header
``Http404``            404     ninja's own ``{"detail": "Not Found"}``
=====================  ======  ==================================================

Where even the existence of a thing is private, the service or selector raises
``Http404`` rather than ``PermissionDenied``.
"""

from collections.abc import Mapping
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI, Schema

from improvement_hub.core.ratelimit import RateLimited

CORRECT_ANSWERS = "Some answers need correcting"
NO_PERMISSION = "You do not have permission to do that"

FormT = TypeVar("FormT", bound=forms.BaseForm)


class Problem(Schema):
    """What every refused request gets back: a sentence, and per-field messages when
    the input was at fault (``__all__`` for messages about the whole request)."""

    detail: str
    errors: dict[str, list[str]] | None = None


# The responses an endpoint that takes input documents besides its success.
PROBLEMS: dict[int, type[Problem]] = {403: Problem, 422: Problem, 429: Problem}


def validation_errors(error: ValidationError) -> dict[str, list[str]]:
    """A ValidationError's messages by field; messages about no one field go under
    ``__all__``, as Django's forms file them."""
    if hasattr(error, "error_dict"):
        return {field: list(messages) for field, messages in error.message_dict.items()}
    return {"__all__": list(error.messages)}


def _as_form_data(data: Mapping[str, Any]) -> QueryDict:
    """A JSON body as a form's data: lists become repeated keys, ``None`` and ``False``
    are left out (an unticked box, an empty answer), numbers become text."""
    query = QueryDict(mutable=True)
    for key, value in data.items():
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if item is None or item is False:
                continue
            query.appendlist(key, "on" if item is True else str(item))
    return query


def bind_form(
    form_class: type[FormT],
    data: Mapping[str, Any],
    *,
    files: MultiValueDict[str, UploadedFile[Any]] | None = None,
    **kwargs: Any,
) -> FormT:
    """Binds an API payload to the page's form and returns it valid, or raises the
    form's errors as one ``ValidationError`` (a 422 through the handlers below)."""
    form = form_class(_as_form_data(data), files, **kwargs)
    if not form.is_valid():
        raise ValidationError(
            {field: list(errors.as_data()) for field, errors in form.errors.items()}
        )
    return form


def _problem(api: NinjaAPI, request: HttpRequest, status: int, problem: Problem) -> HttpResponse:
    return api.create_response(request, problem.model_dump(exclude_none=True), status=status)


def register_error_handlers(api: NinjaAPI) -> None:
    """Maps the refusals of forms and services to responses, once for every endpoint."""

    def on_validation_error(request: HttpRequest, error: Any) -> HttpResponse:
        assert isinstance(error, ValidationError)  # noqa: S101  # ninja types handlers loosely
        errors = validation_errors(error)
        return _problem(api, request, 422, Problem(detail=CORRECT_ANSWERS, errors=errors))

    def on_permission_denied(request: HttpRequest, error: Any) -> HttpResponse:
        assert isinstance(error, PermissionDenied)  # noqa: S101  # ninja types handlers loosely
        return _problem(api, request, 403, Problem(detail=str(error) or NO_PERMISSION))

    def on_rate_limited(request: HttpRequest, error: Any) -> HttpResponse:
        assert isinstance(error, RateLimited)  # noqa: S101  # ninja types handlers loosely
        response = _problem(api, request, 429, Problem(detail=error.message))
        response["Retry-After"] = str(max(1, error.retry_after))
        return response

    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(PermissionDenied, on_permission_denied)
    api.add_exception_handler(RateLimited, on_rate_limited)
