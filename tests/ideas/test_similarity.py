"""The similar-ideas index follows the database: new, hidden and merged ideas."""

import pytest
from django.core.cache import cache

from improvement_hub.ideas import services, similarity
from improvement_hub.ideas.models import Idea
from improvement_hub.ideas.selectors import idea_similar_list
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

TEXT = "tenants report housing repairs online and choose an appointment"


def _ids() -> list[int]:
    return [i.pk for i in idea_similar_list(text=TEXT)]


def test_index_picks_up_submitted_ideas_and_drops_hidden_and_merged(hub, staff, commit_callbacks):
    first = IdeaFactory(
        title="Online housing repairs booking", proposal="Tenants choose an appointment online"
    )
    assert _ids() == [first.pk]
    with commit_callbacks():
        draft = services.idea_draft_save(
            author=staff,
            data=services.IdeaData(
                title="Report repairs online",
                problem="Tenants phone about housing repairs",
                proposal="Online repairs reporting with appointments",
            ),
        )
        assert draft.pk not in _ids(), "drafts are never suggested"
        services.idea_submit(author=staff, idea=draft)
    assert set(_ids()) == {first.pk, draft.pk}
    with commit_callbacks():
        services.idea_hide(actor=hub, idea=first, reason="Test")
    assert _ids() == [draft.pk]
    second = IdeaFactory(title="Housing repairs appointments online")
    with commit_callbacks():
        services.idea_merge(actor=hub, source=second, target=draft)
    assert second.pk not in _ids()


def test_version_is_shared_through_the_cache():
    similarity.mark_changed()
    version = cache.get(similarity.VERSION_KEY)
    similarity.mark_changed()
    assert cache.get(similarity.VERSION_KEY) == version + 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_large_index_is_built_in_the_background_without_blocking(monkeypatch):
    import time

    from improvement_hub.core import similarity as core_similarity

    monkeypatch.setattr(core_similarity, "BUILD_IN_BACKGROUND_ABOVE", 1)
    similarity.reset()
    IdeaFactory(
        title="Online housing repairs booking", proposal="Tenants choose an appointment online"
    )
    IdeaFactory(title="Plant trees in parks")
    assert _ids() == [], "the first query does not wait for the build"
    for _ in range(100):
        if _ids():
            break
        time.sleep(0.05)
    assert _ids()[0] == Idea.objects.get(title="Online housing repairs booking").pk
