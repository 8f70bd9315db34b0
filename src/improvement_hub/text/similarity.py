"""An in-memory index that finds the stored ideas most similar to a piece of text.

Each document becomes one sparse vector in three blocks: stemmed word terms (with council
synonyms folded together), unordered pairs of nearby terms, and character 3-4-grams of the
words (typos, word forms). Each block is IDF-weighted over binary term presence (short
texts gain nothing from counting repeats, and lose to ideas that repeat one phrase),
L2-normalised and scaled so that the dot product of two vectors is a weighted mean of
three cosine similarities, between 0 and 1. The matrix is kept column-major so a query
touches only the posting lists of its own features.

Readers never lock: every write builds a new immutable snapshot under a lock and swaps it
in. New documents go to a small row-major "delta" matrix weighted with the fitted IDF, and
are folded into the main matrix once the delta grows past a fraction of it. A small index
refits its IDF weights whenever it has doubled since the last fit.

Features are hashed (no vocabulary to keep in step), so words first seen in an added
document are searchable at once. Character n-grams found in more than a tenth of the
documents are dropped: they barely tell ideas apart, and their long posting lists are
what slows a query down. bench/similarity and docs/performance.md have the measurements
behind each of these choices."""

import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

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

    # Share of the score from word terms, pairs of nearby terms and character n-grams.
    weights: tuple[float, float, float] = (0.5, 0.1, 0.4)
    char_ngrams: tuple[int, int] = (3, 4)
    stemming: bool = True
    synonyms: bool = True
    pair_window: int = 2
    ordered_pairs: bool = False
    # Features in more than this share of documents are dropped: they barely discriminate
    # and their long posting lists are what makes a query slow.
    max_df: tuple[float, float, float] = (1.0, 1.0, 0.1)
    binary: bool = True
    # Refit the IDF weights when a small corpus has doubled since the last fit.
    refit_below: int = 20_000
    # Fold new documents into the main matrix once there are this many (or a tenth of it).
    delta_min: int = 512


# Hashed feature spaces, one per block, sized when fitting: about 64, 128 and 64 buckets
# per document (never fewer than 2**14, never more than the cap), so collisions stay rare
# and a small index does not pay for columns a large one needs.
_BUCKETS_PER_DOCUMENT = (64, 128, 64)
_BUCKETS_CAP = (2**20, 2**21, 2**18)
_BUCKETS_MIN = 2**14
_FIT_CHUNK = 5_000


def _identity(features: list[str]) -> list[str]:
    return features


def _scale_rows(matrix: sp.csr_matrix, length: np.float32) -> sp.csr_matrix:
    """Scale each non-empty row of `matrix` in place to Euclidean length `length`."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
    norms[norms == 0] = 1.0
    matrix.data *= (length / norms)[rows].astype(np.float32)
    return matrix


class _Encoder:
    """Hashes features and weights them by IDF; read-only once fitted, so thread-safe."""

    def __init__(self, settings: Settings, documents: int) -> None:
        # Imported here, not at the top: scikit-learn takes about 2 s of CPU to import
        # (scipy.stats), which every process that never builds an index (a management
        # command, the task worker, each test subprocess) would pay for nothing.
        from sklearn.feature_extraction.text import HashingVectorizer

        self.settings = settings
        sizes = [
            min(cap, max(_BUCKETS_MIN, 1 << (per_document * documents - 1).bit_length()))
            for per_document, cap in zip(_BUCKETS_PER_DOCUMENT, _BUCKETS_CAP, strict=True)
        ]
        self.hashers = [
            HashingVectorizer(
                analyzer=_identity,
                n_features=size,
                binary=settings.binary,
                norm=None,
                alternate_sign=False,
                dtype=np.float32,
            )
            for size in sizes
        ]
        self.idfs = [np.empty(size, dtype=np.float32) for size in sizes]
        total = sum(settings.weights)
        self.scales = [np.float32(np.sqrt(weight / total)) for weight in settings.weights]
        self.fitted_on = 0

    def analyse(self, text: str) -> Features:
        return analyse_with(self.settings, text)

    def count(self, analysed: list[Features]) -> list[sp.csr_matrix]:
        return [
            hasher.transform([features[block] for features in analysed])
            for block, hasher in enumerate(self.hashers)
        ]

    def fit(self, counts: list[sp.csr_matrix]) -> sp.csc_matrix:
        """Learn IDF weights from raw counts (consumed) and return them weighted, by column."""
        n = counts[0].shape[0]
        self.fitted_on = n
        for matrix, idf, limit in zip(counts, self.idfs, self.settings.max_df, strict=True):
            buckets, df = np.unique(matrix.indices, return_counts=True)
            idf.fill(np.log(1 + n) + 1)  # a feature no document had yet counts as rare
            idf[buckets] = np.log((1 + n) / (1 + df)) + 1
            # A share of a small corpus would drop everything: never below 50 documents.
            idf[buckets[df > max(limit * n, 50)]] = 0
        # One block at a time, letting each row-major copy go, to halve peak memory.
        blocks = []
        for block in range(len(counts)):
            blocks.append(self._weigh(counts[block], block).tocsc())
            counts[block] = None
        return sp.hstack(blocks, format="csc", dtype=np.float32)

    def _weigh(self, counts: sp.csr_matrix, block: int) -> sp.csr_matrix:
        """Turn one block's fresh counts, in place, into IDF-weighted rows of fixed length."""
        if not self.settings.binary:
            np.log1p(counts.data, out=counts.data)
        counts.data *= self.idfs[block][counts.indices]
        counts.eliminate_zeros()
        return _scale_rows(counts, self.scales[block])

    def encode(self, analysed: list[Features]) -> sp.csr_matrix:
        blocks = [self._weigh(counts, block) for block, counts in enumerate(self.count(analysed))]
        return sp.hstack(blocks, format="csr", dtype=np.float32)


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
        """Index (id, text) pairs, a repeated id keeping its last text; refuses non-int ids."""
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
        """Store or replace one document without refitting the whole index; refuses non-int ids."""
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
        """Return up to `limit` documents scoring >= `min_score`, best first; never raises."""
        snapshot = self._snapshot
        encoder = snapshot.encoder
        if limit <= 0 or encoder is None or not isinstance(text, str):
            return []
        vector = encoder.encode([encoder.analyse(text)])
        if vector.nnz == 0:
            return []
        ids, scores = snapshot.scores(vector)
        # A document sharing no feature with the text is never a match, whatever min_score.
        candidates = np.flatnonzero((scores >= min_score) & (scores > 0.0))
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
        encoder = _Encoder(self.settings, len(ids))
        chunks = [
            encoder.count(
                [encoder.analyse(self._texts[i]) for i in ids[start : start + _FIT_CHUNK]]
            )
            for start in range(0, len(ids), _FIT_CHUNK)
        ]
        if not any(chunk[0].nnz for chunk in chunks):
            self._snapshot, self._main_rows, self._delta_rows = _Snapshot(), {}, {}
            return
        counts = [sp.vstack(block, format="csr") for block in zip(*chunks, strict=True)]
        del chunks
        main = encoder.fit(counts)
        self._snapshot = _Snapshot(
            encoder=encoder,
            main=main,
            main_ids=np.array(ids, dtype=np.int64),
            alive=np.ones(len(ids), dtype=bool),
            delta=sp.csr_matrix((0, main.shape[1]), dtype=np.float32),
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
