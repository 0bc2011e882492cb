from __future__ import annotations

import itertools
import random
from unittest import TestCase

from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.text.similarity import NearDuplicateIndex, features, text_similarity, tokens
from weerbaar.text.tests.rumours import INCIDENTS, UNRELATED

REWRITES = [text for texts in INCIDENTS.values() for text in texts]


class SimilarityTests(TestCase):
    def test_it_scores_rewrites_of_one_incident_above_texts_about_others(self) -> None:
        items = [(name, text) for name, texts in INCIDENTS.items() for text in texts]
        items += [(f"other-{i}", text) for i, text in enumerate(UNRELATED)]
        same: list[float] = []
        different: list[float] = []
        for (name_a, a), (name_b, b) in itertools.combinations(items, 2):
            (same if name_a == name_b else different).append(text_similarity(a, b))
        self.assertGreater(min(same), 0.35)
        self.assertLess(max(different), 0.25)

    def test_it_clusters_rewrites_of_the_same_rumour_through_the_index(self) -> None:
        index = NearDuplicateIndex(threshold=0.35)
        for name, texts in INCIDENTS.items():
            index.add(name, texts[0])
        for i, text in enumerate(UNRELATED):
            index.add(f"other-{i}", text)
        for name, texts in INCIDENTS.items():
            for rewrite in texts[1:]:
                matches = index.query(rewrite)
                self.assertEqual([m.key for m in matches][:1], [name], rewrite)
                self.assertEqual(len(matches), 1, matches)

    def test_it_returns_the_best_match_first_and_respects_the_limit(self) -> None:
        index = NearDuplicateIndex(threshold=0.2)
        index.add("copy", "Jongeren worden op Snapchat benaderd om hun bankpas uit te lenen.")
        index.add("rewrite", "Via Snapchat vragen onbekenden jongeren hun bankpas uit te lenen.")
        matches = index.query("Jongeren worden op Snapchat benaderd om hun bankpas uit te lenen.")
        self.assertEqual([m.key for m in matches], ["copy", "rewrite"])
        self.assertEqual(matches[0].similarity, 1.0)
        self.assertEqual(len(index.query("bankpas Snapchat jongeren uitlenen", limit=1)), 1)

    def test_it_forgets_removed_and_replaced_texts(self) -> None:
        index = NearDuplicateIndex(threshold=0.5)
        index.add(1, "Een blackout challenge op TikTok, een jongen viel flauw")
        index.add(1, "Ouders maken zich zorgen over lootboxen")
        self.assertEqual(index.query("TikTok blackout challenge: jongen flauwgevallen"), [])
        self.assertEqual([m.key for m in index.query("lootboxen zorgen ouders")], [1])
        index.remove(1)
        index.remove(1)
        self.assertEqual(len(index), 0)
        self.assertEqual(index.query("lootboxen zorgen ouders"), [])

    def test_it_handles_empty_and_wordless_texts(self) -> None:
        index = NearDuplicateIndex()
        index.add("empty", "")
        index.add("emoji", "🙈🙈 !!!")
        self.assertEqual(index.query(""), [])
        self.assertEqual(index.query("🙈🙈 !!!"), [])
        self.assertEqual(text_similarity("", ""), 0.0)
        self.assertEqual(tokens(""), [])

    def test_it_ignores_the_placeholders_of_redacted_text(self) -> None:
        self.assertEqual(text_similarity("[naam] [telefoon] [account]", "[naam] [telefoon]"), 0.0)
        self.assertEqual(features("[naam] wordt gepest"), features("Iemand wordt gepest"))

    def test_it_refuses_a_threshold_outside_zero_to_one(self) -> None:
        with self.assertRaises(ValueError):
            NearDuplicateIndex(threshold=0)
        with self.assertRaises(ValueError):
            NearDuplicateIndex(threshold=1.5)

    def test_it_stems_dutch_words(self) -> None:
        self.assertEqual(tokens("Leerlingen delen filmpjes"), tokens("leerlingen DELEN Filmpjes"))
        self.assertEqual(tokens("TikTok-filmpjes"), ["tiktok", "film"])

    @settings(max_examples=200, deadline=None)
    @given(st.text(max_size=120), st.text(max_size=120))
    def test_it_is_symmetric_and_bounded(self, a: str, b: str) -> None:
        score = text_similarity(a, b)
        self.assertGreaterEqual(score, 0.0)
        self.assertLessEqual(score, 1.0)
        self.assertAlmostEqual(score, text_similarity(b, a))
        if features(a):
            self.assertAlmostEqual(text_similarity(a, a), 1.0)

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(st.sampled_from(REWRITES + UNRELATED), min_size=1, max_size=12),
        st.sampled_from(REWRITES),
        st.sampled_from([0.2, 0.35, 0.5, 0.8]),
    )
    def test_it_finds_exactly_what_a_full_scan_finds(
        self, texts: list[str], query: str, threshold: float
    ) -> None:
        index = NearDuplicateIndex(threshold=threshold)
        for key, text in enumerate(texts):
            index.add(key, text)
        expected = sorted(
            key for key, text in enumerate(texts) if text_similarity(query, text) >= threshold
        )
        self.assertEqual(sorted(m.key for m in index.query(query, limit=100)), expected)

    def test_its_best_matches_are_those_of_a_full_scan_in_a_large_repetitive_index(self) -> None:
        # Enough variants of few texts that the walk raises its bar and stops early.
        rng = random.Random(3)
        sources = REWRITES + UNRELATED
        words = sorted({word for text in sources for word in text.split()})
        texts: dict[int, str] = {}
        index = NearDuplicateIndex(threshold=0.3)
        for key in range(3000):
            variant = [
                w if rng.random() > 0.25 else rng.choice(words) for w in rng.choice(sources).split()
            ]
            texts[key] = " ".join(variant)
            index.add(key, texts[key])
        for key in range(0, 3000, 7):  # removed and replaced texts must not come back
            index.remove(key)
            del texts[key]
        for key in range(1, 3000, 11):
            texts[key] = rng.choice(sources)
            index.add(key, texts[key])
        for query in [*rng.sample(sources, 12), texts[5], texts[8]]:
            scores = [(round(text_similarity(query, text), 4), key) for key, text in texts.items()]
            for limit in (1, 5):
                expected = sorted(
                    ((score, key) for score, key in scores if score >= 0.3),
                    key=lambda pair: (-pair[0], str(pair[1])),
                )[:limit]
                found = [(m.similarity, m.key) for m in index.query(query, limit=limit)]
                self.assertEqual(found, expected, query)
