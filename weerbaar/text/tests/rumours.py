"""Synthetic incidents, each told by several reporters in their own words (for tests)."""

from __future__ import annotations

from pathlib import Path


def _read() -> tuple[dict[str, list[str]], list[str]]:
    incidents: dict[str, list[str]] = {}
    unrelated: list[str] = []
    for line in (Path(__file__).parent / "rumours.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        incident, text = line.split("\t", 1)
        if incident == "-":
            unrelated.append(text)
        else:
            incidents.setdefault(incident, []).append(text)
    return incidents, unrelated


INCIDENTS, UNRELATED = _read()
