"""The production gunicorn settings (``config/gunicorn.py``): the master builds every
similar-items index before it forks, so workers share one copy and answer at once."""

import gc

import pytest
from django.db import connection

from improvement_hub.config import gunicorn as settings
from improvement_hub.core import similarity as core_similarity
from improvement_hub.ideas import similarity as idea_similarity
from improvement_hub.lab import similarity as lab_similarity
from tests.ideas.factories import IdeaFactory


@pytest.fixture
def fresh_indexes():  # type: ignore[no-untyped-def]
    idea_similarity.reset()
    lab_similarity.reset()
    yield
    gc.unfreeze()
    idea_similarity.reset()
    lab_similarity.reset()


def test_the_app_is_loaded_in_the_master():
    assert settings.preload_app is True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_master_builds_every_index_then_lets_go_of_its_connections(fresh_indexes, monkeypatch):
    # Above this many rows a process builds in the background and answers "nothing
    # similar" meanwhile; at 0 that is every index, as at city scale.
    monkeypatch.setattr(core_similarity, "BUILD_IN_BACKGROUND_ABOVE", 0)
    idea = IdeaFactory(
        title="Online housing repairs booking", proposal="Tenants choose an appointment online"
    )
    connection.ensure_connection()

    settings.when_ready(None)

    if connection.vendor != "sqlite":  # Django never closes an in-memory test database
        assert connection.connection is None, "no database connection is carried into a fork"
    assert gc.get_freeze_count() > 0, "the master's objects are out of the collector's reach"
    assert idea_similarity.INDEX._index is not None
    assert idea.pk in idea_similarity.INDEX._index
    assert lab_similarity.INDEX._index is not None
    matches = idea_similarity.similar("housing repairs booking online")
    assert [match.id for match in matches] == [idea.pk], "the first query answers at once"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_the_master_build_a_large_index_answers_nothing_at_first(
    fresh_indexes, monkeypatch
):
    """What the master's build saves each worker from (the contrast to the test above)."""
    monkeypatch.setattr(core_similarity, "BUILD_IN_BACKGROUND_ABOVE", 0)
    IdeaFactory(title="Online housing repairs booking", proposal="Tenants book online")
    assert idea_similarity.similar("housing repairs booking online") == []
    idea_similarity.INDEX.build_now()
    assert len(idea_similarity.similar("housing repairs booking online")) == 1


@pytest.mark.django_db
def test_build_all_builds_each_index_made(fresh_indexes):
    built = core_similarity.build_all()
    assert idea_similarity.INDEX.version_key in built
    assert lab_similarity.INDEX.version_key in built
