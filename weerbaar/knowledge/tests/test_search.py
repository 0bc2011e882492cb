from __future__ import annotations

import datetime
import re
from typing import Any

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from weerbaar.knowledge.actions import do_create_knowledge_item, do_update_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.knowledge.search import get_query_terms, search_items
from weerbaar.lib.testing import PersonasTestCase


def fields(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "kind": KnowledgeKind.LESSON_LEARNED,
        "themes": ["disinformation"],
        "target_groups": ["schools"],
        "title": "Titel",
        "summary": "Samenvatting.",
        "body": "",
        "links": "",
        "author_organisation": None,
        "published_on": datetime.date(2026, 3, 1),
        "tags": "",
        "visibility": Visibility.COALITION,
    }
    values.update(overrides)
    return values


class SearchTestCase(HypothesisTestCase, PersonasTestCase):
    """Runs on whichever database the suite runs on; CI runs it on SQLite and PostgreSQL."""

    theories: KnowledgeItem
    municipality: KnowledgeItem
    other: KnowledgeItem

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.theories = do_create_knowledge_item(
            cls.anna,
            cls.coalition,
            **fields(
                title="Lessen over complottheorieën in de klas",
                summary="Hoe docenten <b>complottheorieën</b> bespreken.",
            ),
        )
        cls.municipality = do_create_knowledge_item(
            cls.anna,
            cls.coalition,
            **fields(
                title="Samenwerken met de gemeente",
                summary="Wat de gemeente doet tegen polarisatie.",
                kind=KnowledgeKind.ARTICLE,
            ),
        )
        cls.other = do_create_knowledge_item(
            cls.dirk,
            cls.other_coalition,
            **fields(title="Complottheorieën in Zeeland", summary="Alleen voor Zeeland."),
        )

    def search(self, query: str) -> list[KnowledgeItem]:
        rows = KnowledgeItem.objects.visible_in(self.coalition, self.cees)
        return [result.item for result in search_items(rows, query)]

    def test_it_finds_an_inflected_word_from_its_stem(self) -> None:
        self.assertEqual(self.search("complottheorie"), [self.theories])

    def test_it_finds_the_singular_from_the_plural(self) -> None:
        self.assertEqual(self.search("gemeenten"), [self.municipality])

    def test_it_keeps_other_coalitions_unshared_items_out(self) -> None:
        self.assertNotIn(self.other, self.search("Zeeland"))

    def test_it_finds_an_item_after_it_changed(self) -> None:
        do_update_knowledge_item(
            self.anna, self.municipality, **fields(title="Weerbare wijken", summary="Over wijken.")
        )

        self.assertEqual(self.search("wijk"), [self.municipality])
        self.assertEqual(self.search("gemeente"), [])

    def test_it_highlights_matches_and_escapes_the_text(self) -> None:
        rows = KnowledgeItem.objects.visible_in(self.coalition, self.cees)
        [result] = search_items(rows, "complottheorie")

        self.assertIn("<mark>", result.snippet)
        self.assertNotIn("<b>", result.snippet)

    def test_it_ignores_syntax_characters_and_short_queries(self) -> None:
        self.assertEqual(get_query_terms('"*:&()^- a'), [])
        self.assertEqual(self.search('complottheorie* AND "('), [])
        self.assertEqual(self.search("(complottheorie)"), [self.theories])
        self.assertEqual(len(get_query_terms("x" * 500)[0]), 200)

    def test_it_shows_a_count_and_a_message_for_short_queries(self) -> None:
        client = self.log_in(self.cees)
        url = reverse("knowledge:search", args=["voorbeeldstad"])

        full = client.get(url, {"q": "complottheorie"})
        partial = client.get(url, {"q": "gemeenten"}, headers={"HX-Request": "true"})
        short = client.get(url, {"q": "a"})

        self.assertContains(full, "1 resultaat")
        self.assertContains(full, "<mark>")
        self.assertContains(partial, "Samenwerken met de gemeente")
        self.assertNotContains(partial, "<html")
        self.assertContains(short, "Typ minstens 2")

    def test_it_filters_by_kind_and_theme(self) -> None:
        client = self.log_in(self.cees)
        url = reverse("knowledge:search", args=["voorbeeldstad"])

        by_kind = client.get(url, {"q": "gemeente", "kind": KnowledgeKind.LESSON_LEARNED})
        by_theme = client.get(url, {"q": "gemeente", "theme": "disinformation"})

        self.assertContains(by_kind, "0 resultaten")
        self.assertContains(by_theme, "1 resultaat")

    def test_it_filters_by_date_and_lists_filtered_items_newest_first(self) -> None:
        newer = do_create_knowledge_item(
            self.anna,
            self.coalition,
            **fields(title="Nieuwste les", published_on=datetime.date(2026, 5, 1)),
        )
        client = self.log_in(self.cees)
        url = reverse("knowledge:search", args=["voorbeeldstad"])

        listed = client.get(url, {"published_from": "2026-02-01"})
        narrowed = client.get(
            url, {"published_from": "2026-04-01", "published_until": "2026-06-01"}
        )

        self.assertEqual(
            [r.item for r in listed.context["results"]],
            [newer, self.municipality, self.theories],
        )
        self.assertEqual([r.item for r in narrowed.context["results"]], [newer])
        searched = client.get(url, {"q": "les", "published_from": "2026-04-01"})
        self.assertEqual([r.item for r in searched.context["results"]], [newer])

    def test_it_shows_the_best_results_and_counts_all(self) -> None:
        for n in range(3):
            do_create_knowledge_item(self.anna, self.coalition, **fields(title=f"Gemeente {n}"))
        rows = KnowledgeItem.objects.visible_in(self.coalition, self.cees)

        results = search_items(rows, "gemeente", limit=2)

        self.assertEqual(len(results), 2)
        self.assertEqual(results.total, 4)
        self.assertEqual(search_items(rows, "gemeente").total, 4)

    def test_it_ranks_the_best_matches_first_and_counts_only_visible_ones(self) -> None:
        weak = do_create_knowledge_item(
            self.anna,
            self.coalition,
            **fields(title="Verslag", body="De gemeente kwam langs. " + "Verder sport. " * 20),
        )
        strong = do_create_knowledge_item(
            self.anna,
            self.coalition,
            **fields(title="Gemeente", summary="Wat gemeenten doen.", tags="gemeente"),
        )
        rows = KnowledgeItem.objects.visible_in(self.coalition, self.cees)

        results = search_items(rows, "gemeente", limit=2)

        self.assertEqual([r.item for r in results], [strong, self.municipality])
        self.assertEqual(results.total, 3)
        self.assertEqual(search_items(rows, "gemeente")[2].item, weak)
        self.assertEqual(search_items(rows, "complottheorie").total, 1)

    def test_it_finds_nothing_in_a_queryset_that_can_hold_nothing(self) -> None:
        for rows in [KnowledgeItem.objects.none(), KnowledgeItem.objects.filter(pk__in=[])]:
            results = search_items(rows, "gemeente")

            self.assertEqual((list(results), results.total), ([], 0))

    def test_it_reads_the_best_items_in_two_queries(self) -> None:
        for n in range(3):
            do_create_knowledge_item(self.anna, self.coalition, **fields(title=f"Gemeente {n}"))
        rows = KnowledgeItem.objects.visible_in(self.coalition, self.cees)

        with self.assertNumQueries(2):
            results = search_items(rows, "gemeente", limit=3)
            names = {result.item.coalition.name for result in results}

        self.assertEqual(len(results), 3)
        self.assertEqual(results.total, 4)
        self.assertEqual(names, {self.coalition.name})

    def test_it_refuses_an_end_date_before_the_start_date_in_dutch(self) -> None:
        client = self.log_in(self.cees)
        url = reverse("knowledge:search", args=["voorbeeldstad"])

        response = client.get(
            url,
            {"q": "gemeente", "published_from": "2026-04-01", "published_until": "2026-03-01"},
            headers={"HX-Request": "true"},
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "De einddatum ligt vóór de begindatum")
        self.assertIsNone(response.context["results"])

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(st.text(max_size=300))
    def test_it_never_fails_on_any_query(self, query: str) -> None:
        rows = KnowledgeItem.objects.visible_in(self.coalition, self.cees)
        search_items(rows, query)
        client = Client()
        self.log_in(self.cees, client=client)
        response = client.get(reverse("knowledge:search", args=["voorbeeldstad"]), {"q": query})
        self.assertLess(response.status_code, 500)


def test_the_snippet_leaves_out_markdown_marks() -> None:
    from weerbaar.knowledge.search import highlight

    snippet = highlight("## Wat we deden\n- Gesprek over **complottheorieën**", ["complottheorie"])

    assert "##" not in snippet
    assert "- " not in snippet
    assert "<mark>complottheorieën</mark>" in snippet


class StemmerAgreementTestCase(PersonasTestCase):
    """SQLite's shadow text must stem like PostgreSQL's ``dutch`` configuration, or the two
    backends find different items for the same words."""

    WORDS = ["gemeenten", "gemeente", "gamen", "games", "signalen", "ouders", "jongeren"]

    def test_the_python_stemmer_is_postgresql_s_dutch_algorithm(self) -> None:
        from django.db import connection

        from weerbaar.knowledge.search import stem

        self.assertEqual(stem("gemeenten"), stem("gemeente"))
        self.assertEqual(stem("complottheorieën"), "complottheorieen")
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for word in self.WORDS:
                cursor.execute("SELECT to_tsvector('dutch', %s)::text", [word])
                vector = cursor.fetchone()[0]
                self.assertEqual(vector.split(":")[0].strip("'"), stem(word), word)


def _highlight_as_specified(text: str, stems: list[str]) -> str:
    """The snippet rule in its plainest form: the words without Markdown marks, a window of
    30 from 10 before the first match (or from the start), matches in <mark>."""
    import html

    from weerbaar.knowledge.search import stem

    marks = re.compile(r"[#>*_`+\-]+|\d+\.")
    words = [w.strip("*_`") for w in text.split() if not marks.fullmatch(w)]

    def matches(word: str) -> bool:
        return any(stem(w).startswith(s) for w in re.findall(r"\w+", word) for s in stems)

    first = next((i for i, word in enumerate(words) if matches(word)), None)
    start = max(0, first - 10) if first is not None else 0
    window = [
        f"<mark>{html.escape(w)}</mark>" if matches(w) else html.escape(w)
        for w in words[start : start + 30]
    ]
    prefix = "… " if start > 0 else ""
    return prefix + " ".join(window) + (" …" if start + 30 < len(words) else "")


_SNIPPET_WORDS = [
    "de", "gemeente", "Gemeenten,", "**complottheorieën**", "sport", "##", "-", "1.", "*",
    "<b>bold</b>", "a&b", '"quote"', "`code`", "\n", "\n\n", "x", "complot", "__", "é",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_SNIPPET_WORDS), max_size=80), min_size=1, max_size=4),
    st.lists(st.sampled_from(["gemeent", "complottheorie", "sport", "b"]), min_size=1, max_size=2),
)
def test_the_snippet_is_the_window_around_the_first_match(
    texts: list[list[str]], stems: list[str]
) -> None:
    from weerbaar.knowledge.search import highlight

    memo: dict[str, bool] = {}  # shared by the snippets of one query, as the search does
    for words in texts:
        text = " ".join(words)
        assert highlight(text, stems, memo) == _highlight_as_specified(text, stems)
