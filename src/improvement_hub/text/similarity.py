"""An in-memory index that finds the stored ideas most similar to a piece of text.

Each document becomes one sparse TF-IDF vector: a block of stemmed word uni/bigrams and a
block of character n-grams, each L2-normalised and weighted so that the dot product of two
vectors is a weighted mean of the two cosine similarities, between 0 and 1. The matrix is
kept column-major so a query touches only the posting lists of its own terms.

Readers never lock: every write builds a new immutable snapshot under a lock and swaps it
in. New documents go to a small row-major "delta" matrix transformed with the fitted
vocabulary, and are folded into the main matrix once the delta grows past a fraction of it.
"""

import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from improvement_hub.text.analysis import MAX_CHARS, Features, analyse

__all__ = ["DEFAULT_MIN_SCORE", "Match", "Settings", "SimilarityIndex"]

DEFAULT_MIN_SCORE = 0.05


@dataclass(frozen=True, slots=True)
class Match:
    """One stored document and how similar it is to the query, from 0 to 1."""

    id: int
    score: float


@dataclass(frozen=True)
class Settings:
    """How texts are turned into vectors; the defaults are the benchmarked choice."""

    word_weight: float = 0.5
    char_ngrams: tuple[int, int] = (3, 4)
    stemming: bool = True
    synonyms: bool = True
    char_max_df: float = 0.1
    word_max_df: float = 1.0
    pair_window: int = 2
    ordered_pairs: bool = False
    idf_power: float = 1.0
    binary: bool = True
    # Refit the vocabulary when a small corpus has doubled since the last fit.
    refit_below: int = 20_000
    # Fold new documents into the main matrix once there are this many (or a tenth of it).
    delta_min: int = 512


def _identity(features: list[str]) -> list[str]:
    return features


class _Encoder:
    """Fitted vocabulary and IDF weights; read-only after construction, so thread-safe."""

    def __init__(self, analysed: list[Features], settings: Settings) -> None:
        self.settings = settings
        common = {
            "analyzer": _identity,
            "sublinear_tf": True,
            "dtype": np.float32,
            "binary": settings.binary,
        }
        # A fraction of a small corpus would prune everything: never below 50 documents.
        n = len(analysed)
        self.words = TfidfVectorizer(**common, max_df=max(int(settings.word_max_df * n), 50))
        self.chars = TfidfVectorizer(**common, max_df=max(int(settings.char_max_df * n), 50))
        self.fitted_on = len(analysed)
        self.words.fit([words for words, _ in analysed])
        self.chars.fit([chars for _, chars in analysed])
        if settings.idf_power != 1.0:
            for vectorizer in (self.words, self.chars):
                vectorizer.idf_ = vectorizer.idf_**settings.idf_power
        self.word_scale = np.float32(np.sqrt(settings.word_weight))
        self.char_scale = np.float32(np.sqrt(1.0 - settings.word_weight))

    def encode(self, analysed: list[Features]) -> sp.csr_matrix:
        words = self.words.transform([words for words, _ in analysed]) * self.word_scale
        chars = self.chars.transform([chars for _, chars in analysed]) * self.char_scale
        return sp.hstack([words, chars], format="csr", dtype=np.float32)

    def analyse(self, text: str) -> Features:
        return analyse_with(self.settings, text)


@dataclass(frozen=True)
class _Snapshot:
    encoder: _Encoder | None = None
    main: sp.csc_matrix = field(default_factory=lambda: sp.csc_matrix((0, 0), dtype=np.float32))
    main_ids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    alive: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=bool))
    delta: sp.csr_matrix = field(default_factory=lambda: sp.csr_matrix((0, 0), dtype=np.float32))
    delta_ids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))

    def scores(self, query: sp.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        """Score every live document against a one-row query; returns (ids, scores)."""
        # Column slicing touches only the posting lists of the query's own terms.
        main_scores = self.main[:, query.indices] @ query.data.astype(np.float64)
        main_scores[~self.alive] = -1.0
        if self.delta.shape[0]:
            delta_scores = (self.delta @ query.T).toarray().ravel()
            return (
                np.concatenate([self.main_ids, self.delta_ids]),
                np.concatenate([main_scores, delta_scores]),
            )
        return self.main_ids, main_scores


def _check_id(doc_id: int) -> int:
    if isinstance(doc_id, bool) or not isinstance(doc_id, int | np.integer):
        raise TypeError(f"document ids must be integers, not {type(doc_id).__name__}")
    if not -(2**63) <= doc_id < 2**63:
        raise ValueError("document ids must fit in 64 bits")
    return int(doc_id)


class SimilarityIndex:
    """Finds stored (id, text) documents similar to a text; safe to query from many threads."""

    settings = Settings()

    def __init__(self, documents: Iterable[tuple[int, str]] = ()) -> None:
        """Fit the vocabulary on `documents`, later ids replacing earlier; refuses non-int ids."""
        self._lock = threading.Lock()
        self._texts: dict[int, str] = {}
        for doc_id, text in documents:
            self._texts[_check_id(doc_id)] = str(text)[:MAX_CHARS]
        self._main_rows: dict[int, int] = {}
        self._delta_rows: dict[int, int] = {}
        self._snapshot = _Snapshot()
        self._refit()

    def __len__(self) -> int:
        """Return how many documents are stored."""
        return len(self._texts)

    def __contains__(self, doc_id: object) -> bool:
        """Return whether a document with this id is stored."""
        return doc_id in self._texts

    def add(self, doc_id: int, text: str) -> None:
        """Store or replace one document using the fitted vocabulary; refuses non-int ids."""
        doc_id, text = _check_id(doc_id), str(text)[:MAX_CHARS]
        with self._lock:
            self._texts[doc_id] = text
            encoder = self._snapshot.encoder
            if encoder is None or (
                encoder.fitted_on < self.settings.refit_below
                and len(self._texts) >= 2 * encoder.fitted_on
            ):
                self._refit()
                return
            snapshot = self._without(doc_id)
            row = encoder.encode([encoder.analyse(text)])
            self._delta_rows[doc_id] = snapshot.delta.shape[0]
            snapshot = _Snapshot(
                encoder=encoder,
                main=snapshot.main,
                main_ids=snapshot.main_ids,
                alive=snapshot.alive,
                delta=sp.vstack([snapshot.delta, row], format="csr"),
                delta_ids=np.append(snapshot.delta_ids, doc_id),
            )
            if len(self._delta_rows) > max(self.settings.delta_min, snapshot.main.shape[0] // 10):
                snapshot = self._compact(snapshot)
            self._snapshot = snapshot

    def remove(self, doc_id: int) -> None:
        """Forget one document; does nothing if it is not stored."""
        with self._lock:
            if self._texts.pop(doc_id, None) is not None:
                self._snapshot = self._without(doc_id)

    def query(
        self,
        text: str,
        *,
        limit: int = 5,
        exclude: Collection[int] = (),
        min_score: float = DEFAULT_MIN_SCORE,
    ) -> list[Match]:
        """Return up to `limit` documents scoring at least `min_score`, best first; never raises
        on odd text, and returns [] for empty, stop-word-only or unmatched text."""
        snapshot = self._snapshot
        encoder = snapshot.encoder
        if limit <= 0 or encoder is None or not isinstance(text, str):
            return []
        vector = encoder.encode([encoder.analyse(text)])
        if vector.nnz == 0:
            return []
        ids, scores = snapshot.scores(vector)
        candidates = np.flatnonzero(scores >= max(min_score, 0.0))
        if exclude:
            excluded = np.fromiter(
                (int(e) for e in exclude if isinstance(e, int | np.integer)), dtype=np.int64
            )
            candidates = candidates[~np.isin(ids[candidates], excluded)]
        if len(candidates) > limit:
            top = np.argpartition(-scores[candidates], limit - 1)[:limit]
            candidates = candidates[top]
        order = np.lexsort((ids[candidates], -scores[candidates]))
        return [
            Match(id=int(ids[i]), score=float(min(max(scores[i], 0.0), 1.0)))
            for i in candidates[order]
        ]

    def similar_to(
        self, doc_id: int, *, limit: int = 5, min_score: float = DEFAULT_MIN_SCORE
    ) -> list[Match]:
        """Return documents similar to a stored one, never itself; [] if the id is not stored."""
        text = self._texts.get(doc_id)
        if text is None:
            return []
        return self.query(text, limit=limit, exclude=(doc_id,), min_score=min_score)

    # Writers: called with the lock held (or from __init__).

    def _refit(self) -> None:
        ids = list(self._texts)
        analysed = [analyse_with(self.settings, self._texts[i]) for i in ids]
        if not any(words for words, _ in analysed):
            self._snapshot, self._main_rows, self._delta_rows = _Snapshot(), {}, {}
            return
        encoder = _Encoder(analysed, self.settings)
        main = encoder.encode(analysed)
        self._snapshot = _Snapshot(
            encoder=encoder,
            main=main.tocsc(),
            main_ids=np.array(ids, dtype=np.int64),
            alive=np.ones(len(ids), dtype=bool),
            delta=main[:0],
        )
        self._main_rows = {doc_id: row for row, doc_id in enumerate(ids)}
        self._delta_rows = {}

    def _without(self, doc_id: int) -> _Snapshot:
        """The current snapshot with `doc_id` no longer live."""
        snapshot = self._snapshot
        alive, delta, delta_ids = snapshot.alive, snapshot.delta, snapshot.delta_ids
        row = self._main_rows.pop(doc_id, None)
        if row is not None:
            alive = alive.copy()
            alive[row] = False
        row = self._delta_rows.pop(doc_id, None)
        if row is not None:
            keep = np.arange(delta.shape[0]) != row
            delta, delta_ids = delta[keep], delta_ids[keep]
            self._delta_rows = {d: r - (r > row) for d, r in self._delta_rows.items()}
        return _Snapshot(
            snapshot.encoder, snapshot.main, snapshot.main_ids, alive, delta, delta_ids
        )

    def _compact(self, snapshot: _Snapshot) -> _Snapshot:
        live = snapshot.main.tocsr()[snapshot.alive]
        main = sp.vstack([live, snapshot.delta], format="csr").tocsc()
        ids = np.concatenate([snapshot.main_ids[snapshot.alive], snapshot.delta_ids])
        self._main_rows = {int(doc_id): row for row, doc_id in enumerate(ids)}
        self._delta_rows = {}
        alive = np.ones(len(ids), dtype=bool)
        return _Snapshot(snapshot.encoder, main, ids, alive, snapshot.delta[:0], ids[:0])


def analyse_with(settings: Settings, text: str) -> Features:
    """Analyse `text` as an index with these settings would; refuses nothing."""
    return analyse(
        text,
        stemming=settings.stemming,
        synonyms=settings.synonyms,
        char_ngrams=settings.char_ngrams,
        pair_window=settings.pair_window,
        ordered_pairs=settings.ordered_pairs,
    )
