"""The base of every API input schema: the same boundary for text as the forms."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination
from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from improvement_hub.core.validators import control_characters_message, has_control_characters


class InputSchema(Schema):
    """A request body or query a client sends. Any text in it (also inside lists) with
    an invisible control character is refused with a 422 that names the field, as the
    forms refuse it, so the API cannot store what a page would turn away.

    Response schemas stay plain ``ninja.Schema``: what is already stored is cleaned on
    the way out by the feeds and exports, not refused.
    """

    # Before the type checks, so text pydantic would refuse for its own reasons (a lone
    # surrogate) gets the same message.
    @field_validator("*", mode="before")
    @classmethod
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        if has_control_characters(value):
            noun = (info.field_name or "this text").replace("_", " ")
            raise PydanticCustomError("control_characters", control_characters_message(noun))
        return value


# The highest page number a list endpoint accepts: past the last page a page is empty, and
# far past it the offset would overflow the database's integer (a server error).
MAX_PAGE = 1_000_000


class HubPagination(PageNumberPagination):
    """ninja's page-number pagination with bounded input: ``page`` from 1 to ``MAX_PAGE``
    and ``page_size`` from 1 to 100; anything else is a 422 like any invalid parameter."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=100)
