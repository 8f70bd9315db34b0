"""Similar ideas need a minimum score: with the demo's ideas, a repairs idea lists other
repairs ideas and never "Free school meal sign-up"; with nothing close, it lists none."""

import pytest

from improvement_hub.ideas.demo import IDEAS
from improvement_hub.ideas.models import Idea
from improvement_hub.ideas.selectors import idea_similar_list
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

FREE_SCHOOL_MEALS = "Free school meal sign-up"


@pytest.fixture
def demo_ideas() -> dict[str, Idea]:
    ideas = {}
    for title, problem, proposal, *_ in IDEAS:
        ideas[title] = IdeaFactory(title=title, problem=problem, proposal=proposal)
    return ideas


def _similar_titles(idea: Idea) -> list[str]:
    return [i.title for i in idea_similar_list(text=idea.text_for_similarity, exclude=(idea.pk,))]


def _repairs(ideas: dict[str, Idea]) -> list[Idea]:
    return [idea for title, idea in ideas.items() if "repair" in title.lower()]


def test_a_repairs_idea_never_lists_free_school_meals_when_the_demo_ideas_are_in(demo_ideas):
    repairs = _repairs(demo_ideas)
    assert len(repairs) >= 3, "the demo has a campaign about repairs"
    for idea in repairs:
        titles = _similar_titles(idea)
        assert not [t for t in titles if t.startswith(FREE_SCHOOL_MEALS)], (idea.title, titles)
        # what is left is about the same thing: other repairs ideas come first
        assert titles, idea.title
        assert "repair" in titles[0].lower(), (idea.title, titles)


def test_free_school_meals_lists_no_repairs_idea(demo_ideas):
    meals = next(i for t, i in demo_ideas.items() if t.startswith(FREE_SCHOOL_MEALS))
    assert not [t for t in _similar_titles(meals) if "repair" in t.lower()]


def test_a_text_close_to_nothing_lists_none_rather_than_noise(demo_ideas):
    text = "Damp and mould in the town hall archive: move the old planning files to a dry room"
    titles = [i.title for i in idea_similar_list(text=text)]
    assert titles == []


def test_the_check_page_shows_no_similar_ideas_section_items_below_the_minimum(
    demo_ideas, as_staff, staff
):
    draft = IdeaFactory(
        author=staff,
        submitted_at=None,
        title="Repairs: a named officer for each damp case",
        problem="Tenants with damp repairs deal with a new person every visit.",
        proposal="Give each damp repair case one named officer until it is fixed.",
    )
    page = as_staff.get(f"/ideas/{draft.pk}/check/")
    assert page.status_code == 200
    assert FREE_SCHOOL_MEALS not in page.text
