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
