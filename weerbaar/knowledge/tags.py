"""Tags are typed as a comma-separated list; they are stored normalised."""

from __future__ import annotations

MAX_TAG_LENGTH = 40


def normalise_tags(text: str) -> str:
    """Lower-case, trimmed, inner spaces collapsed, duplicates and empties dropped, in order."""
    tags: list[str] = []
    for raw in text.split(","):
        tag = " ".join(raw.split()).lower()[:MAX_TAG_LENGTH]
        if tag and tag not in tags:
            tags.append(tag)
    return ",".join(tags)
