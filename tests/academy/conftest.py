import pytest

from improvement_hub.accounts.roles import Role
from tests.academy.factories import CourseFactory, SessionFactory
from tests.accounts.factories import UserFactory


@pytest.fixture
def course(db):  # type: ignore[no-untyped-def]
    return CourseFactory()


@pytest.fixture
def session(course):  # type: ignore[no-untyped-def]
    return SessionFactory(course=course)


@pytest.fixture
def staff(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.STAFF)


@pytest.fixture
def hub(db):  # type: ignore[no-untyped-def]
    return UserFactory(role=Role.HUB_TEAM)
