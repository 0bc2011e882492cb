"""Near-duplicate detection for short Dutch texts (signals about the same incident).

Two reporters rarely use the same words for one rumour, so texts are compared on

* their *content words*: lowercased, stemmed with the Dutch Snowball stemmer, stop words
  dropped and a few everyday synonyms folded together ("filmpje" and "video", "insta" and
  "instagram"), and
* the 4-letter pieces of those words, so compounds and inflections meet
  ("Telegramkanaal" and "Telegramgroep", "bommelding" and "bom").

Each feature weighs its inverse document frequency in the seed signals (data/seed_examples.tsv):
"jongeren" and "school" occur in every other signal and say little; "bankpas" or "blackout"
say a lot. The similarity of two texts is the weighted Dice coefficient
``2·w(A∩B) / (w(A) + w(B))``: the share of their weighted content they have in common.
The weights are fixed (not taken from the index), so a score never depends on what else
was indexed.

:class:`NearDuplicateIndex` keeps an inverted index from feature to keys. A query looks up
the features of the new text from rare to common and stops as soon as the features left
cannot carry a text over the threshold on their own (prefix filtering), so the common
pieces that occur in thousands of texts are rarely walked. The result is exact.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from weerbaar.text.redaction import PLACEHOLDERS
from weerbaar.text.wordlists import read_seed_texts, read_words

__all__ = ["Match", "NearDuplicateIndex", "features", "text_similarity", "tokens", "weight"]

# Hyphens and apostrophes split words: "TikTok-filmpje" is about TikTok and a filmpje.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("dutch")
_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))

# Function words and words every signal contains; they say nothing about which incident it is.
STOP_WORDS = read_words("stop_words.txt")

# Everyday words in signals that mean the same, folded onto one word so paraphrases meet.
_SYNONYM_GROUPS: dict[str, tuple[str, ...]] = {
    "video": ("filmpje", "filmpjes", "film", "clip", "clipje", "reel", "reels", "videos"),
    "jongere": (
        "jongeren",
        "leerling",
        "leerlingen",
        "kind",
        "kinderen",
        "tiener",
        "tieners",
        "scholier",
        "scholieren",
        "puber",
        "pubers",
        "jongen",
        "jongens",
        "meisje",
        "meisjes",
        "klasgenoot",
        "klasgenoten",
    ),
    "beeld": ("foto", "fotos", "foto's", "plaatje", "plaatjes", "afbeelding", "pic", "pics"),
    "naaktbeeld": ("nudes", "nude", "naaktfoto", "naaktfotos", "naaktfilmpje", "naaktbeelden"),
    "dreigen": ("bedreigen", "bedreigt", "bedreigd", "dreigt", "dreigde", "bedreiging"),
    "afpersen": ("chantage", "chanteert", "chanteren", "gechanteerd", "afgeperst", "afperst"),
    "geld": ("betalen", "betaalt", "euro", "euros", "bedrag"),
    "bericht": ("app", "appje", "appjes", "berichtje", "berichtjes", "dm", "dms", "berichten"),
    "delen": ("gedeeld", "deelt", "verspreid", "verspreiden", "doorgestuurd", "rondgestuurd"),
    "instagram": ("insta", "ig"),
    "snapchat": ("snap",),
    "groepsapp": ("groepschat", "klassenapp", "klassenchat", "groepsgesprek", "appgroep"),
    "vaccinatie": ("vaccin", "vaccins", "vaccinaties", "prik", "prikken", "inenting"),
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


_SYNONYMS: dict[str, str] = {
    _stem(word): _stem(canonical)
    for canonical, words in _SYNONYM_GROUPS.items()
    for word in (canonical, *words)
}


def tokens(text: str) -> list[str]:
    """The words of ``text``, lowercased and stemmed with the Dutch Snowball stemmer."""
    return [_stem(word) for word in _WORD.findall(text.lower())]


def features(text: str) -> frozenset[str]:
    """The features of ``text`` that are compared: content-word stems and 4-letter pieces."""
    found: set[str] = set()
    # Placeholders of redacted text ("[naam]") say nothing about which incident it is.
    for word in _WORD.findall(_PLACEHOLDER_RE.sub(" ", text).lower()):
        found.update(_word_features(word))
    return frozenset(found)


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    if word in STOP_WORDS or len(word) < 2 or word.isdigit():
        return ()
    stem = _stem(word)
    canonical = _SYNONYMS.get(stem, stem)
    padded = f"<{canonical if canonical != stem else word}>"
    return (canonical, *("~" + padded[i : i + 4] for i in range(max(1, len(padded) - 3))))


class _Weights(dict[str, float]):
    """Feature → inverse document frequency in the seed signals, filled on first use.

    A dict (not a cached function) so that sums over many features run as C lookups.
    """

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[str, int] | None = None
        self._size = 0

    def __missing__(self, feature: str) -> float:
        if self._counts is None:
            counts: dict[str, int] = {}
            texts = read_seed_texts()
            for text in texts:
                for seen in features(text):
                    counts[seen] = counts.get(seen, 0) + 1
            self._counts, self._size = counts, len(texts)
        value = math.log((self._size + 1) / (self._counts.get(feature, 0) + 0.5))
        if len(self) < 1_000_000:  # a bound, so a flood of odd words cannot eat memory
            self[feature] = value
        return value


_WEIGHTS = _Weights()
_weight = _WEIGHTS.__getitem__


def weight(feature: str) -> float:
    """How much sharing ``feature`` says: its inverse document frequency in the seed signals."""
    return _weight(feature)


def _total(found: Iterable[str]) -> float:
    return sum(map(_weight, found))


def _similarity(a: frozenset[str], total_a: float, b: frozenset[str], total_b: float) -> float:
    if not total_a or not total_b:
        return 0.0
    return min(1.0, 2 * _total(a & b) / (total_a + total_b))


def text_similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 (nothing in common) to 1 (the same content)."""
    fa, fb = features(a), features(b)
    return _similarity(fa, _total(fa), fb, _total(fb))


# Scores are compared with this slack for float sums in another order.
_EPSILON = 1e-9
# Scores are rounded to 4 decimals, and equal rounded scores are ordered by key: a text up to
# this much below the bar can still tie with the limit-th best, so it is kept.
_TIE = 1e-4
# The bar is raised to the limit-th best score found so far before a feature would take the
# walk past this many postings, and then each time before it would double it.
_FIRST_CHECK = 1500
_CHECK_GROWTH = 2
# When the bar is raised, this many texts per wanted match (those sharing most) are scored.
_SCORED_PER_MATCH = 8


@dataclass(frozen=True, slots=True)
class Match:
    key: Hashable
    similarity: float


class NearDuplicateIndex:
    """Texts by key, queried for the ones most like a new text.

    ``threshold`` is the lowest similarity a query returns. Adding a key that is already in
    the index replaces its text.
    """

    def __init__(self, threshold: float = 0.5) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        # Each text has a small integer id (a slot in the lists below), so a query adds up
        # shared weight in a list instead of a dict. Slots of removed texts are reused.
        self._ids: dict[Hashable, int] = {}
        self._keys: list[Hashable] = []
        self._found: list[frozenset[str]] = []
        self._totals: list[float] = []
        self._free: list[int] = []
        self._postings: dict[str, set[int]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def add(self, key: Hashable, text: str) -> None:
        """Index ``text`` under ``key`` (replacing what the key had)."""
        if key in self._ids:
            self.remove(key)
        found = features(text)
        if self._free:
            slot = self._free.pop()
            self._keys[slot], self._found[slot], self._totals[slot] = key, found, _total(found)
        else:
            slot = len(self._keys)
            self._keys.append(key)
            self._found.append(found)
            self._totals.append(_total(found))
        self._ids[key] = slot
        for feature in found:
            self._postings.setdefault(feature, set()).add(slot)

    def add_many(self, items: Iterable[tuple[Hashable, str]]) -> None:
        for key, text in items:
            self.add(key, text)

    def remove(self, key: Hashable) -> None:
        """Forget ``key``; nothing happens when it is not in the index."""
        slot = self._ids.pop(key, None)
        if slot is None:
            return
        for feature in self._found[slot]:
            slots = self._postings.get(feature)
            if slots is not None:
                slots.discard(slot)
                if not slots:
                    del self._postings[feature]
        self._keys[slot], self._found[slot], self._totals[slot] = None, frozenset(), 0.0
        self._free.append(slot)

    def query(self, text: str, limit: int = 5) -> list[Match]:
        """The keys whose text is at least ``threshold`` alike ``text``, best first."""
        found = features(text)
        total = _total(found)
        if not total or limit <= 0:
            return []
        # A text B reaches a score s only when w(A∩B) >= s/(2-s) * w(A) (since
        # w(B) >= w(A∩B)). Walk A's features cheapest first (fewest texts for the weight they
        # take off the rest), adding up the weight each text shares; once the weight not yet
        # walked is below that bound, no text that was not met can still qualify (prefix
        # filtering). Only ``limit`` matches are wanted, so early in the walk, and again
        # each time it has grown fourfold, the texts that share the most so far are scored
        # exactly and the bar is raised to the limit-th best score: in a corpus with many
        # copies of one rumour the walk then ends early, and the answer stays exact.
        postings = self._postings
        weights = {feature: _weight(feature) for feature in found}
        ordered = sorted(found, key=lambda f: (len(postings.get(f, ())) / weights[f], f))
        bar = self.threshold
        remaining = total
        shared = [0.0] * len(self._keys)
        met: set[int] = set()
        scored: dict[int, float] = {}
        walked, check = 0, _FIRST_CHECK
        for feature in ordered:
            if remaining < bar / (2 - bar) * total - _EPSILON:
                break
            slots = postings.get(feature)
            if slots and walked + len(slots) > check:
                check = (walked + len(slots)) * _CHECK_GROWTH
                bar = max(bar, self._raise_bar(found, total, shared, met, scored, limit))
                if remaining < bar / (2 - bar) * total - _EPSILON:
                    break
            feature_weight = weights[feature]
            if slots:
                for slot in slots:
                    shared[slot] += feature_weight
                met.update(slots)
                walked += len(slots)
            remaining -= feature_weight
        # What B shares at most is what was counted plus all that was not walked. Texts are
        # scored exactly from the highest such bound down, raising the bar to the limit-th
        # best score, until the bound falls below the bar (less a rounding margin, so texts
        # that tie with the limit-th best at 4 decimals are still scored).
        floor = bar - _TIE
        least = floor / (2 - floor) * total - remaining - _EPSILON
        totals, keys, threshold = self._totals, self._keys, self.threshold
        bounds = sorted(
            [
                (2 * (shared[slot] + remaining) / (total + totals[slot]), slot)
                for slot in met
                if shared[slot] >= least
            ],
            reverse=True,
        )
        best: list[float] = []
        matches = []
        for bound, slot in bounds:
            if bound < floor - _EPSILON:
                break
            similarity = scored.get(slot)
            if similarity is None:
                similarity = _similarity(found, total, self._found[slot], totals[slot])
            if similarity >= threshold:
                matches.append(Match(keys[slot], round(similarity, 4)))
                heapq.heappush(best, similarity)
                if len(best) > limit:
                    heapq.heappop(best)
                if len(best) == limit:
                    floor = max(floor, best[0] - _TIE)
        matches.sort(key=lambda m: (-m.similarity, str(m.key)))
        return matches[:limit]

    def _raise_bar(
        self,
        found: frozenset[str],
        total: float,
        shared: list[float],
        met: set[int],
        scored: dict[int, float],
        limit: int,
    ) -> float:
        """The limit-th best exact score among the texts that share the most so far."""
        if len(met) < limit:
            return 0.0
        for slot in heapq.nlargest(limit * _SCORED_PER_MATCH, met, key=shared.__getitem__):
            if slot not in scored:
                other, other_total = self._found[slot], self._totals[slot]
                scored[slot] = _similarity(found, total, other, other_total)
        best = heapq.nlargest(limit, scored.values())
        return best[-1] if len(best) == limit else 0.0
