"""Search knowledge items in Dutch: one function, two backends chosen by the database.

- PostgreSQL: the stored ``search_vector`` (``dutch`` configuration, GIN index), ranked with
  ``SearchRank``.
- SQLite: the FTS5 table ``knowledge_search`` (rowid = item id) holding the text stemmed with
  Snowball's ``dutch_porter`` stemmer — the algorithm PostgreSQL's ``dutch`` configuration
  uses, so both backends stem alike ("gemeenten" and "gemeente" both become "gemeent"; the
  newer Snowball ``dutch`` makes "meen" of them) — ranked with ``bm25``.

Snippets are made here for both, on the original text, for the shown results only.

Query terms are stemmed and matched as prefixes in both: Snowball leaves "complottheorieën"
unstemmed, so "complottheorie" must match it as a prefix of the stored word.
"""

from __future__ import annotations

import collections
import functools
import html
import re
import unicodedata
from dataclasses import dataclass

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, QuerySet
from django.utils.safestring import SafeString, mark_safe

from weerbaar.knowledge.models import KnowledgeItem

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# The search page shows this many best matches, and says how many there are in all.
MAX_RESULTS = 50
SNIPPET_WORDS = 30
_WORD = re.compile(r"\w+")

# Must stay the algorithm of PostgreSQL's ``dutch`` text search configuration (see above);
# migration 0006 rebuilt the SQLite index when it changed from "dutch".
STEMMER = "dutch_porter"
_stemmer = snowballstemmer.stemmer(STEMMER)


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


@functools.lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Snowball stem without diacritics; cached, because the same words recur across
    items and snippets (Snowball runs in pure Python)."""
    return _fold(_stemmer.stemWord(word.lower()))


def get_shadow_text(item: KnowledgeItem) -> str:
    """The stemmed text SQLite's FTS5 table holds for ``item``."""
    return " ".join(stem(w) for w in _WORD.findall(item.get_search_text()))


class SearchResults(list[SearchResult]):
    """The best matches, at most the ``limit`` asked for, and ``total``: all matches."""

    def __init__(self, results: list[SearchResult] | None = None, total: int = 0) -> None:
        super().__init__(results or [])
        self.total = total


def search_items(
    queryset: QuerySet[KnowledgeItem], query: str, *, limit: int | None = None
) -> SearchResults:
    """Items of ``queryset`` matching every word of ``query``, best first, with a snippet;
    at most ``limit`` of them (snippets are made for those only), and the number of all.

    Never raises on odd input: syntax characters are dropped, and a query under two
    characters gives no results (the view says why).
    """
    terms = get_query_terms(query)
    if not terms:
        return SearchResults()
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, terms, limit)
    return _search_sqlite(queryset, terms, limit)


def _search_postgresql(
    queryset: QuerySet[KnowledgeItem], terms: list[str], limit: int | None
) -> SearchResults:
    # Terms hold only word characters, so this raw tsquery cannot be malformed.
    tsquery = " & ".join(f"{term}:*" for term in terms)
    search_query = SearchQuery(tsquery, search_type="raw", config="dutch")
    # The ids of the best matches, with the number of all matches (a window count, in the
    # same statement): ranking narrow rows is several times cheaper than ranking whole items
    # with their joins. Then the shown items in full. Snippets are made in Python like on
    # SQLite (same stemmer as the ``dutch`` configuration): ts_headline re-parses every text
    # and cost more than the search itself.
    ranked = (
        queryset.filter(search_vector=search_query)
        .order_by()
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .values("pk", "rank", "published_on")
    )
    try:
        ranked_sql, ranked_params = ranked.query.get_compiler(using=ranked.db).as_sql()
    except EmptyResultSet:  # a queryset that can hold nothing, such as ``none()``
        return SearchResults()
    # ``OFFSET 0`` keeps PostgreSQL from merging the subquery into the outer query: merged, it
    # computed the rank above the window count, so the count kept every match's whole search
    # vector and spilled to disk (twice as slow). Django compiled the subquery, with every
    # value a parameter; a NULL limit is none.
    sql = (
        "SELECT pk, COUNT(*) OVER () FROM ("  # noqa: S608
        f"{ranked_sql} OFFSET 0) AS ranked "
        "ORDER BY rank DESC, published_on DESC, pk DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ranked_params, limit])
        best = cursor.fetchall()
    if not best:
        return SearchResults()
    order = {pk: position for position, (pk, _total) in enumerate(best)}
    shown = sorted(queryset.filter(pk__in=list(order)), key=lambda row: order[row.pk])
    stems = [stem(term) for term in terms]
    memo: dict[str, bool] = {}
    return SearchResults(
        [SearchResult(row, highlight(f"{row.summary}\n{row.body}", stems, memo)) for row in shown],
        best[0][1],
    )


def _search_sqlite(
    queryset: QuerySet[KnowledgeItem], terms: list[str], limit: int | None
) -> SearchResults:
    stems = [stem(term) for term in terms]
    match = " ".join(f'"{s}"*' for s in stems if s)
    if not match:
        return SearchResults()
    # One statement ranks the visible matches and counts them: the visitor's rows (the
    # queryset, whatever it filters on) are a subquery by id, which SQLite reads once into a
    # temporary index. The ``+`` before ``rowid`` keeps FTS5 from taking ``rowid IN (…)`` as
    # its own lookup, which would run the match once per visible id. ``bm25`` is computed for
    # the visible matches only; its scores do not depend on which rows pass the filter. Ties
    # go by id, the order FTS5 yields its matches in.
    visible = queryset.order_by().values("pk")
    try:
        visible_sql, visible_params = visible.query.get_compiler(using=visible.db).as_sql()
    except EmptyResultSet:  # a queryset that can hold nothing, such as ``none()``
        return SearchResults()
    # Django compiled the subquery, with every value a parameter.
    sql = (
        "SELECT id, COUNT(*) OVER () FROM ("  # noqa: S608
        "SELECT rowid AS id, bm25(knowledge_search) AS score FROM knowledge_search "
        f"WHERE knowledge_search MATCH %s AND +rowid IN ({visible_sql})"
        ") ORDER BY score, id LIMIT %s"
    )
    with connection.cursor() as cursor:
        # A negative LIMIT is none in SQLite.
        cursor.execute(sql, [match, *visible_params, -1 if limit is None else limit])
        best = cursor.fetchall()
    if not best:
        return SearchResults()
    order = {pk: position for position, (pk, _total) in enumerate(best)}
    items = sorted(queryset.filter(pk__in=list(order)), key=lambda item: order[item.pk])
    memo: dict[str, bool] = {}
    return SearchResults(
        [
            SearchResult(item, highlight(f"{item.summary}\n{item.body}", stems, memo))
            for item in items
        ],
        best[0][1],
    )


_MARKUP_ONLY = re.compile(r"[#>*_`+\-]+|\d+\.")


def highlight(text: str, stems: list[str], memo: dict[str, bool] | None = None) -> SafeString:
    """A window of ``text`` around the first match, escaped, with matching words in <mark>.

    Reads the words only up to the end of the window. ``memo`` remembers which words match,
    for the snippets of one query: the same words recur across the shown items.
    """
    if memo is None:
        memo = {}

    def matches(word: str) -> bool:
        found = memo.get(word)
        if found is None:
            found = memo[word] = any(
                stem(w).startswith(s) for w in _WORD.findall(word) for s in stems
            )
        return found

    # The window: up to 10 words before the first match and the words after it, 30 in all;
    # the text's first 30 words when nothing matches.
    head: list[str] = []
    before: collections.deque[str] = collections.deque(maxlen=10)
    start = 0  # words left out before the window
    after: list[str] = []
    more = False  # words left out after it
    for word in text.split():
        # Markdown's own marks (headings, list bullets, quotes) mean nothing in a snippet.
        if _MARKUP_ONLY.fullmatch(word):
            continue
        word = word.strip("*_`")
        if after or matches(word):
            if len(before) + len(after) == SNIPPET_WORDS:
                more = True
                break
            after.append(word)
            continue
        if len(head) <= SNIPPET_WORDS:
            head.append(word)
        if len(before) == before.maxlen:
            start += 1
        before.append(word)
    if after:
        window = [*before, *after]
    else:
        start, window, more = 0, head[:SNIPPET_WORDS], len(head) > SNIPPET_WORDS
    # Words hold no spaces and escaping adds none, so the escaped words split apart again.
    escaped = html.escape(" ".join(window)).split(" ") if window else []
    marked = [
        f"<mark>{safe}</mark>" if matches(word) else safe
        for word, safe in zip(window, escaped, strict=True)
    ]
    prefix = "… " if start > 0 else ""
    suffix = " …" if more else ""
    return mark_safe(prefix + " ".join(marked) + suffix)  # noqa: S308  # every word escaped


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
