"""Near-duplicate detection for short Dutch texts (signals about the same incident).

Two reporters rarely use the same words for one rumour, so the texts are compared on their
*content words*: lowercased, stemmed with the Dutch Snowball stemmer, stop words dropped and
a few everyday synonyms folded together ("filmpje" and "video", "leerlingen" and "jongeren").
The similarity of two texts is the Dice coefficient of those sets, ``2|A∩B| / (|A|+|B|)``,
which rewards a large shared core and, unlike word shingles, survives reordering and
paraphrase.

:class:`NearDuplicateIndex` keeps an inverted index from feature to keys. A query only has to
look up the rarest features of the new text: a text that reaches the threshold must share
enough features that at least one of them is among those (prefix filtering), so the common
words that occur in thousands of texts are never walked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from weerbaar.text.wordlists import read_words

__all__ = ["Match", "NearDuplicateIndex", "features", "text_similarity", "tokens"]

# Hyphens and apostrophes split words: "TikTok-filmpje" is about TikTok and a filmpje.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("dutch")

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
    """The content-word stems of ``text`` (stop words out, synonyms folded) that are compared."""
    found = set()
    for word in _WORD.findall(text.lower()):
        if word in STOP_WORDS or len(word) < 2 or word.isdigit():
            continue
        stem = _stem(word)
        found.add(_SYNONYMS.get(stem, stem))
    return frozenset(found)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def text_similarity(a: str, b: str) -> float:
    """How alike two texts are, from 0 (no content word in common) to 1 (same content words)."""
    return _dice(features(a), features(b))


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
        self._features: dict[Hashable, frozenset[str]] = {}
        self._postings: dict[str, set[Hashable]] = {}

    def __len__(self) -> int:
        return len(self._features)

    def __contains__(self, key: object) -> bool:
        return key in self._features

    def add(self, key: Hashable, text: str) -> None:
        if key in self._features:
            self.remove(key)
        found = features(text)
        self._features[key] = found
        for feature in found:
            self._postings.setdefault(feature, set()).add(key)

    def add_many(self, items: Iterable[tuple[Hashable, str]]) -> None:
        for key, text in items:
            self.add(key, text)

    def remove(self, key: Hashable) -> None:
        found = self._features.pop(key, None)
        if found is None:
            return
        for feature in found:
            keys = self._postings.get(feature)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._postings[feature]

    def query(self, text: str, limit: int = 5) -> list[Match]:
        """The keys whose text is at least ``threshold`` alike ``text``, best first."""
        query_features = features(text)
        size = len(query_features)
        if not size or limit <= 0:
            return []
        # Dice(A, B) >= t needs |A∩B| >= t|A| / (2 - t): at least that many shared features,
        # so one of the (size - needed + 1) rarest features of A is always shared.
        needed = max(1, math.ceil(self.threshold * size / (2 - self.threshold) - 1e-9))
        probe = sorted(query_features, key=lambda f: len(self._postings.get(f, ())))
        candidates: set[Hashable] = set()
        for feature in probe[: size - needed + 1]:
            candidates.update(self._postings.get(feature, ()))
        matches = []
        for key in candidates:
            similarity = _dice(query_features, self._features[key])
            if similarity >= self.threshold:
                matches.append(Match(key, round(similarity, 4)))
        matches.sort(key=lambda m: (-m.similarity, str(m.key)))
        return matches[:limit]
