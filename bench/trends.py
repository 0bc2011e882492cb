"""Benchmark the trend monitor's rollups against the naive GROUP BY over raw rows.

    .venv/bin/python -m bench.trends                       # SQLite in var/bench-trends/
    .venv/bin/python -m bench.trends --items 100000        # a quicker, smaller run
    .venv/bin/python -m bench.trends --database-url postgres://postgres@127.0.0.1:5432/wb_bench

Seeds ``--items`` synthetic feed items (default 1,000,000) over three years in one coalition
(a second, small coalition keeps the tenant filter honest), then measures:

1. rebuilding the rollups from scratch (``do_rebuild_rollups``);
2. the incremental job for 1,000 new items (``do_roll_up_pending``);
3. the dashboard's figures (``figures.get_dashboard``: 12 weeks, comparison, top platforms and
   areas, with small-cell suppression), median and p95 over ``--queries`` runs with varying
   filters, beside the naive query the rollups replace: the same weekly counts per theme with
   a GROUP BY over the raw rows, in the same run;
4. emerging terms over the last 4 weeks against the 26 before (capped at 20,000 texts each).

Timings never go in tests; this script is run by hand. Results go to
``bench/results/trends-<vendor>.json`` (gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = ROOT / "var" / "bench-trends"
THEMES = ["disinformation", "conspiracy", "hate", "polarisation", "cyberbullying", "scams"]
WORDS = [
    *("school", "jongeren", "filmpje", "nepwinkel", "sneakers", "geld", "groepsapp"),
    *("pesten", "vaccin", "gerucht", "stad", "wijk", "ouders", "docent", "game", "chat"),
    *("account", "video", "nieuws", "factcheck", "politie"),
]


def _setup(database_url: str) -> None:
    os.environ["WEERBAAR_VAR_DIR"] = str(VAR_DIR)
    os.environ.pop("REDIS_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "weerbaar.settings"
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _timed(fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--naive-queries", type=int, default=10)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    _setup(args.database_url)

    import datetime

    from django.db import connection
    from django.db.models import Count
    from django.db.models.functions import TruncWeek
    from django.utils import timezone

    from weerbaar.coalitions.models import Area, Coalition
    from weerbaar.trends.choices import SourceKind, SourceStatus
    from weerbaar.trends.emerging import get_emerging_terms
    from weerbaar.trends.figures import Filters, get_dashboard
    from weerbaar.trends.models import FeedItem, Rollup, Source
    from weerbaar.trends.rollups import do_rebuild_rollups, do_roll_up_pending

    rng = random.Random(7)
    now = timezone.now()
    coalition, _created = Coalition.objects.get_or_create(
        slug="bench-trends", defaults={"name": "Bench trends", "region": "Bench"}
    )
    other, _ = Coalition.objects.get_or_create(
        slug="bench-other", defaults={"name": "Bench other", "region": "Bench"}
    )
    for name in ("Noord", "Zuid", "Oost", "West"):
        Area.objects.get_or_create(coalition=coalition, name=name)
    source, _ = Source.objects.get_or_create(
        coalition=coalition,
        name="Bench feed",
        defaults={"kind": SourceKind.FEED, "status": SourceStatus.ACTIVE},
    )
    other_source, _ = Source.objects.get_or_create(
        coalition=other,
        name="Bench feed",
        defaults={"kind": SourceKind.FEED, "status": SourceStatus.ACTIVE},
    )
    span = 3 * 365 * 24 * 3600
    today = timezone.localdate()

    def items(count: int, start_key: int, target: Source, rolled: bool) -> list[FeedItem]:
        rows = []
        for n in range(count):
            words = rng.sample(WORDS, 6)
            rows.append(
                FeedItem(
                    coalition_id=target.coalition_id,
                    source=target,
                    key=f"{start_key + n}",
                    title=" ".join(words[:4]),
                    summary=" ".join(words),
                    published_at=now - datetime.timedelta(seconds=rng.randrange(span)),
                    theme=rng.choice(THEMES),
                    rolled_up=rolled,
                )
            )
        return rows

    existing = FeedItem.objects.filter(source=source).count()
    seed_time = 0.0
    if existing < args.items:
        print(f"seeding {args.items - existing} items…", flush=True)
        start = time.perf_counter()
        for offset in range(existing, args.items, 20_000):
            batch = min(20_000, args.items - offset)
            FeedItem.objects.bulk_create(items(batch, offset, source, True), batch_size=5000)
        FeedItem.objects.bulk_create(items(5_000, 0, other_source, True), ignore_conflicts=True)
        seed_time = time.perf_counter() - start
    # Imported figures fill every dimension (theme x platform x area x age group, every week),
    # so the dashboard reads a rollup table of realistic width, not only one cell per theme.
    from weerbaar.trends.models import AggregateFigure, AggregateImport

    if not AggregateFigure.objects.filter(coalition=coalition).exists():
        batch = AggregateImport.objects.create(
            coalition=coalition, source=source, file_name="bench", row_count=0, total=0
        )
        monday = today - datetime.timedelta(days=today.weekday())
        figures = [
            AggregateFigure(
                coalition=coalition,
                source=source,
                batch=batch,
                week_start=monday - datetime.timedelta(weeks=w),
                theme=theme,
                platform=platform,
                area=area,
                age_group=age,
                count=rng.randrange(0, 30),
                rolled_up=True,
            )
            for w in range(157)
            for theme in THEMES
            for platform in ("tiktok", "instagram", "snapchat", "whatsapp", "discord")
            for area in ("Noord", "Zuid", "Oost", "West")
            for age in ("12_15", "16_18", "18_24")
        ]
        AggregateFigure.objects.bulk_create(figures, batch_size=5000)
    # Fresh statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE (SQLite) keep them.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    rebuild_s, cells = _timed(do_rebuild_rollups)
    print(f"rebuild: {rebuild_s:.1f} s, {cells} cells", flush=True)

    extra = items(1_000, time.time_ns(), source, False)  # keys unique across runs
    for item in extra:
        item.published_at = now - datetime.timedelta(seconds=rng.randrange(14 * 24 * 3600))
    FeedItem.objects.bulk_create(extra)
    incremental_s, counted = _timed(do_roll_up_pending)
    print(f"incremental: {incremental_s:.3f} s for {counted} items", flush=True)

    filters = [
        Filters(),
        Filters(theme="hate"),
        Filters(platform="tiktok"),
        Filters(area="Noord", age_group="12_15"),
    ]
    rollup_ms: list[float] = []
    naive_ms: list[float] = []
    since = now - datetime.timedelta(weeks=12)
    for n in range(args.queries):
        chosen = filters[n % len(filters)]
        seconds, _ = _timed(get_dashboard, coalition, end=today, filters=chosen, k=10)
        rollup_ms.append(seconds * 1000)
    for n in range(args.naive_queries):
        chosen = filters[n % len(filters)]
        # The same 12 weeks per theme, straight from the raw rows (using their date index).
        naive = FeedItem.objects.filter(coalition=coalition, published_at__gte=since)
        if chosen.theme:
            naive = naive.filter(theme=chosen.theme)
        seconds, _ = _timed(
            lambda q=naive: list(
                q.annotate(week=TruncWeek("published_at"))
                .values("theme", "week")
                .annotate(n=Count("id"))
                .order_by()
            )
        )
        naive_ms.append(seconds * 1000)
    terms_s, terms = _timed(get_emerging_terms, coalition)

    results = {
        "database": connection.vendor,
        "items": args.items,
        "seed_s": round(seed_time, 1),
        "figure_rows": AggregateFigure.objects.filter(coalition=coalition).count(),
        "rollup_cells": Rollup.objects.filter(coalition=coalition).count(),
        "rebuild_s": round(rebuild_s, 2),
        "incremental_1000_s": round(incremental_s, 3),
        "dashboard_ms_median": round(statistics.median(rollup_ms), 1),
        "dashboard_ms_p95": round(_percentile(rollup_ms, 0.95), 1),
        "naive_group_by_ms_median": round(statistics.median(naive_ms), 1),
        "naive_group_by_ms_p95": round(_percentile(naive_ms, 0.95), 1),
        "emerging_terms_s": round(terms_s, 2),
        "emerging_terms_found": len(terms),
    }
    print(json.dumps(results, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"trends-{connection.vendor}.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
