from __future__ import annotations

import math
import random
from unittest import TestCase

from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.trends.stats import (
    Method,
    check_anomaly,
    check_rule,
    count_terms,
    emerging_terms,
    log_likelihood,
    percent_change,
    poisson_upper_tail,
    suppress_part,
    suppress_row,
)


def weekly_noise(mean: int, weeks: int, seed: int) -> list[int]:
    """Counts that wobble by at most one Poisson standard deviation around ``mean``."""
    rng = random.Random(seed)
    spread = math.sqrt(mean)
    return [max(0, round(mean + rng.uniform(-spread, spread))) for _ in range(weeks)]


class StatsTestCase(TestCase):
    def test_it_scores_a_known_log_likelihood(self) -> None:
        # 30 of 1000 recent tokens against 10 of 1000 baseline tokens: G² ≈ 10.46.
        self.assertAlmostEqual(log_likelihood(30, 10, 1000, 1000), 10.46, places=2)
        self.assertLess(log_likelihood(10, 30, 1000, 1000), 0)
        self.assertEqual(log_likelihood(0, 0, 10, 10), 0.0)

    def test_it_refuses_counts_above_their_totals(self) -> None:
        with self.assertRaises(ValueError):
            log_likelihood(5, 0, 4, 10)

    def test_it_finds_a_term_that_rises_and_ignores_rare_and_steady_ones(self) -> None:
        baseline = {"school": 200, "games": 100, "nepwinkel": 2, "oma": 3}
        recent = {"school": 50, "games": 25, "nepwinkel": 40, "oma": 4}
        found = emerging_terms(recent, baseline, min_count=5)
        self.assertEqual([t.term for t in found], ["nepwinkel"])
        self.assertGreater(found[0].score, 10.83)
        self.assertEqual((found[0].recent, found[0].baseline), (40, 2))

    def test_it_counts_documents_and_phrases(self) -> None:
        counts = count_terms([["nep", "winkel", "nep"], ["nep"]])
        self.assertEqual(counts["nep"], 2)
        self.assertEqual(counts["nep winkel"], 1)

    def test_it_fires_a_fixed_threshold_only_from_the_minimum_count(self) -> None:
        self.assertTrue(check_anomaly(12, [], method=Method.THRESHOLD, threshold=10).fired)
        self.assertFalse(check_anomaly(9, [], method=Method.THRESHOLD, threshold=10).fired)
        verdict = check_anomaly(3, [0, 0], method=Method.THRESHOLD, threshold=1, min_count=5)
        self.assertFalse(verdict.fired)

    def test_it_does_not_fire_on_a_tiny_rise_from_nothing(self) -> None:
        self.assertFalse(check_anomaly(2, [0] * 8, method=Method.ZSCORE, threshold=3).fired)
        self.assertFalse(check_anomaly(2, [0] * 8, method=Method.POISSON, threshold=0.001).fired)

    def test_it_computes_the_poisson_tail(self) -> None:
        self.assertAlmostEqual(poisson_upper_tail(1, 2.0), 1 - math.exp(-2.0))
        self.assertAlmostEqual(poisson_upper_tail(0, 5.0), 1.0)
        self.assertLess(poisson_upper_tail(40, 10.0), 1e-9)
        self.assertGreater(poisson_upper_tail(2000, 2000.0), 0.4)

    def test_it_refuses_nonsense_thresholds(self) -> None:
        for method, threshold in [
            (Method.ZSCORE, -1.0),
            (Method.POISSON, 2.0),
            (Method.THRESHOLD, 0.0),
            (Method.ZSCORE, math.nan),
        ]:
            with self.subTest(method=method), self.assertRaises(ValueError):
                check_rule(method, threshold, 5)
        with self.assertRaises(ValueError):
            check_rule(Method.ZSCORE, 3, 0)

    def test_it_explains_the_numbers(self) -> None:
        verdict = check_anomaly(60, [20, 22, 18, 20], method=Method.ZSCORE, threshold=3)
        data = verdict.as_dict()
        self.assertTrue(data["fired"])
        self.assertEqual(data["current"], 60)
        self.assertEqual(data["baseline_mean"], 20.0)
        self.assertGreater(float(str(data["z"])), 3)

    @settings(max_examples=200, deadline=None)
    @given(
        mean=st.integers(min_value=10, max_value=500),
        weeks=st.integers(min_value=4, max_value=26),
        seed=st.integers(min_value=0, max_value=2**32),
        factor=st.floats(min_value=-2.0, max_value=2.0),
    )
    def test_it_does_not_fire_on_normal_weekly_noise(
        self, mean: int, weeks: int, seed: int, factor: float
    ) -> None:
        baseline = weekly_noise(mean, weeks, seed)
        current = max(0, round(mean + factor * math.sqrt(mean)))
        for method, threshold in [(Method.ZSCORE, 3.0), (Method.POISSON, 0.001)]:
            verdict = check_anomaly(current, baseline, method=method, threshold=threshold)
            self.assertFalse(verdict.fired, verdict)

    @settings(max_examples=200, deadline=None)
    @given(
        mean=st.integers(min_value=10, max_value=500),
        weeks=st.integers(min_value=4, max_value=26),
        seed=st.integers(min_value=0, max_value=2**32),
        rise=st.floats(min_value=1.4, max_value=5.0),
    )
    def test_it_fires_on_a_planted_rise(
        self, mean: int, weeks: int, seed: int, rise: float
    ) -> None:
        baseline = weekly_noise(mean, weeks, seed)
        current = round(mean * rise + 6 * math.sqrt(mean))
        for method, threshold in [(Method.ZSCORE, 3.0), (Method.POISSON, 0.001)]:
            verdict = check_anomaly(current, baseline, method=method, threshold=threshold)
            self.assertTrue(verdict.fired, verdict)

    def test_it_reports_the_percent_change(self) -> None:
        self.assertEqual(percent_change(140, 100), 40)
        self.assertIsNone(percent_change(5, 0))

    def test_it_hides_small_cells_and_one_complement(self) -> None:
        self.assertEqual(suppress_row([50, 3, 20, 0, 12], 10).cells, [50, None, 20, 0, None])
        self.assertEqual(suppress_row([50, 3, 4], 10).cells, [50, None, None])
        self.assertEqual(suppress_row([50, 30], 10).cells, [50, 30])
        self.assertEqual(suppress_row([50, 30], 10).total, 80)
        self.assertIsNone(suppress_row([3], 10).total)
        self.assertIsNone(suppress_row([0, 3, 0], 10).total)

    def test_it_hides_a_filtered_count_whose_difference_is_small(self) -> None:
        self.assertIsNone(suppress_part(117, 120, 10))
        self.assertIsNone(suppress_part(4, 120, 10))
        self.assertEqual(suppress_part(120, 120, 10), 120)
        self.assertEqual(suppress_part(60, 120, 10), 60)

    @settings(max_examples=300, deadline=None)
    @given(
        counts=st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8),
        k=st.integers(min_value=2, max_value=15),
    )
    def test_it_never_lets_the_total_reveal_a_hidden_cell(self, counts: list[int], k: int) -> None:
        row = suppress_row(counts, k)
        hidden = [c for c, s in zip(counts, row.cells, strict=True) if s is None]
        if row.total is not None:
            # With the total shown, the hidden cells add up to at least two unknowns.
            self.assertNotEqual(len(hidden), 1)
            self.assertFalse(0 < row.total < k)
        self.assertTrue(all(s is None or not 0 < s < k for s in row.cells))
