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


def test_similar_ideas_carry_what_their_lists_show_and_not_their_long_answers():
    """The similar-ideas API, "check your answers", the Hub Team's possible duplicates and
    a referral's similar ideas show each idea's title, link, status, supports and whether
    it is the viewer's own: read in the one query, never again per idea."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    IdeaFactory(title="Online housing repairs booking", proposal="Choose an appointment online")
    IdeaFactory(title="Housing repairs appointments online", proposal="Tenants book online")
    idea_similar_list(text=TEXT)  # the index takes in the new ideas (it reads their text)
    with CaptureQueriesContext(connection) as read:
        ideas = idea_similar_list(text=TEXT)
    assert len(ideas) == 2
    assert all('"proposal"' not in q["sql"] and '"problem"' not in q["sql"] for q in read)
    with CaptureQueriesContext(connection) as shown:
        for idea in ideas:
            assert idea.title
            assert idea.get_absolute_url().startswith(f"/ideas/{idea.pk}/")
            assert idea.status.name
            assert idea.support_count >= 0
            assert idea.author_id
    assert len(shown) == 0
