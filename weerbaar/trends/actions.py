"""Every change to the trend monitor goes through these functions."""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.text.redaction import redact
from weerbaar.trends.choices import AlertStatus, SourceKind, SourceStatus
from weerbaar.trends.feeds import FeedError, FeedFetcher, HttpFetcher, parse_feed
from weerbaar.trends.imports import FigureRow
from weerbaar.trends.models import (
    DEFAULT_K,
    AggregateFigure,
    AggregateImport,
    Alert,
    AlertRule,
    FeedItem,
    Source,
    TrendSettings,
    WatchList,
    WatchMatch,
)
from weerbaar.trends.periods import week_start
from weerbaar.trends.stats import Method, check_rule
from weerbaar.trends.terms import classify_theme, contains_any, term_tokens, text_tokens

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

logger = logging.getLogger(__name__)

SOURCE_FIELDS = (
    "name",
    "url",
    "purpose",
    "legal_basis",
    "dpia_reference",
    "retention_days",
    "owner",
)


class SourceError(Exception):
    """A source cannot change as asked; the message says why."""


def get_k(coalition: Coalition) -> int:
    """The smallest count shown to non-analysts in ``coalition``."""
    found = TrendSettings.objects.filter(coalition=coalition).first()
    return found.k_threshold if found is not None else DEFAULT_K


@transaction.atomic
def do_update_trend_settings(
    actor: User, coalition: Coalition, *, k_threshold: int, request: HttpRequest | None = None
) -> TrendSettings:
    found, _created = TrendSettings.objects.select_for_update().get_or_create(coalition=coalition)
    previous = found.k_threshold
    found.k_threshold = k_threshold
    found.full_clean()
    found.save()
    do_record_audit_entry(
        AuditAction.TREND_SETTINGS_UPDATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=found,
        detail={"k": [previous, k_threshold]},
    )
    return found


@transaction.atomic
def do_create_source(
    actor: User | None,
    coalition: Coalition,
    kind: str,
    *,
    request: HttpRequest | None = None,
    **fields: Any,
) -> Source:
    """Register a source; it starts as a draft and is switched on separately."""
    source = Source(coalition=coalition, kind=kind, created_by=actor)
    for name in SOURCE_FIELDS:
        setattr(source, name, fields.get(name, getattr(source, name)))
    source.full_clean()
    source.save()
    do_record_audit_entry(
        AuditAction.TREND_SOURCE_CREATED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=source,
        detail={"kind": kind},
    )
    return source


@transaction.atomic
def do_update_source(
    actor: User, source: Source, *, request: HttpRequest | None = None, **fields: Any
) -> Source:
    """Change a source's register entry; an active source that loses a field is paused."""
    locked = Source.objects.select_for_update().get(pk=source.pk)
    for name in SOURCE_FIELDS:
        if name in fields:
            setattr(locked, name, fields[name])
    if locked.is_active() and locked.get_missing_register_fields():
        locked.status = SourceStatus.PAUSED
    locked.full_clean()
    locked.save()
    do_record_audit_entry(
        AuditAction.TREND_SOURCE_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
    )
    return locked


@transaction.atomic
def do_set_source_status(
    actor: User, source: Source, status: str, *, request: HttpRequest | None = None
) -> Source:
    """Switch a source on or off; on only when its register entry is complete."""
    locked = Source.objects.select_for_update().get(pk=source.pk)
    if status == SourceStatus.ACTIVE:
        missing = locked.get_missing_register_fields()
        if missing:
            raise SourceError(", ".join(missing))
    previous = locked.status
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    do_record_audit_entry(
        AuditAction.TREND_SOURCE_STATUS,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"status": [previous, status]},
    )
    return locked


def do_ensure_signals_source(coalition: Coalition) -> Source:
    """The built-in source for professionals' signals, created as a draft when missing."""
    found = for_coalition(Source.objects.all(), coalition).filter(kind=SourceKind.SIGNALS).first()
    if found is not None:
        return found
    return do_create_source(None, coalition, SourceKind.SIGNALS, name="Signalen van professionals")


@dataclass(frozen=True)
class FetchResult:
    source_id: int
    new: int
    error: str = ""


def _safe_link(link: str) -> str:
    return link[:500] if link.startswith(("https://", "http://")) else ""


@transaction.atomic
def do_count_watch_matches(coalition: Coalition, texts: list[tuple[datetime.date, str]]) -> None:
    """Add matches of ``texts`` (day, redacted text) to each watch list's weekly counts."""
    lists = list(for_coalition(WatchList.objects.all(), coalition))
    if not lists or not texts:
        return
    documents = [(week_start(day), text_tokens(text)) for day, text in texts]
    for watch_list in lists:
        terms = term_tokens(watch_list.get_terms())
        per_week = Counter(monday for monday, doc in documents if contains_any(terms, doc))
        for monday, n in per_week.items():
            match, _created = WatchMatch.objects.select_for_update().get_or_create(
                coalition=coalition, watch_list=watch_list, week_start=monday
            )
            match.count += n
            match.save(update_fields=["count"])


def get_fetcher() -> FeedFetcher:
    return HttpFetcher(
        timeout=settings.TRENDS_FEED_TIMEOUT,
        max_bytes=settings.TRENDS_FEED_MAX_BYTES,
        allow_private=settings.TRENDS_FEED_ALLOW_PRIVATE,
    )


def do_fetch_feed(source: Source, fetcher: FeedFetcher | None = None) -> FetchResult:
    """Fetch one active feed and store its new items, redacted and classified.

    Errors (unreachable, slow, too big, not a feed) are stored on the source and returned;
    they never raise, so the periodic job carries on with the next feed.
    """
    if source.kind != SourceKind.FEED or not source.is_active():
        return FetchResult(source.pk, 0, "The source is not an active feed.")
    now = timezone.now()
    try:
        entries = parse_feed((fetcher or get_fetcher()).fetch(source.url))
    except FeedError as error:
        message = str(error)[:500]
        Source.objects.filter(pk=source.pk).update(last_fetched_at=now, last_error=message)
        logger.info("Feed %s failed: %s", source.pk, message)
        return FetchResult(source.pk, 0, message)
    new = 0
    with transaction.atomic():
        known = set(FeedItem.objects.filter(source=source).values_list("key", flat=True))
        texts: list[tuple[datetime.date, str]] = []
        rows = []
        for entry in entries:
            key = hashlib.sha256((entry.key or entry.title).encode()).hexdigest()
            if key in known:
                continue
            known.add(key)
            title = redact(entry.title).text[:300]
            summary = redact(entry.summary).text[:2000]
            published = entry.published or now
            if published > now:
                published = now
            rows.append(
                FeedItem(
                    coalition=source.coalition,
                    source=source,
                    key=key,
                    title=title,
                    summary=summary,
                    link=_safe_link(entry.link),
                    published_at=published,
                    theme=classify_theme(f"{title}\n{summary}"),
                )
            )
            texts.append((timezone.localdate(published), f"{title}\n{summary}"))
        try:
            FeedItem.objects.bulk_create(rows)
        except IntegrityError:  # a fetch running at the same time stored them first
            return FetchResult(source.pk, 0)
        new = len(rows)
        do_count_watch_matches(source.coalition, texts)
        Source.objects.filter(pk=source.pk).update(last_fetched_at=now, last_error="")
    return FetchResult(source.pk, new)


def do_fetch_active_feeds(fetcher: FeedFetcher | None = None) -> list[FetchResult]:
    """Fetch every active feed of every coalition, one after the other."""
    return [do_fetch_feed(s, fetcher) for s in Source.objects.active().feeds().order_by("pk")]


@transaction.atomic
def do_commit_import(
    actor: User,
    source: Source,
    rows: list[FigureRow],
    file_name: str,
    *,
    request: HttpRequest | None = None,
) -> AggregateImport:
    """Store the checked rows of a previewed upload as one import of ``source``."""
    if source.kind != SourceKind.AGGREGATE_IMPORT or not source.is_active():
        raise SourceError("Imports go into an active import source.")
    batch = AggregateImport.objects.create(
        coalition=source.coalition,
        source=source,
        file_name=file_name[:200],
        row_count=len(rows),
        total=sum(r.count for r in rows),
        created_by=actor,
    )
    AggregateFigure.objects.bulk_create(
        AggregateFigure(
            coalition=source.coalition,
            source=source,
            batch=batch,
            week_start=datetime.date.fromisoformat(r.week_start),
            theme=r.theme,
            platform=r.platform,
            area=r.area,
            age_group=r.age_group,
            count=r.count,
        )
        for r in rows
    )
    do_record_audit_entry(
        AuditAction.TREND_IMPORT_COMMITTED,
        actor=actor,
        request=request,
        coalition=source.coalition,
        target=source,
        detail={"rows": len(rows), "total": batch.total},
    )
    transaction.on_commit(_enqueue_roll_up)
    return batch


def _enqueue_roll_up() -> None:
    from weerbaar.trends.tasks import roll_up_pending

    roll_up_pending.enqueue()


@transaction.atomic
def do_save_watch_list(
    actor: User,
    coalition: Coalition,
    watch_list: WatchList | None,
    *,
    name: str,
    terms: str,
    request: HttpRequest | None = None,
) -> WatchList:
    found = watch_list or WatchList(coalition=coalition, created_by=actor)
    found.name = name.strip()
    found.terms = "\n".join(line.strip() for line in terms.splitlines() if line.strip())
    found.full_clean()
    found.save()
    do_record_audit_entry(
        AuditAction.TREND_WATCH_LIST_SAVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=found,
    )
    return found


@transaction.atomic
def do_save_alert_rule(
    actor: User,
    coalition: Coalition,
    rule: AlertRule | None,
    *,
    request: HttpRequest | None = None,
    **fields: Any,
) -> AlertRule:
    """Create or change a rule; ``check_rule`` refuses nonsense thresholds with a ValueError."""
    check_rule(Method(fields["method"]), float(fields["threshold"]), int(fields["min_count"]))
    watch_list = fields.get("watch_list")
    if watch_list is not None and watch_list.coalition_id != coalition.pk:
        raise ValueError("The watch list must belong to the rule's coalition.")
    found = rule or AlertRule(coalition=coalition, created_by=actor)
    for name in (
        "name",
        "theme",
        "area",
        "watch_list",
        "method",
        "threshold",
        "min_count",
        "baseline_weeks",
        "is_active",
    ):
        if name in fields:
            setattr(found, name, fields[name])
    found.full_clean()
    found.save()
    do_record_audit_entry(
        AuditAction.TREND_ALERT_RULE_SAVED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=found,
    )
    return found


@transaction.atomic
def do_handle_alert(
    actor: User, alert: Alert, status: str, note: str, *, request: HttpRequest | None = None
) -> Alert:
    """Acknowledge or resolve an alert with a note."""
    locked = Alert.objects.select_for_update().get(pk=alert.pk)
    if status not in (AlertStatus.ACKNOWLEDGED, AlertStatus.RESOLVED):
        raise ValueError("An alert is acknowledged or resolved.")
    if locked.status == AlertStatus.RESOLVED:
        raise ValueError("This alert is already resolved.")
    locked.status = status
    locked.note = note.strip()
    locked.handled_by = actor
    locked.handled_at = timezone.now()
    locked.save()
    do_record_audit_entry(
        AuditAction.TREND_ALERT_HANDLED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"status": status},
    )
    return locked


def do_delete_expired_items(now: datetime.datetime | None = None) -> int:
    """Delete feed items and imported rows older than their source's retention period.

    Only rows already counted are deleted, so the rollups keep their numbers: an aggregate
    count holds nothing about a person. Returns how many rows were deleted.
    """
    now = now or timezone.now()
    deleted = 0
    for source in Source.objects.filter(retention_days__isnull=False):
        assert source.retention_days is not None
        cutoff = now - datetime.timedelta(days=source.retention_days)
        with transaction.atomic():
            items, _kinds = FeedItem.objects.filter(
                source=source, rolled_up=True, published_at__lt=cutoff
            ).delete()
            figures, _kinds = AggregateFigure.objects.filter(
                source=source, rolled_up=True, week_start__lt=cutoff.date()
            ).delete()
        deleted += items + figures
    return deleted
