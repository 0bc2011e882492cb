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
        self._features: dict[Hashable, tuple[frozenset[str], float]] = {}
        self._postings: dict[str, set[Hashable]] = {}

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, key: object) -> bool:
        return key in self._features

    def add(self, key: Hashable, text: str) -> None:
        """Index ``text`` under ``key`` (replacing what the key had)."""
        if key in self._features:
            self.remove(key)
        found = features(text)
        self._features[key] = (found, _total(found))
        for feature in found:
            self._postings.setdefault(feature, set()).add(key)

    def add_many(self, items: Iterable[tuple[Hashable, str]]) -> None:
        for key, text in items:
            self.add(key, text)

    def remove(self, key: Hashable) -> None:
        """Forget ``key``; nothing happens when it is not in the index."""
        entry = self._features.pop(key, None)
        if entry is None:
            return
        for feature in entry[0]:
            keys = self._postings.get(feature)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._postings[feature]

    def query(self, text: str, limit: int = 5) -> list[Match]:
        """The keys whose text is at least ``threshold`` alike ``text``, best first."""
        found = features(text)
        total = _total(found)
        if not total or limit <= 0:
            return []
        # A text B reaches the threshold t only when w(A∩B) >= t/(2-t) * w(A) (since
        # w(B) >= w(A∩B)). Walk A's features from the rarest in the index, adding up the
        # weight each text shares; once the weight not yet walked is below that bound, no
        # text that was not met can still qualify (prefix filtering). Only ``limit`` matches
        # are wanted, so at a few points on the way the best texts met so far are scored
        # exactly and the bar is raised to the limit-th best score: in a corpus with many
        # copies of one rumour the walk then ends early, and the answer stays exact.
        bar = self.threshold
        postings = self._postings
        # Cheapest first: fewest keys to walk for the weight a feature takes off the rest.
        ordered = sorted(found, key=lambda f: (len(postings.get(f, ())) / _weight(f), f))
        remaining = total
        shared: dict[Hashable, float] = {}
        scored: dict[Hashable, float] = {}
        checkpoints = [0.9 * total, 0.8 * total, 0.7 * total, 0.6 * total, 0.5 * total]
        for feature in ordered:
            if remaining < bar / (2 - bar) * total - 1e-9:
                break
            if checkpoints and remaining < checkpoints[0]:
                checkpoints.pop(0)
                bar = max(bar, self._raise_bar(found, total, shared, scored, limit))
                if remaining < bar / (2 - bar) * total - 1e-9:
                    break
            feature_weight = _weight(feature)
            keys = postings.get(feature)
            if keys:
                get = shared.get
                for key in keys:
                    shared[key] = get(key, 0.0) + feature_weight
            remaining -= feature_weight
        matches = []
        for key, known in shared.items():
            other, other_total = self._features[key]
            # What B shares at most: what was counted plus all that was not walked.
            if 2 * (known + remaining) < bar * (total + other_total) - 1e-9:
                continue
            similarity = scored.get(key)
            if similarity is None:
                similarity = _similarity(found, total, other, other_total)
            if similarity >= self.threshold:
                matches.append(Match(key, round(similarity, 4)))
        matches.sort(key=lambda m: (-m.similarity, str(m.key)))
        return matches[:limit]

    def _raise_bar(
        self,
        found: frozenset[str],
        total: float,
        shared: dict[Hashable, float],
        scored: dict[Hashable, float],
        limit: int,
    ) -> float:
        """The limit-th best exact score among the texts that share the most so far."""
        if len(shared) < limit:
            return 0.0
        for key in heapq.nlargest(limit * 2, shared, key=shared.__getitem__):
            if key not in scored:
                other, other_total = self._features[key]
                scored[key] = _similarity(found, total, other, other_total)
        best = heapq.nlargest(limit, scored.values())
        return best[-1] if len(best) == limit else 0.0
