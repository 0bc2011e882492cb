"""The statistics of the trend monitor, in plain Python (no Django), so they are easy to test.

Three things live here:

- **Emerging terms**: Dunning's log-likelihood ratio G² of a term's count in the recent window
  against its count in the baseline window (Dunning 1993; Rayson & Garside 2000). With ``a``
  occurrences of the term among ``c`` tokens in the recent window and ``b`` among ``d`` in the
  baseline, ``E1 = c(a+b)/(c+d)``, ``E2 = d(a+b)/(c+d)`` and
  ``G² = 2(a ln(a/E1) + b ln(b/E2))``. G² ≥ 10.83 means p < 0.001 with one degree of
  freedom. A term counts as emerging only when it occurs at least ``min_count`` times in the
  recent window *and* its relative frequency went up, so a rare word or a falling one never
  shows up.
- **Anomalies** for early-warning rules: a fixed threshold, a z-score against the mean and
  standard deviation of the baseline weeks, or the Poisson upper tail P(X ≥ current) with the
  baseline mean as rate. Every method also needs ``min_count`` in the current period, so that
  "2 instead of 0" never raises an alarm. The verdict carries the numbers that explain it.
- **Small-cell suppression** (k-anonymity for aggregates): counts 1…k-1 are hidden; when a
  row of cells has a shown total and exactly one cell is hidden, the next-smallest cell is
  hidden too (complementary suppression), because the total minus the others would reveal it;
  and a filtered count is hidden when the unfiltered count minus it is 1…k-1 (differencing).
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Chi-squared with one degree of freedom: 3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001.
G2_THRESHOLD = 10.83
MIN_TERM_COUNT = 5


@dataclass(frozen=True)
class TermScore:
    term: str
    recent: int
    baseline: int
    score: float  # G², signed: positive when the term is more frequent in the recent window
    ratio: float  # relative frequency recent / baseline (with add-one smoothing)


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Signed G² of ``a`` of ``c`` recent tokens against ``b`` of ``d`` baseline tokens."""
    if a < 0 or b < 0 or c < a or d < b:
        raise ValueError("Counts must be between zero and their totals.")
    if c == 0 or d == 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 2.0 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    return g2 if a / c >= b / d else -g2


def emerging_terms(
    recent: Mapping[str, int],
    baseline: Mapping[str, int],
    *,
    min_count: int = MIN_TERM_COUNT,
    threshold: float = G2_THRESHOLD,
    limit: int = 20,
) -> list[TermScore]:
    """Terms significantly more frequent in ``recent`` than in ``baseline``, best first."""
    c = sum(recent.values())
    d = sum(baseline.values())
    if c == 0:
        return []
    vocabulary = len(set(recent) | set(baseline)) or 1
    found = []
    for term, a in recent.items():
        if a < min_count:
            continue
        b = baseline.get(term, 0)
        # With an empty baseline every term is "new"; compare against a flat prior of one.
        score = log_likelihood(a, b, c, d) if d else 0.0
        ratio = ((a + 1) / (c + vocabulary)) / ((b + 1) / (d + vocabulary))
        if score >= threshold and ratio > 1:
            found.append(TermScore(term, a, b, round(score, 2), round(ratio, 2)))
    found.sort(key=lambda t: (-t.score, t.term))
    return found[:limit]


def count_terms(documents: Sequence[Sequence[str]], *, phrases: bool = True) -> Counter[str]:
    """How many documents contain each token (and each two-token phrase).

    Counting documents rather than occurrences keeps one long text that repeats a word from
    making it "emerge".
    """
    counts: Counter[str] = Counter()
    for tokens in documents:
        seen = set(tokens)
        if phrases:
            seen.update(f"{x} {y}" for x, y in itertools.pairwise(tokens))
        counts.update(seen)
    return counts


class Method(StrEnum):
    THRESHOLD = "threshold"
    ZSCORE = "zscore"
    POISSON = "poisson"


@dataclass(frozen=True)
class Verdict:
    fired: bool
    method: Method
    current: int
    baseline_mean: float
    baseline_sd: float
    threshold: float
    min_count: int
    z: float | None = None
    p: float | None = None

    def as_dict(self) -> dict[str, float | int | str | bool | None]:
        return {
            "fired": self.fired,
            "method": str(self.method),
            "current": self.current,
            "baseline_mean": round(self.baseline_mean, 2),
            "baseline_sd": round(self.baseline_sd, 2),
            "threshold": self.threshold,
            "min_count": self.min_count,
            "z": None if self.z is None else round(self.z, 2),
            "p": None if self.p is None else float(f"{self.p:.3g}"),
        }


def poisson_upper_tail(k: int, mu: float) -> float:
    """P(X ≥ k) for X ~ Poisson(mu), summed in log space so large counts do not overflow."""
    if k <= 0:
        return 1.0
    if mu <= 0:
        return 0.0
    # 1 - P(X ≤ k-1); summing the lower terms is stable for the counts we see (k < 10⁶).
    log_term = -mu
    lower = math.exp(log_term)
    for i in range(1, k):
        log_term += math.log(mu) - math.log(i)
        lower += math.exp(log_term)
        if lower >= 1.0:
            return 0.0
    return max(0.0, 1.0 - lower)


def check_anomaly(
    current: int,
    baseline: Sequence[int],
    *,
    method: Method,
    threshold: float,
    min_count: int = 5,
) -> Verdict:
    """Whether ``current`` is unusually high against the ``baseline`` periods.

    ``threshold`` means: the count itself (THRESHOLD), the z-score (ZSCORE, e.g. 3), or the
    largest tail probability that still fires (POISSON, e.g. 0.001). The z-score divides by
    the larger of the sample standard deviation and √mean (the Poisson spread), and at least 1,
    so a flat baseline does not turn every small wobble into infinity.
    """
    check_rule(method, threshold, min_count)
    mean = statistics.fmean(baseline) if baseline else 0.0
    sd = statistics.stdev(baseline) if len(baseline) > 1 else 0.0
    enough = current >= min_count
    if method == Method.THRESHOLD:
        return Verdict(
            enough and current >= threshold, method, current, mean, sd, threshold, min_count
        )
    if method == Method.ZSCORE:
        z = (current - mean) / max(sd, math.sqrt(mean), 1.0)
        return Verdict(
            enough and bool(baseline) and z >= threshold,
            method,
            current,
            mean,
            sd,
            threshold,
            min_count,
            z=z,
        )
    p = poisson_upper_tail(current, max(mean, 0.5))
    return Verdict(
        enough and bool(baseline) and p <= threshold,
        method,
        current,
        mean,
        sd,
        threshold,
        min_count,
        p=p,
    )


def check_rule(method: Method, threshold: float, min_count: int) -> None:
    """Refuse thresholds that make no sense for the method (a ValueError says why)."""
    if not math.isfinite(threshold):
        raise ValueError("The threshold must be a number.")
    if min_count < 1:
        raise ValueError("The minimum count must be at least 1.")
    if method == Method.THRESHOLD and threshold < 1:
        raise ValueError("A fixed threshold must be at least 1.")
    if method == Method.ZSCORE and not 0.5 <= threshold <= 20:
        raise ValueError("A z-score threshold must be between 0.5 and 20.")
    if method == Method.POISSON and not 0 < threshold < 0.5:
        raise ValueError("A tail probability must be above 0 and below 0.5.")


def percent_change(current: float, previous: float) -> float | None:
    """Change from ``previous`` to ``current`` in percent; None when there was nothing before."""
    if previous <= 0:
        return None
    return round(100.0 * (current - previous) / previous)


def is_small(count: int, k: int) -> bool:
    return 0 < count < k


@dataclass(frozen=True)
class SuppressedRow:
    cells: list[int | None]
    total: int | None


def suppress_row(counts: Sequence[int], k: int) -> SuppressedRow:
    """The counts of one row and its total, with small cells hidden (None).

    When exactly one cell is hidden, the smallest other non-zero cell is hidden as well:
    otherwise the total minus the shown cells gives the hidden one back. When there is no such
    cell, the total is hidden instead (it would equal the hidden cell). A small total is hidden
    like any cell.
    """
    shown: list[int | None] = [None if is_small(c, k) else c for c in counts]
    hidden = [i for i, c in enumerate(shown) if c is None]
    total: int | None = sum(counts)
    if len(hidden) == 1:
        candidates = [(c, i) for i, c in enumerate(counts) if shown[i] is not None and c > 0]
        if candidates:
            shown[min(candidates)[1]] = None
        else:
            total = None
    if total is not None and is_small(total, k):
        total = None
    return SuppressedRow(shown, total)


def suppress_part(part: int, whole: int, k: int) -> int | None:
    """A filtered count, hidden when it or its difference with the unfiltered count is small.

    Someone who sees "all areas: 120" and "all but one area: 117" learns that one area has 3;
    so a filtered count is shown only when both it and ``whole - part`` are 0 or at least k.
    """
    if is_small(part, k) or is_small(whole - part, k):
        return None
    return part
