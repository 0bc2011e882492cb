"""What a newsflash can include: one source per kind of content, looked up by key.

A source offers the coordinator recent candidates of one coalition; a chosen candidate is
copied into a ``NewsflashEntry`` (title, summary, path), so the archive keeps what was sent.

To add a kind of content, write a class with ``key``, ``label`` and ``get_candidates`` like
the ones below and append an instance to ``SOURCES``. The compose form, the preview, the
mail and the archive need no change.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Protocol

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from weerbaar.campaigns.models import Campaign
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.events.choices import EventStatus
from weerbaar.events.models import Event
from weerbaar.knowledge.models import KnowledgeItem

# How far back "recent" reaches, and how many candidates a source offers at most.
RECENT_DAYS = 120
LIMIT = 25


@dataclass(frozen=True)
class Candidate:
    source: str
    object_id: int
    title: str
    summary: str
    path: str
    date: datetime.date

    @property
    def key(self) -> str:
        return f"{self.source}:{self.object_id}"


class NewsflashSource(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def label(self) -> StrOrPromise: ...

    def get_candidates(self, coalition: Coalition, today: datetime.date) -> list[Candidate]: ...


class KnowledgeSource:
    key = "knowledge"
    label = _("Knowledge items")

    def get_candidates(self, coalition: Coalition, today: datetime.date) -> list[Candidate]:
        since = today - datetime.timedelta(days=RECENT_DAYS)
        items = for_coalition(KnowledgeItem.objects.all(), coalition).filter(
            published_on__gte=since
        )
        return [
            Candidate(self.key, i.pk, i.title, i.summary, i.get_absolute_url(), i.published_on)
            for i in items.select_related("coalition")[:LIMIT]
        ]


class CampaignSource:
    key = "campaign"
    label = _("Campaigns")

    def get_candidates(self, coalition: Coalition, today: datetime.date) -> list[Candidate]:
        since = today - datetime.timedelta(days=RECENT_DAYS)
        campaigns = for_coalition(Campaign.objects.all(), coalition).recent(since)
        return [
            Candidate(self.key, c.pk, c.title, c.goal, c.get_absolute_url(), c.starts_on)
            for c in campaigns.select_related("coalition")[:LIMIT]
        ]


class EventSource:
    """Upcoming events: a newsflash announces what is coming, not what is past."""

    key = "event"
    label = _("Events")

    def get_candidates(self, coalition: Coalition, today: datetime.date) -> list[Candidate]:
        events = (
            for_coalition(Event.objects.all(), coalition)
            .upcoming(timezone.now())
            .exclude(status=EventStatus.CANCELLED)
        )
        return [
            Candidate(
                self.key,
                e.pk,
                e.title,
                e.description[:300],
                e.get_absolute_url(),
                timezone.localdate(e.starts_at),
            )
            for e in events.select_related("coalition")[:LIMIT]
        ]


SOURCES: list[NewsflashSource] = [KnowledgeSource(), CampaignSource(), EventSource()]


def get_source(key: str) -> NewsflashSource | None:
    return next((source for source in SOURCES if source.key == key), None)
