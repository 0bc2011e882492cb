"""What is new for a member: a small registry other apps plug their news into.

An app registers an ``UpdateSource`` once, from its ``AppConfig.ready()``::

    from weerbaar.updates.registry import UpdateSource, register

    register(UpdateSource("events", _("Events"), collect_new_events))

``collect(coalition, user, since)`` returns the ``Update`` rows the member may see in
``coalition`` that appeared after ``since`` — the source applies its own visibility rules
(e.g. ``KnowledgeItem.objects.visible_in``) and leaves out what the member made themself.
The member home ("new since your last visit") and the weekly digest mail show every source,
in the order they were registered, each with at most ``limit`` rows, newest first.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from weerbaar.accounts.models import User
    from weerbaar.coalitions.models import Coalition


@dataclass(frozen=True)
class Update:
    title: str
    # A path inside the coalition the member looks from; the mail makes it absolute.
    path: str
    at: datetime.datetime
    # What kind of thing it is, for example "Lesson learned" or "Finished experiment".
    kind: str = ""
    # The other coalition's name when the row was shared by another coalition.
    from_coalition: str = ""


Collect = Callable[["Coalition", "User", datetime.datetime, int], list[Update]]


@dataclass(frozen=True)
class UpdateSource:
    key: str
    label: str | Promise
    collect: Collect


@dataclass(frozen=True)
class UpdateGroup:
    source: UpdateSource
    updates: list[Update] = field(default_factory=list)


_SOURCES: dict[str, UpdateSource] = {}


def register(source: UpdateSource) -> None:
    """Add ``source``; registering the same key again replaces it (safe on reloads)."""
    _SOURCES[source.key] = source


def get_sources() -> list[UpdateSource]:
    return list(_SOURCES.values())


def collect_updates(
    coalition: Coalition, user: User, since: datetime.datetime, *, limit: int = 10
) -> list[UpdateGroup]:
    """Every source's news since ``since``; sources without news are left out."""
    groups = []
    for source in get_sources():
        rows = sorted(source.collect(coalition, user, since, limit), key=lambda u: u.at)
        rows.reverse()
        if rows:
            groups.append(UpdateGroup(source, rows[:limit]))
    return groups
