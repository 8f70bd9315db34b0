"""Write pairs.jsonl: one near-duplicate pair per hand-written idea in concepts.py.

Each pair puts the officer's wording on one side and the frontline worker's on the other
(alternating which is `a`), then styles each side a little differently: long-winded
padding, typing slips, or sentences in another order. Deterministic (seeded).

    .venv/bin/python -m bench.similarity.make_pairs
"""

import json
import random
import re
from pathlib import Path

from bench.similarity.concepts import CONCEPTS
from bench.similarity.corpus import HEDGES, pad

PAIRS_PATH = Path(__file__).with_name("pairs.jsonl")
SEED = 20260303

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def long_winded(text: str, rng: random.Random) -> str:
    """Pad with a preamble, a hedge and a sign-off, as a long-winded writer would."""
    sentences = _SENTENCE.split(text)
    hedge = rng.choice(HEDGES)
    sentences[-1] = hedge + sentences[-1][0].lower() + sentences[-1][1:]
    return pad(" ".join(sentences), rng)


def reordered(text: str, rng: random.Random) -> str:
    """Put the sentences in reverse order (the proposal before the problem)."""
    return " ".join(reversed(_SENTENCE.split(text)))


def typos(text: str, rng: random.Random, rate: float = 0.12) -> str:
    """Make slips of the keyboard in about `rate` of the longer words."""
    out = []
    for word in text.split(" "):
        if len(word) > 4 and word.isalpha() and rng.random() < rate:
            i = rng.randrange(1, len(word) - 2)
            slip = rng.choice(("swap", "drop", "double"))
            if slip == "swap":
                word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            elif slip == "drop":
                word = word[:i] + word[i + 1 :]
            else:
                word = word[:i] + word[i] + word[i:]
        out.append(word)
    return " ".join(out)


STYLES = {"long-winded": long_winded, "reordered": reordered, "typos": typos}


def make_pairs() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    pairs = []
    for number, (topic, officer, frontline) in enumerate(CONCEPTS, start=1):
        sides = [("officer", officer), ("frontline", frontline)]
        if number % 2 == 0:
            sides.reverse()
        extra_a, extra_b = rng.sample([None, *STYLES], 2)
        texts, styles = [], []
        for (voice, text), extra in zip(sides, (extra_a, extra_b), strict=True):
            if extra == "reordered" and len(_SENTENCE.split(text)) < 2:
                extra = "long-winded" if "long-winded" not in (extra_a, extra_b) else "typos"
            if extra is not None:
                text = STYLES[extra](text, rng)
            texts.append(text)
            styles.append(voice if extra is None else f"{voice}+{extra}")
        pairs.append({"id": number, "a": texts[0], "b": texts[1], "topic": topic, "styles": styles})
    return pairs


def main() -> None:
    pairs = make_pairs()
    with PAIRS_PATH.open("w", encoding="utf-8") as out:
        for pair in pairs:
            out.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"wrote {len(pairs)} pairs to {PAIRS_PATH}")


if __name__ == "__main__":
    main()
