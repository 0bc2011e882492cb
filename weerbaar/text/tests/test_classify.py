from __future__ import annotations

import json
import pickle
from collections import Counter
from unittest import TestCase

from weerbaar.text.classify import ModelEvaluation, ThemeModel, bootstrap_model, seed_examples

THEMES = {
    "disinformation",
    "conspiracy",
    "hate",
    "extremism",
    "polarisation",
    "sextortion",
    "cyberbullying",
    "scams",
    "gaming",
    "online_unsafety",
    "other",
}


class ClassifyTests(TestCase):
    def test_it_ships_at_least_25_seed_signals_per_theme(self) -> None:
        counts = Counter(label for _text, label in seed_examples())
        self.assertEqual(set(counts), THEMES)
        self.assertGreaterEqual(min(counts.values()), 25)
        texts = [text for text, _label in seed_examples()]
        self.assertEqual(len(texts), len(set(texts)))

    def test_it_reaches_a_sensible_macro_f1_in_cross_validation(self) -> None:
        evaluation = ThemeModel.evaluate(seed_examples(), folds=5)
        self.assertIsInstance(evaluation, ModelEvaluation)
        self.assertGreater(evaluation.macro_f1, 0.6)
        self.assertEqual(set(evaluation.labels), THEMES)
        self.assertEqual(evaluation.folds, 5)
        self.assertEqual(
            sum(sum(row.values()) for row in evaluation.confusion.values()), len(seed_examples())
        )
        for precision, recall, f1 in evaluation.per_label.values():
            self.assertTrue(0 <= precision <= 1 and 0 <= recall <= 1 and 0 <= f1 <= 1)

    def test_it_gives_the_same_figures_for_the_same_examples(self) -> None:
        first = ThemeModel.evaluate(seed_examples(), folds=4)
        second = ThemeModel.evaluate(list(reversed(seed_examples())), folds=4)
        self.assertEqual(first.macro_f1, ThemeModel.evaluate(seed_examples(), folds=4).macro_f1)
        self.assertEqual(first.labels, second.labels)

    def test_it_suggests_the_right_theme_for_clear_signals(self) -> None:
        model = bootstrap_model()
        cases = {
            "Een jongen wordt via Snapchat afgeperst met een naaktfoto": "sextortion",
            "Leerlingen geloven dat de elite een geheim plan heeft": "conspiracy",
            "Kinderen gamen tot diep in de nacht en geven hun zakgeld uit aan lootboxen": "gaming",
            "Jongeren wordt gevraagd hun bankpas uit te lenen voor snel geld": "scams",
            "Een meisje wordt in de klassenapp uitgescholden en buitengesloten": "cyberbullying",
        }
        for text, theme in cases.items():
            top = model.top(text, n=3)
            self.assertEqual(top[0][0], theme, (text, top))

    def test_it_returns_n_themes_with_probabilities_best_first(self) -> None:
        model = bootstrap_model()
        top = model.top("Iets over TikTok", n=3)
        self.assertEqual(len(top), 3)
        self.assertEqual([p for _t, p in top], sorted((p for _t, p in top), reverse=True))
        every = model.top("Iets over TikTok", n=20)
        self.assertEqual(len(every), len(THEMES))
        self.assertAlmostEqual(sum(p for _t, p in every), 1.0, places=2)
        self.assertEqual(model.top_many(["a", "b"], n=2), [model.top("a", 2), model.top("b", 2)])
        self.assertEqual(len(model.top("", n=3)), 3)  # the prior decides

    def test_it_is_not_overconfident_on_a_text_with_little_evidence(self) -> None:
        (_theme, probability), *_ = bootstrap_model().top("Er gebeurde iets online.")
        self.assertLess(probability, 0.6)

    def test_it_round_trips_through_json_and_never_pickle(self) -> None:
        model = bootstrap_model()
        data = model.to_bytes()
        payload = json.loads(data)
        self.assertEqual(payload["format"], "weerbaar.text.classify/naive-bayes")
        again = ThemeModel.from_bytes(data)
        self.assertEqual(again.labels, model.labels)
        self.assertEqual(again.label_counts, model.label_counts)
        text = "Leerlingen delen een nepbericht over een bommelding"
        self.assertEqual(again.top(text), model.top(text))
        for bad in (
            b"",
            b"not json",
            b"[]",
            b'{"format": "other"}',
            pickle.dumps(model.label_counts),
        ):
            with self.assertRaises(ValueError):
                ThemeModel.from_bytes(bad)
        damaged = json.dumps({**payload, "label_counts": "x"}).encode()
        with self.assertRaises(ValueError):
            ThemeModel.from_bytes(damaged)
        future = json.dumps({**payload, "version": 99}).encode()
        with self.assertRaises(ValueError):
            ThemeModel.from_bytes(future)

    def test_it_trains_on_new_labels_and_refuses_no_examples(self) -> None:
        model = ThemeModel.train([("chips in vaccins", "disinformation"), ("lootbox", "gaming")])
        self.assertEqual(model.labels, ("disinformation", "gaming"))
        self.assertEqual(model.size, 2)
        self.assertEqual(model.top("vaccins met chips")[0][0], "disinformation")
        with self.assertRaises(ValueError):
            ThemeModel.train([])
        with self.assertRaises(ValueError):
            ThemeModel.evaluate(seed_examples(), folds=1)
