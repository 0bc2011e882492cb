"""Benchmark knowledge search on 20,000 items: the Dutch full-text backend against ``icontains``.

``.venv/bin/python bench/search.py`` measures SQLite (FTS5, a database file of its own in
``var/bench/``); ``--database-url postgres://…`` measures PostgreSQL instead (use a database
of its own: it is migrated and seeded). ``make bench-search`` runs both. See bench/README.md.

Per backend: seed 20,000 items in four coalitions once (``bulk_create``, then one indexing
pass), then run each query ``--repeat`` times through ``search_items`` exactly as the search
page does (items visible in one coalition, best first, snippets, at most ``MAX_RESULTS``),
and through a plain ``icontains`` query over title, summary, body and tags on the same rows,
in the same run, interleaved. Prints median and p95 per query and over all queries.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITEMS = 20_000
COALITIONS = 4
TARGET_P95_MS = {"postgresql": 50.0, "sqlite": 100.0}
QUERIES = [
    "complottheorie",
    "gemeenten",
    "jongeren sociale media",
    "nepnieuws herkennen",
    "polarisatie school",
    "ouders gamen",
    "radicalisering signalen",
    "filterbubbel",
]

_SUBJECTS = [
    "Jongeren", "Ouders", "Docenten", "Jongerenwerkers", "Wijkagenten", "Bibliotheken",
    "Gemeenten", "Scholen", "Leerlingen", "Professionals", "Huisartsen", "Sportclubs",
]  # fmt: skip
_VERBS = [
    "bespreken", "herkennen", "onderzoeken", "delen", "melden", "bestrijden", "begrijpen",
    "signaleren", "voorkomen", "volgen", "verspreiden", "vertrouwen",
]  # fmt: skip
_TOPICS = [
    "complottheorieën", "nepnieuws", "desinformatie", "online haat", "polarisatie",
    "radicalisering", "sociale media", "groepsapps", "filterbubbels", "algoritmes",
    "online pesten", "sextortion", "gokken in games", "nepaccounts", "deepfakes",
    "schermtijd", "verkiezingen", "windparken", "vaccinaties", "influencers",
]  # fmt: skip
_PLACES = [
    "in de klas", "in de wijk", "op school", "thuis", "in het buurthuis", "op TikTok",
    "op Instagram", "in de bibliotheek", "bij de sportclub", "in de gemeente",
]  # fmt: skip
_ENDINGS = [
    "Dat vraagt om een gesprek zonder oordeel.",
    "Samen de bron zoeken werkt beter dan verbieden.",
    "Een vast aanspreekpunt maakt het verschil.",
    "Ouders willen vooral handvatten voor thuis.",
    "De aanpak is getest op vier scholen.",
    "Het signaal ging via het platform naar de coördinator.",
]  # fmt: skip


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_TOPICS)} "
        f"{rng.choice(_PLACES)}. {rng.choice(_ENDINGS)}"
    )


def seed(count: int) -> None:
    from django.db import connection, transaction

    from weerbaar.coalitions.models import Coalition
    from weerbaar.knowledge.choices import KnowledgeKind, TargetGroup, Visibility
    from weerbaar.knowledge.models import KnowledgeItem
    from weerbaar.knowledge.search import get_shadow_text

    if KnowledgeItem.objects.count() >= count:
        return
    started = time.perf_counter()
    rng = random.Random(2026)
    with transaction.atomic():
        KnowledgeItem.objects.all().delete()
        coalitions = [
            Coalition.objects.get_or_create(
                slug=f"zoek-{n}", defaults={"name": f"Coalitie {n}", "region": f"Regio {n}"}
            )[0]
            for n in range(COALITIONS)
        ]
        kinds = list(KnowledgeKind.values)
        visibilities = [Visibility.COALITION, Visibility.COALITION, Visibility.SHARED]
        visibilities.append(Visibility.PUBLIC)
        rows = [
            KnowledgeItem(
                coalition=coalitions[n % COALITIONS],
                kind=rng.choice(kinds),
                themes=["disinformation"],
                target_groups=[rng.choice(TargetGroup.values)],
                title=f"{rng.choice(_TOPICS).capitalize()} {rng.choice(_PLACES)}",
                summary=_sentence(rng),
                body="\n\n".join(_sentence(rng) for _ in range(rng.randint(4, 10))),
                tags=",".join(rng.sample(["school", "ouders", "wijk", "online", "les"], 2)),
                visibility=rng.choice(visibilities),
            )
            for n in range(count)
        ]
        KnowledgeItem.objects.bulk_create(rows, batch_size=2000)
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchVector

            KnowledgeItem.objects.update(
                search_vector=SearchVector("title", weight="A", config="dutch")
                + SearchVector("summary", "tags", weight="B", config="dutch")
                + SearchVector("body", weight="C", config="dutch")
            )
        else:
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM knowledge_search")
                cursor.executemany(
                    "INSERT INTO knowledge_search (rowid, content) VALUES (%s, %s)",
                    [(item.pk, get_shadow_text(item)) for item in KnowledgeItem.objects.all()],
                )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE knowledge_knowledgeitem")
    print(f"Seeded {count:,} items in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(repeat: int) -> dict[str, dict[str, list[float]]]:
    from django.db.models import Q

    from weerbaar.coalitions.models import Coalition
    from weerbaar.knowledge.models import KnowledgeItem
    from weerbaar.knowledge.search import MAX_RESULTS, get_query_terms, search_items

    coalition = Coalition.objects.get(slug="zoek-0")

    def full_text(query: str) -> int:
        rows = KnowledgeItem.objects.visible_in(coalition)
        return len(search_items(rows, query, limit=MAX_RESULTS))

    def icontains(query: str) -> int:
        rows = KnowledgeItem.objects.visible_in(coalition)
        for term in get_query_terms(query):
            rows = rows.filter(
                Q(title__icontains=term)
                | Q(summary__icontains=term)
                | Q(body__icontains=term)
                | Q(tags__icontains=term)
            )
        return len(list(rows.order_by("-published_on", "-pk")[:MAX_RESULTS]))

    methods: dict[str, Callable[[str], int]] = {"full text": full_text, "icontains": icontains}
    timings: dict[str, dict[str, list[float]]] = {name: {} for name in methods}
    for method in methods.values():  # warm caches and the query plans once
        for query in QUERIES:
            method(query)
    for _ in range(repeat):
        for query in QUERIES:
            for name, method in methods.items():
                started = time.perf_counter()
                method(query)
                timings[name].setdefault(query, []).append((time.perf_counter() - started) * 1000)
    return timings


def report(vendor: str, timings: dict[str, dict[str, list[float]]]) -> bool:
    from weerbaar.coalitions.models import Coalition
    from weerbaar.knowledge.models import KnowledgeItem
    from weerbaar.knowledge.search import search_items

    coalition = Coalition.objects.get(slug="zoek-0")
    visible = KnowledgeItem.objects.visible_in(coalition)
    print(f"\n{vendor}: {KnowledgeItem.objects.count():,} items, {visible.count():,} visible")
    print(f"{'query':26} {'matches':>8} {'full text p50/p95 ms':>22} {'icontains p50/p95 ms':>22}")
    for query in QUERIES:
        matches = search_items(visible, query, limit=1).total
        cells = []
        for name in ("full text", "icontains"):
            values = timings[name][query]
            cells.append(f"{statistics.median(values):8.1f} / {percentile(values, 0.95):6.1f}")
        print(f"{query:26} {matches:>8} {cells[0]:>22} {cells[1]:>22}")
    overall = {name: [v for vs in per.values() for v in vs] for name, per in timings.items()}
    fts, plain = overall["full text"], overall["icontains"]
    fts_p95, plain_p95 = percentile(fts, 0.95), percentile(plain, 0.95)
    print(
        f"{'all queries':26} {'':>8} {statistics.median(fts):8.1f} / {fts_p95:6.1f} "
        f"{statistics.median(plain):8.1f} / {plain_p95:6.1f}"
    )
    target = TARGET_P95_MS[vendor]
    met = fts_p95 < target and statistics.median(fts) < statistics.median(plain)
    print(
        f"Target: p95 under {target:.0f} ms and faster than icontains: "
        f"{'met' if met else 'MISSED'} (p95 {fts_p95:.1f} ms; median "
        f"{statistics.median(fts):.1f} vs {statistics.median(plain):.1f} ms)"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--items", type=int, default=ITEMS)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--fail-on-miss", action="store_true")
    args = parser.parse_args()
    var = ROOT / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{var / 'search.sqlite3'}"
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "weerbaar.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    seed(args.items)
    met = report(connection.vendor, measure(args.repeat))
    return 1 if args.fail_on_miss and not met else 0


if __name__ == "__main__":
    sys.exit(main())
