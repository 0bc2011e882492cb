"""The word lists in ``data/``: one or more words a line, ``#`` starts a comment line."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_words(*files: str) -> frozenset[str]:
    """The lowercased words of the given files in ``data/``."""
    words: set[str] = set()
    for name in files:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                words.update(word.lower() for word in line.split())
    return frozenset(words)


def read_seed_labelled() -> list[tuple[str, str]]:
    """The ``(text, theme)`` pairs of ``data/seed_examples.tsv``."""
    examples = []
    for line in (DATA / "seed_examples.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            examples.append((text.strip(), label.strip()))
    return examples


def read_seed_texts() -> list[str]:
    return [text for text, _label in read_seed_labelled()]
