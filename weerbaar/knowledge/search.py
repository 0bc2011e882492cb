"""Search knowledge items in Dutch: one function, two backends chosen by the database.

- PostgreSQL: the stored ``search_vector`` (``dutch`` configuration, GIN index), ranked with
  ``SearchRank`` and highlighted with ``SearchHeadline``.
- SQLite: the FTS5 table ``knowledge_search`` (rowid = item id) holding the text stemmed with
  Snowball's Dutch stemmer, ranked with ``bm25``; highlighting is done here, on the original text.

Query terms are stemmed and matched as prefixes in both: Snowball leaves "complottheorieën"
unstemmed, so "complottheorie" must match it as a prefix of the stored word.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils.safestring import SafeString, mark_safe

from weerbaar.knowledge.models import KnowledgeItem

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
SNIPPET_WORDS = 30
# Private-use characters mark matches in PostgreSQL's headline, so the text can be escaped
# before the marks become <mark> tags.
_START, _STOP = "\ue000", "\ue001"
_WORD = re.compile(r"\w+")

_stemmer = snowballstemmer.stemmer("dutch")


@dataclass(frozen=True)
class SearchResult:
    item: KnowledgeItem
    snippet: SafeString


def get_query_terms(query: str) -> list[str]:
    """The words of ``query`` without any search syntax (quotes, ``*``, ``:``, ``&``, …),
    lower-cased; empty when the query is too short to search for."""
    query = query[:MAX_QUERY_LENGTH]
    terms = [w.lower() for w in _WORD.findall(query) if w.replace("_", "")]
    terms = [t.replace("_", "") for t in terms]
    if len("".join(terms)) < MIN_QUERY_LENGTH:
        return []
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def _fold(word: str) -> str:
    """Without diacritics, as FTS5's tokenizer sees it."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def stem(word: str) -> str:
    return _fold(_stemmer.stemWord(word.lower()))


def get_shadow_text(item: KnowledgeItem) -> str:
    """The stemmed text SQLite's FTS5 table holds for ``item``."""
    return " ".join(stem(w) for w in _WORD.findall(item.get_search_text()))


def search_items(queryset: QuerySet[KnowledgeItem], query: str) -> list[SearchResult]:
    """Items of ``queryset`` matching every word of ``query``, best first, with a snippet.

    Never raises on odd input: syntax characters are dropped, and a query under two
    characters gives no results (the view says why).
    """
    terms = get_query_terms(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, terms)
    return _search_sqlite(queryset, terms)


def _search_postgresql(queryset: QuerySet[KnowledgeItem], terms: list[str]) -> list[SearchResult]:
    # Terms hold only word characters, so this raw tsquery cannot be malformed.
    tsquery = " & ".join(f"{term}:*" for term in terms)
    search_query = SearchQuery(tsquery, search_type="raw", config="dutch")
    rows = (
        queryset.filter(search_vector=search_query)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            headline=SearchHeadline(
                Concat("summary", Value("\n"), "body", output_field=TextField()),
                search_query,
                config="dutch",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=15,
            ),
        )
        .order_by("-rank", "-published_on", "-pk")
    )
    return [SearchResult(item, _mark(getattr(item, "headline", ""))) for item in rows]


def _mark(headline: str) -> SafeString:
    escaped = html.escape(headline)
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308  # escaped above


def _search_sqlite(queryset: QuerySet[KnowledgeItem], terms: list[str]) -> list[SearchResult]:
    stems = [stem(term) for term in terms]
    match = " ".join(f'"{s}"*' for s in stems if s)
    if not match:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM knowledge_search WHERE knowledge_search MATCH %s "
            "ORDER BY bm25(knowledge_search)",
            [match],
        )
        order = {row[0]: position for position, row in enumerate(cursor.fetchall())}
    items = sorted(queryset.filter(pk__in=list(order)), key=lambda item: order[item.pk])
    return [SearchResult(item, highlight(f"{item.summary}\n{item.body}", stems)) for item in items]


_MARKUP_ONLY = re.compile(r"[#>*_`+\-]+|\d+\.")


def highlight(text: str, stems: list[str]) -> SafeString:
    """A window of ``text`` around the first match, escaped, with matching words in <mark>."""
    # Markdown's own marks (headings, list bullets, quotes) mean nothing in a one-line snippet.
    words = [word.strip("*_`") for word in text.split() if not _MARKUP_ONLY.fullmatch(word)]

    def matches(word: str) -> bool:
        found = _WORD.findall(word)
        return any(stem(w).startswith(s) for w in found for s in stems)

    hits = [i for i, word in enumerate(words) if matches(word)]
    start = max(0, hits[0] - 10) if hits else 0
    window = words[start : start + SNIPPET_WORDS]
    parts: list[str] = []
    for word in window:
        escaped = html.escape(word)
        parts.append(f"<mark>{escaped}</mark>" if matches(word) else escaped)
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + SNIPPET_WORDS < len(words) else ""
    return mark_safe(prefix + " ".join(parts) + suffix)  # noqa: S308  # every word escaped


def do_index_item(item: KnowledgeItem) -> None:
    """Bring the search index of ``item`` up to date; called by the actions that save items."""
    if connection.vendor == "postgresql":
        KnowledgeItem.objects.filter(pk=item.pk).update(
            search_vector=SearchVector("title", weight="A", config="dutch")
            + SearchVector("summary", "tags", weight="B", config="dutch")
            + SearchVector("body", weight="C", config="dutch")
        )
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM knowledge_search WHERE rowid = %s", [item.pk])
        cursor.execute(
            "INSERT INTO knowledge_search (rowid, content) VALUES (%s, %s)",
            [item.pk, get_shadow_text(item)],
        )


def do_unindex_item(item_id: int) -> None:
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM knowledge_search WHERE rowid = %s", [item_id])
