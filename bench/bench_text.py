"""Benchmark the text engine (weerbaar/text) on one core: redaction, classification, clustering.

``.venv/bin/python bench/bench_text.py`` builds synthetic signals from the seed set (each a
seed text with some words swapped for words of other seeds, plus planted personal data in
every third one), then measures

* redaction: texts per second, and the median and 95th percentile time for a 1,000-character text;
* classification with the bootstrap model: texts per second (``top(text, 3)``);
* redact + classify together: texts per second;
* near-duplicates: time to index N texts, and the median and 95th percentile time of a query
  against N indexed texts (N = 10,000 by default; ``--index 100000`` for the issue's size),
  and as a baseline the median time of a full scan (every indexed text scored) for the first
  ``--scan-queries`` of the same queries.

All times are CPU time of this process (``time.process_time``), so a busy machine does not
inflate them. It prints a table and, with ``--json PATH``, writes the figures. Only the
standard library and the text engine are used (no Django). Figures vary with the machine;
compare runs on one machine.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from weerbaar.text import redact
from weerbaar.text.classify import ThemeModel, bootstrap_model, seed_examples
from weerbaar.text.similarity import NearDuplicateIndex, features, weight

PLANTED = [
    "Het gaat om Daan de Vries, 06-12345678.",
    "Zijn zus Fatima (insta: fatima.x2010) is bang.",
    "Mail naar j.jansen@example.nl of bel 030-1234567.",
    "Ze woont op de Kerkstraat 5a, 3511 AB Utrecht.",
    "Meneer Bakker zag een auto met kenteken 12-ABC-3.",
    "Volg @kevin_2009 of https://www.tiktok.com/@kevin_2009 niet.",
]


def synthetic_signals(count: int, seed: int = 7) -> list[str]:
    """``count`` signal-like texts: seed texts with swapped words and planted personal data."""
    rng = random.Random(seed)
    texts = [text for text, _label in seed_examples()]
    vocabulary = sorted({word for text in texts for word in text.split()})
    signals = []
    for i in range(count):
        words = rng.choice(texts).split()
        for position in range(len(words)):
            if rng.random() < 0.25:
                words[position] = rng.choice(vocabulary)
        text = " ".join(words)
        if i % 3 == 0:
            text += " " + rng.choice(PLANTED)
        signals.append(text)
    return signals


def long_text(rng: random.Random, length: int = 1000) -> str:
    texts = [text for text, _label in seed_examples()] + PLANTED
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(rng.choice(texts))
    return " ".join(parts)[:length]


def clock() -> float:
    """CPU seconds of this process: what the work costs on one core, whatever else the machine
    runs (wall-clock figures on a busy shared machine mostly measure the wait for a core)."""
    return time.process_time()


def per_second(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("inf")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def full_scan(
    text: str, stored: list[tuple[int, frozenset[str]]], totals: list[float], threshold: float
) -> list[tuple[float, int]]:
    """The best 5 (similarity, key) of all ``stored`` texts, scored one by one."""
    found = features(text)
    total = sum(map(weight, found))
    scores = []
    for (key, other), other_total in zip(stored, totals, strict=True):
        if total and other_total:
            similarity = 2 * sum(map(weight, found & other)) / (total + other_total)
            if similarity >= threshold:
                scores.append((similarity, key))
    return sorted(scores, reverse=True)[:5]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5_000, help="texts to redact and classify")
    parser.add_argument(
        "--index", type=int, default=10_000, help="texts in the near-duplicate index"
    )
    parser.add_argument("--queries", type=int, default=500, help="near-duplicate queries")
    parser.add_argument("--threshold", type=float, default=0.35, help="index threshold")
    parser.add_argument(
        "--scan-queries", type=int, default=10, help="queries answered by a full scan (baseline)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    rng = random.Random(11)
    figures: dict[str, float | int | str] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    signals = synthetic_signals(max(args.texts, args.index) + args.queries)

    # Redaction of 1,000-character texts, one at a time.
    samples = [long_text(rng) for _ in range(200)]
    for text in samples[:20]:
        redact(text)
    timings = []
    for text in samples:
        started = clock()
        redact(text)
        timings.append((clock() - started) * 1000)
    figures["redact_1000_chars_median_ms"] = round(statistics.median(timings), 3)
    figures["redact_1000_chars_p95_ms"] = round(percentile(timings, 0.95), 3)

    # Adversarial inputs of 20,000 characters: runs of digits, prefixes, names, handles.
    worst = 0.0
    for piece in ("1 ", "12-", "@", "van de ", "daan ", "Daan ", "Jan 06 van 1234 AB @x www. "):
        text = (piece * (20_000 // len(piece) + 1))[:20_000]
        started = clock()
        redact(text)
        worst = max(worst, clock() - started)
    figures["redact_20000_chars_adversarial_worst_ms"] = round(worst * 1000, 1)

    batch = signals[: args.texts]
    figures["mean_signal_chars"] = round(statistics.mean(len(t) for t in batch))
    started = clock()
    for text in batch:
        redact(text)
    figures["redact_per_s"] = round(per_second(len(batch), clock() - started))

    started = clock()
    model = bootstrap_model()
    figures["train_bootstrap_ms"] = round((clock() - started) * 1000, 1)
    started = clock()
    for text in batch:
        model.top(text, 3)
    figures["classify_per_s"] = round(per_second(len(batch), clock() - started))

    started = clock()
    for text in batch:
        model.top(redact(text).text, 3)
    figures["redact_and_classify_per_s"] = round(per_second(len(batch), clock() - started))

    started = clock()
    evaluation = ThemeModel.evaluate(seed_examples(), folds=5)
    figures["evaluate_5_fold_s"] = round(clock() - started, 2)
    figures["seed_macro_f1"] = evaluation.macro_f1

    index = NearDuplicateIndex(threshold=args.threshold)
    indexed = signals[: args.index]
    started = clock()
    for key, text in enumerate(indexed):
        index.add(key, text)
    figures["index_size"] = len(index)
    figures["index_build_s"] = round(clock() - started, 2)
    queries = [rng.choice(indexed) if i % 2 else signals[-1 - i] for i in range(args.queries)]
    timings = []
    found = 0
    for text in queries:
        started = clock()
        found += bool(index.query(text, limit=5))
        timings.append((clock() - started) * 1000)
    figures["query_median_ms"] = round(statistics.median(timings), 3)
    figures["query_p95_ms"] = round(percentile(timings, 0.95), 3)
    figures["queries_with_a_match"] = found

    # Baseline in the same run: the same queries answered by scoring every indexed text.
    stored = [(key, features(text)) for key, text in enumerate(indexed)]
    totals = [sum(map(weight, found)) for _key, found in stored]
    timings = []
    for text in queries[: args.scan_queries]:
        started = clock()
        full_scan(text, stored, totals, args.threshold)
        timings.append((clock() - started) * 1000)
    if timings:
        figures["query_full_scan_median_ms"] = round(statistics.median(timings), 1)

    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
