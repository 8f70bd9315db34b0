from datetime import datetime

from ninja import Field, Schema

from improvement_hub.core.schemas import InputSchema


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
    title: str = Field(min_length=1, max_length=120)
    problem: str = Field(min_length=1, max_length=2000)
    proposal: str = Field(min_length=1, max_length=2000)
    beneficiaries: str = Field(default="", max_length=2000)
    priorities: list[str] = Field(default_factory=list, max_length=20, description="Priority slugs")
    service: str | None = Field(default=None, description="Service slug")
    campaign: str | None = Field(default=None, description="Campaign slug")
    scale: str | None = Field(
        default=None, description="tweak, improvement, redesign or transformation"
    )


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


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
