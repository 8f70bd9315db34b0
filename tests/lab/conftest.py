import pytest

from improvement_hub.lab import similarity


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    similarity.reset()
    yield
    similarity.reset()


@pytest.fixture
def commit_callbacks(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def council(db):  # type: ignore[no-untyped-def]
    """The demo council's services and organisations, without demo referrals."""
    from improvement_hub.council import demo

    demo.load(lambda message: None)


@pytest.fixture
def hub(db):  # type: ignore[no-untyped-def]
    from improvement_hub.accounts.roles import Role
    from tests.accounts.factories import UserFactory

    return UserFactory(role=Role.HUB_TEAM)
