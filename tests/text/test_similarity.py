"""Similar-idea search: improvement_hub.text (pure Python, no database)."""

import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from improvement_hub.text import Match, SimilarityIndex, normalise
from improvement_hub.text.similarity import Settings

IDEAS = {
    1: "Missed bin collections: crews should report blocked roads from the cab so the "
    "contact centre knows why a street was skipped.",
    2: "Let residents pay council tax in twelve monthly instalments instead of ten.",
    3: "Staff laptops take fifteen minutes to start up in the morning; replace the oldest.",
    4: "Tenants should be able to book repair appointments online, choosing morning or "
    "afternoon slots.",
    5: "Install cameras at fly-tipping hotspots and publicise the fines.",
    6: "Extend library opening hours in the evening with self-service entry.",
    7: "Free flu jabs for home care workers at their workplace.",
    8: "Single sign-on so staff type one password a day instead of eight.",
    9: "Run summer holiday clubs with free lunches for children on free school meals.",
    10: "Plant more street trees on estates that have little shade.",
}

HOSTILE = [
    "",
    "   \t\n  ",
    "the and of to a in is it",
    "<script>alert('bins')</script>",
    "'; DROP TABLE ideas_idea; --",
    "🗑️🗑️🗑️ bins 🚮 ♻️",
    "bin\u200bcollection\u200d\ufeff missed",
    "\u202eسلة المهملات لم تُجمع\u202c",
    "\x00\x01\x02 null bytes \x7f",
    "lone surrogate \ud800 here",
    "ﬁx ＢＩＮＳ ①②③",
    "a" * 50_000,
    "bins " * 200_000,  # 1 MB
]


@pytest.fixture(scope="module")
def index() -> SimilarityIndex:
    return SimilarityIndex(IDEAS.items())


def ids(matches: list[Match]) -> list[int]:
    return [m.id for m in matches]


# normalise


def test_normalise_lowercases_and_collapses_whitespace_when_text_is_messy():
    assert normalise("  Missed\tBIN\n\ncollections  ") == "missed bin collections"


def test_normalise_folds_compatibility_forms_when_text_has_fullwidth_or_ligatures():
    assert normalise("ＢＩＮＳ ﬁx") == "bins fix"


def test_normalise_strips_zero_width_and_control_chars_when_present():
    assert normalise("bin\u200bcollection\u200d\ufeff\x00\x07day") == "bincollectionday"


def test_normalise_keeps_right_to_left_text_when_bidi_marks_are_removed():
    assert normalise("\u202eمرحبا\u202c") == "مرحبا"


def test_normalise_handles_a_megabyte_when_input_is_huge():
    text = "Emoji 🙂 " * 125_000
    assert normalise(text).startswith("emoji 🙂 emoji")


# query


def test_paraphrase_found_first_when_wording_differs(index):
    matches = index.query("Rubbish lorry drivers should log when a parked car blocks the road")
    assert matches[0].id == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pay ctax monthly over 12 months", 2),
        ("my computer is so slow to boot", 3),
        ("let tenants choose AM or PM for repairs on the website", 4),
        ("CCTV where people dump rubbish", 5),
        ("one login for everything", 8),
    ],
)
def test_paraphrase_found_first_when_vocabulary_is_informal(index, text, expected):
    assert index.query(text)[0].id == expected


def test_query_scores_between_zero_and_one_when_text_is_a_stored_idea(index):
    matches = index.query(IDEAS[6])
    assert matches[0] == Match(id=6, score=pytest.approx(1.0, abs=1e-5))
    assert all(0.0 <= m.score <= 1.0 for m in matches)


def test_query_never_returns_excluded_ids_when_exclude_given(index):
    assert 6 not in ids(index.query(IDEAS[6], exclude={6}, min_score=0.0))
    assert ids(index.query(IDEAS[6], exclude=[6])) == ids(index.query(IDEAS[6]))[1:]


def test_query_returns_at_most_limit_when_many_match(index):
    assert len(index.query("staff residents council", limit=2, min_score=0.0)) <= 2
    assert len(index.query("a" * 40 + " bins staff home", limit=1, min_score=0.0)) <= 1


def test_query_returns_nothing_when_limit_is_not_positive(index):
    assert index.query(IDEAS[1], limit=0) == []
    assert index.query(IDEAS[1], limit=-3) == []


def test_query_drops_matches_when_below_min_score(index):
    everything = index.query("bins and laptops", limit=10, min_score=0.0)
    threshold = everything[0].score
    assert all(m.score >= threshold for m in index.query("bins and laptops", min_score=threshold))
    assert index.query("bins and laptops", min_score=1.01) == []


def test_query_returns_empty_when_index_has_no_documents():
    assert SimilarityIndex().query("missed bins") == []
    assert len(SimilarityIndex()) == 0


def test_query_returns_empty_when_text_is_blank_or_stop_words(index):
    assert index.query("") == []
    assert index.query("   \n\t ") == []
    assert index.query("the and of it would could") == []


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_query_never_raises_when_input_is_hostile(index, text):
    matches = index.query(text, limit=3)
    assert len(matches) <= 3
    assert all(isinstance(m, Match) and 0.0 <= m.score <= 1.0 for m in matches)


def test_query_truncates_quickly_when_text_is_a_megabyte(index):
    start = time.perf_counter()
    index.query("missed bin collection " * 50_000)
    assert time.perf_counter() - start < 1.0


def test_query_breaks_ties_by_id_when_documents_are_duplicates():
    index = SimilarityIndex([(9, "free flu jabs"), (4, "free flu jabs"), (7, "free flu jabs")])
    matches = index.query("flu jabs for free")
    assert ids(matches) == [4, 7, 9]
    assert len({m.score for m in matches}) == 1


def test_query_finds_the_only_document_when_index_has_one():
    index = SimilarityIndex([(42, "Plant street trees on estates")])
    assert ids(index.query("more trees on the estate please")) == [42]


# add, replace, remove


def test_add_makes_document_findable_when_index_started_empty():
    index = SimilarityIndex()
    index.add(1, "Install solar panels on depot roofs")
    assert ids(index.query("solar on the roofs of our depots")) == [1]
    assert len(index) == 1


def test_add_indexes_words_the_index_never_saw_when_fitted_already():
    index = SimilarityIndex(IDEAS.items())
    index.add(99, "Zorbing sessions for apprentices")
    assert index.query("zorbing")[0].id == 99


def test_add_replaces_text_when_id_already_stored():
    local = SimilarityIndex(IDEAS.items())
    local.add(5, "Composting workshops for allotment holders")
    assert 5 not in ids(local.query("cameras at fly-tipping hotspots"))
    assert local.query("composting workshops")[0].id == 5
    assert len(local) == len(IDEAS)


def test_add_refuses_ids_when_not_integers():
    index = SimilarityIndex()
    with pytest.raises(TypeError):
        index.add("7", "text")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        SimilarityIndex([(True, "text")])


def test_remove_forgets_document_when_present():
    index = SimilarityIndex(IDEAS.items())
    index.remove(5)
    assert 5 not in ids(index.query(IDEAS[5], min_score=0.0, limit=20))
    assert len(index) == len(IDEAS) - 1


def test_remove_does_nothing_when_id_absent():
    index = SimilarityIndex(IDEAS.items())
    index.remove(12345)
    index.remove(12345)
    assert len(index) == len(IDEAS)


def test_added_documents_stay_correct_when_folded_into_the_main_matrix():
    class SmallDelta(SimilarityIndex):
        settings = Settings(delta_min=3, refit_below=0)

    index = SmallDelta(IDEAS.items())
    for doc_id in range(100, 120):
        index.add(doc_id, f"Idea number {doc_id}: recycling bins for block {doc_id}")
    index.add(103, "Replaced: electric pool cars with chargers at the depot")
    index.remove(104)
    index.remove(1)
    assert len(index) == len(IDEAS) + 20 - 2
    assert index.query("electric pool cars")[0].id == 103
    found = ids(index.query("recycling bins block", limit=50, min_score=0.0))
    assert 104 not in found
    assert 1 not in found
    assert 103 not in found[:5]
    assert set(range(105, 120)) <= set(found)


# similar_to


def test_similar_to_excludes_itself_when_document_is_stored():
    index = SimilarityIndex([*IDEAS.items(), (11, "Free flu vaccinations for care staff")])
    matches = index.similar_to(11)
    assert 11 not in ids(matches)
    assert matches[0].id == 7


def test_similar_to_returns_empty_when_id_unknown(index):
    assert index.similar_to(999) == []


# threads


def test_queries_stay_correct_when_another_thread_adds_concurrently():
    index = SimilarityIndex(IDEAS.items())
    errors: list[BaseException] = []
    wrong: list[list[int]] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                found = ids(index.query("pay council tax in twelve instalments"))
                if not found or found[0] != 2:
                    wrong.append(found)
                time.sleep(0.001)  # let the writer have the GIL now and then
        except BaseException as error:  # noqa: BLE001 - any error fails the test below
            errors.append(error)

    def writer() -> None:
        try:
            for doc_id in range(1_000, 1_080):
                index.add(doc_id, f"Idea {doc_id} about parks, libraries and bus stops")
                if doc_id % 7 == 0:
                    index.remove(doc_id - 3)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    readers = [threading.Thread(target=reader) for _ in range(3)]
    adding = threading.Thread(target=writer)
    for thread in [*readers, adding]:
        thread.start()
    adding.join()
    stop.set()
    for thread in readers:
        thread.join()
    assert errors == []
    assert wrong == []
    assert index.query("Idea 1079 about parks")[0].id == 1079


# properties

texts = st.text(max_size=300) | st.sampled_from(list(IDEAS.values()) + HOSTILE[:-2])


@settings(max_examples=150, deadline=None)
@given(
    text=texts,
    limit=st.integers(min_value=-2, max_value=15),
    exclude=st.sets(st.integers(min_value=0, max_value=12), max_size=6),
    min_score=st.floats(min_value=-1.0, max_value=1.5, allow_nan=False),
)
def test_query_results_are_well_formed_when_input_is_arbitrary(
    index, text, limit, exclude, min_score
):
    matches = index.query(text, limit=limit, exclude=exclude, min_score=min_score)
    assert len(matches) <= max(limit, 0)
    assert not {m.id for m in matches} & exclude
    assert all(0.0 <= m.score <= 1.0 and m.score >= min_score for m in matches)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert len(set(ids(matches))) == len(matches)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=500))
def test_normalise_is_idempotent_when_text_is_arbitrary(text):
    once = normalise(text)
    assert normalise(once) == once
    assert "  " not in once
    assert once == once.strip()
