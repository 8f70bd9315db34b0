"""What the Ideas Forum's API takes and gives."""

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django_filters import ChoiceFilter, FilterSet
from ninja import Field, Schema
from pydantic import create_model

from improvement_hub.core.schemas import InputSchema
from improvement_hub.ideas.filters import IdeaFilter


class IdeaOut(Schema):
    id: int
    title: str
    problem: str
    proposal: str
    status: str
    status_name: str
    supports: int = Field(description="The number of people supporting the idea")
    comments: int
    priorities: list[str]
    directorate: str | None
    service: str | None
    scale: str | None
    campaign: str | None
    submitted_at: datetime | None
    url: str


class IdeaIn(InputSchema):
    """The questions of the page's form (``forms.IdeaForm``), which checks every answer:
    the API refuses what the page refuses, in the same words."""

    title: str = Field(description="Up to 120 characters")
    problem: str = Field(description="What is the problem today? Up to 2,000 characters")
    proposal: str = Field(description="What change do you propose? Up to 2,000 characters")
    beneficiaries: str = Field(default="", description="Who would benefit?")
    priorities: list[str] = Field(default_factory=list, description="Slugs of active priorities")
    service: str | None = Field(default=None, description="Slug of an active service")
    campaign: str | None = Field(default=None, description="Slug of an open campaign")
    scale: str | None = Field(
        default=None, description="tweak, improvement, redesign or transformation"
    )


def _query_schema(name: str, filters: type[FilterSet]) -> type[InputSchema]:
    """A query schema with one text parameter per filter of ``filters``: the filter set
    checks the values, so the API takes what the page takes."""
    fields: dict[str, Any] = {}
    for key, item in filters.base_filters.items():
        static = item.extra.get("choices")
        if isinstance(static, list):
            about = f"{item.label}: {', '.join(str(value) for value, _ in static)}"
        else:
            slug = isinstance(item, ChoiceFilter)
            about = f"{item.label} (a slug)" if slug else str(item.label)
        fields[key] = (str, Field("", description=about))
    return create_model(name, __base__=InputSchema, **fields)


if TYPE_CHECKING:
    IdeaListParams = InputSchema
else:
    IdeaListParams = _query_schema("IdeaListParams", IdeaFilter)


class SimilarOut(Schema):
    id: int
    title: str
    status: str
    supports: int
    score: float
    url: str


class SupportOut(Schema):
    id: int
    supports: int
    supported: bool
