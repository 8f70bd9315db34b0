from ninja import Schema


class PriorityOut(Schema):
    slug: str
    name: str
    description: str


class ServiceOut(Schema):
    slug: str
    name: str
    directorate: str
    priorities: list[str]
