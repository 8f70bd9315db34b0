"""Benchmark for improvement_hub.text: similar-idea quality and query latency.

    .venv/bin/python -m bench.similarity.run                 # both parts, defaults
    .venv/bin/python -m bench.similarity.run --ideas 20000 --queries 200
    .venv/bin/python -m bench.similarity.run --compare --skip-latency

Quality: every `b` of pairs.jsonl is indexed with a pool of synthetic distractor ideas;
each `a` is queried and we look for its `b` in the results. Latency: an index of synthetic
ideas is built and timed, then queried with ideas it does not contain.
"""

import argparse
import gc
import json
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.similarity.corpus import ideas
from improvement_hub.text import SimilarityIndex
from improvement_hub.text.similarity import Settings

PAIRS_PATH = Path(__file__).with_name("pairs.jsonl")
DISTRACTOR_BASE = 1_000_000

VARIANTS: dict[str, Settings] = {
    "chosen (defaults)": Settings(),
    "counted tf (1 + log) instead of binary": Settings(binary=False),
    "words only (terms 0.8, pairs 0.2)": Settings(weights=(0.8, 0.2, 0.0)),
    "word terms only": Settings(weights=(1.0, 0.0, 0.0)),
    "char n-grams only": Settings(weights=(0.0, 0.0, 1.0)),
    "terms 0.5, no pairs, chars 0.5": Settings(weights=(0.5, 0.0, 0.5)),
    "terms 0.3, pairs 0.2, chars 0.5": Settings(weights=(0.3, 0.2, 0.5)),
    "terms 0.4, pairs 0.1, chars 0.5": Settings(weights=(0.4, 0.1, 0.5)),
    "terms 0.3, pairs 0.1, chars 0.6": Settings(weights=(0.3, 0.1, 0.6)),
    "no synonym map": Settings(synonyms=False),
    "no stemming, no synonyms": Settings(stemming=False, synonyms=False),
    "char 3-5 grams": Settings(char_ngrams=(3, 5)),
    "adjacent ordered bigrams": Settings(pair_window=1, ordered_pairs=True),
    "no df pruning": Settings(max_df=(1.0, 1.0, 1.0)),
    "char grams in < 5% of docs": Settings(max_df=(1.0, 1.0, 0.05)),
    "also terms in < 5% of docs": Settings(max_df=(0.05, 1.0, 0.1)),
}


@dataclass
class Quality:
    hit_at_1: float
    hit_at_5: float
    mrr_at_10: float
    queries: int
    indexed: int


def load_pairs(path: Path = PAIRS_PATH) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def index_class(settings: Settings) -> type[SimilarityIndex]:
    return type("BenchIndex", (SimilarityIndex,), {"settings": settings})


def measure_quality(
    pairs: list[dict[str, object]], distractors: list[str], settings: Settings
) -> Quality:
    documents = [(int(p["id"]), str(p["b"])) for p in pairs]
    documents += [(DISTRACTOR_BASE + i, text) for i, text in enumerate(distractors)]
    index = index_class(settings)(documents)
    hits_1 = hits_5 = 0
    reciprocal = 0.0
    for pair in pairs:
        ranked = [m.id for m in index.query(str(pair["a"]), limit=10)]
        if ranked[:1] == [pair["id"]]:
            hits_1 += 1
        if pair["id"] in ranked[:5]:
            hits_5 += 1
        if pair["id"] in ranked:
            reciprocal += 1 / (ranked.index(pair["id"]) + 1)
    n = len(pairs)
    return Quality(hits_1 / n, hits_5 / n, reciprocal / n, n, len(index))


def percentile(sorted_values: list[float], p: float) -> float:
    rank = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[rank]


def max_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def index_mib(index: SimilarityIndex) -> float:
    snapshot = index._snapshot  # noqa: SLF001 - the benchmark reports the matrix size
    arrays = [snapshot.main.data, snapshot.main.indices, snapshot.main.indptr]
    return sum(a.nbytes for a in arrays) / 2**20


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def measure_latency(n_ideas: int, n_queries: int, settings: Settings) -> list[tuple[str, str]]:
    texts = ideas(n_ideas, seed=1, long=True)
    rss_before = max_rss_mib()
    gc.collect()
    start = time.perf_counter()
    index = index_class(settings)(enumerate(texts))
    build_s = time.perf_counter() - start
    rss_after = max_rss_mib()
    del texts
    rows = [
        ("documents", f"{len(index):,}"),
        ("build time", f"{build_s:.1f} s"),
        ("index matrix size", f"{index_mib(index):.0f} MiB"),
        ("peak process memory (RSS)", f"{rss_after:.0f} MiB (+{rss_after - rss_before:.0f})"),
    ]
    for label, long in (("long query (60-120 words)", True), ("short query (20-55 words)", False)):
        queries = iter(ideas(n_queries, seed=2 if long else 3, long=long))
        times = timed(lambda queries=queries: index.query(next(queries)), n_queries)
        rows.append(
            (
                f"{label}: p50 / p95 / p99 / max",
                " / ".join(
                    f"{v:.1f}"
                    for v in (
                        statistics.median(times),
                        percentile(times, 95),
                        percentile(times, 99),
                        times[-1],
                    )
                )
                + " ms",
            )
        )
    additions = iter(ideas(200, seed=4, long=True))
    next_id = iter(range(n_ideas, n_ideas + 200))
    times = timed(lambda: index.add(next(next_id), next(additions)), 200)
    rows.append(("add one idea: p50 / max", f"{statistics.median(times):.1f} / {times[-1]:.0f} ms"))
    with index._lock:  # noqa: SLF001 - time folding the added ideas into the main matrix
        start = time.perf_counter()
        index._snapshot = index._compact(index._snapshot)  # noqa: SLF001
        compact_s = time.perf_counter() - start
    rows.append(("fold added ideas into the main matrix", f"{compact_s:.1f} s"))
    times = timed(lambda: index.similar_to(7), 50)
    rows.append(("similar_to: p50", f"{statistics.median(times):.1f} ms"))
    return rows


def markdown(headers: list[str], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def quality_row(name: str, q: Quality) -> tuple[str, ...]:
    return (name, f"{q.hit_at_5:.3f}", f"{q.hit_at_1:.3f}", f"{q.mrr_at_10:.3f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=100_000, help="documents for latency")
    parser.add_argument("--queries", type=int, default=1_000, help="timed queries per kind")
    parser.add_argument("--distractors", type=int, default=2_000, help="distractor pool size")
    parser.add_argument("--compare", action="store_true", help="also score other settings")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-latency", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()

    if not args.skip_quality:
        pairs = load_pairs()
        distractors = ideas(args.distractors, seed=0)
        variants = VARIANTS if args.compare else {"chosen (defaults)": settings}
        rows = []
        for name, variant in variants.items():
            quality = measure_quality(pairs, distractors, variant)
            rows.append(quality_row(name, quality))
        print(
            f"\nQuality: {quality.queries} pairs, {quality.indexed:,} documents indexed "
            f"({len(pairs)} targets + {len(distractors):,} distractors)\n"
        )
        print(markdown(["settings", "precision@5 (hit rate)", "@1", "MRR@10"], rows))

    if not args.skip_latency:
        rows = measure_latency(args.ideas, args.queries, settings)
        print(f"\nLatency ({args.queries:,} queries per kind)\n")
        print(markdown(["what", "figure"], rows))


if __name__ == "__main__":
    main()
