"""The public help finder: which offers fit the answers, and whether to show crisis lines first.

A coalition has tens of offers, so matching happens in Python over its active offers: the
guided answers filter, the free text ranks with Dutch stems (the same Snowball stemmer and
prefix rule as knowledge search), and offers nobody confirmed for six months sink.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer

from weerbaar.coalitions.choices import Theme
from weerbaar.referrals.choices import Audience, FinderUrgency, Situation, Visitor
from weerbaar.referrals.models import HelpOffer

MAX_QUERY_LENGTH = 200
_WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("dutch")

SITUATION_THEMES: dict[str, set[str]] = {
    Situation.NUDES: {Theme.SEXTORTION},
    Situation.BULLYING: {Theme.CYBERBULLYING},
    Situation.EXTREMISM: {Theme.EXTREMISM, Theme.POLARISATION},
    Situation.CONSPIRACY: {Theme.CONSPIRACY, Theme.DISINFORMATION},
    Situation.HATE: {Theme.HATE},
    Situation.SCAM: {Theme.SCAMS},
    Situation.GAMING: {Theme.GAMING},
    Situation.OTHER: {Theme.ONLINE_UNSAFETY, Theme.OTHER},
}

VISITOR_AUDIENCES: dict[str, set[str]] = {
    Visitor.YOUNG_PERSON: {Audience.YOUNG_PEOPLE},
    Visitor.PARENT: {Audience.PARENTS},
    Visitor.PROFESSIONAL: {Audience.PROFESSIONALS, Audience.SCHOOLS},
}

# Words that mean danger even when the visitor did not choose "danger now".
DANGER_WORDS = ("zelfmoord", "suïcide", "suicide", "levensgevaar", "doodgaan", "wapen", "aanslag")


def stem(word: str) -> str:
    folded = unicodedata.normalize("NFKD", _stemmer.stemWord(word.lower()))
    return "".join(c for c in folded if not unicodedata.combining(c))


def get_stems(text: str) -> list[str]:
    words = [w for w in _WORD.findall(text[:MAX_QUERY_LENGTH].lower()) if len(w) >= 2]
    return list(dict.fromkeys(stem(w) for w in words))


@dataclass(frozen=True)
class FinderAnswers:
    visitor: str = ""
    situations: tuple[str, ...] = ()
    urgency: str = ""
    query: str = ""


@dataclass(frozen=True)
class FinderResult:
    offer: HelpOffer
    score: float
    stale: bool


def shows_crisis_lines_first(answers: FinderAnswers) -> bool:
    """Danger chosen, or words in the free text that suggest it."""
    if answers.urgency == FinderUrgency.DANGER:
        return True
    danger = {stem(word) for word in DANGER_WORDS}
    return any(s.startswith(d) for s in get_stems(answers.query) for d in danger)


def find_offers(offers: Iterable[HelpOffer], answers: FinderAnswers) -> list[FinderResult]:
    """Offers fitting the answers, best first; stale ones after fresh ones."""
    themes: set[str] = set()
    for situation in answers.situations:
        themes |= SITUATION_THEMES.get(situation, set())
    audiences = VISITOR_AUDIENCES.get(answers.visitor, set())
    query_stems = get_stems(answers.query)
    results: list[FinderResult] = []
    for offer in offers:
        if themes and not themes & set(offer.themes):
            continue
        if audiences and not audiences & set(offer.audiences):
            continue
        score = 1.0
        if query_stems:
            text_stems = set(get_stems_of_text(offer.get_search_text()))
            hits = sum(1 for q in query_stems if any(t.startswith(q) for t in text_stems))
            if hits == 0:
                continue
            score += hits / len(query_stems)
            if any(q in get_stems(offer.title) for q in query_stems):
                score += 0.5
        if answers.urgency == FinderUrgency.DANGER and offer.is_crisis():
            score += 1
        results.append(FinderResult(offer, score, offer.is_stale()))
    results.sort(key=lambda r: (r.stale, -r.score, r.offer.title.lower()))
    return results


def get_stems_of_text(text: str) -> list[str]:
    """All stems of an offer's text (no length cut, unlike a query)."""
    return list(dict.fromkeys(stem(w) for w in _WORD.findall(text.lower()) if len(w) >= 2))
