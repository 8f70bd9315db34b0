"""Courses and sessions for the Academy's tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from improvement_hub.academy.models import Course, Session


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "What the course is about."
    level = "explorer"
    format = "workshop"
    is_published = True


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=3))
    capacity = 10
    address = "Council House, Room 2"
    booking_deadline = factory.LazyAttribute(lambda s: s.starts_at - timedelta(days=1))
    cancellation_deadline = factory.LazyAttribute(lambda s: s.starts_at - timedelta(days=2))
