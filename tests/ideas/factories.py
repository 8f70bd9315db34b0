from datetime import timedelta

import factory
from django.utils import timezone

from improvement_hub.accounts.roles import Role
from improvement_hub.ideas.models import Campaign, Comment, Idea, IdeaStatus
from tests.accounts.factories import UserFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"How could we improve service {n}?")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))


class IdeaFactory(factory.django.DjangoModelFactory):
    """A submitted idea by a member of staff."""

    class Meta:
        model = Idea

    author = factory.SubFactory(UserFactory, role=Role.STAFF)
    title = factory.Sequence(lambda n: f"Idea number {n} about bins")
    problem = "Bins are collected late and residents phone to complain."
    proposal = "Publish collection times online and text residents when crews are delayed."
    status = factory.LazyFunction(lambda: IdeaStatus.objects.get(slug="new"))
    submitted_at = factory.LazyFunction(timezone.now)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory, role=Role.STAFF)
    body = "A helpful comment."
