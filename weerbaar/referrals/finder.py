"""The public help finder: which offers fit the answers, and whether to show crisis lines first.

A coalition has tens of offers, so matching happens in Python over its active offers: the
guided answers filter, and the free text ranks on the text engine's content-word stems (stop
words out, synonyms such as "naaktfoto"/"naaktbeeld" folded). A query stem matches a stem of
the offer that starts with it, or that it starts with ("gamet" finds "game"), as knowledge
search matches prefixes. Offers nobody confirmed for six months sink.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from weerbaar.coalitions.choices import Theme
from weerbaar.referrals.choices import Audience, FinderUrgency, Situation, Visitor
from weerbaar.referrals.models import HelpOffer
from weerbaar.text.similarity import features

MAX_QUERY_LENGTH = 200
# A stem this short only matches whole: "ga" must not find everything that starts with it.
MIN_PREFIX_STEM = 4

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


def get_stems(text: str) -> list[str]:
    """The content-word stems of a query, cut at ``MAX_QUERY_LENGTH`` characters."""
    return sorted(features(text[:MAX_QUERY_LENGTH]))


def stems_match(query_stem: str, text_stem: str) -> bool:
    if text_stem.startswith(query_stem):
        return True
    return len(text_stem) >= MIN_PREFIX_STEM and query_stem.startswith(text_stem)


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
    danger = features(" ".join(DANGER_WORDS))
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
            text_stems = features(offer.get_search_text())
            hits = sum(1 for q in query_stems if any(stems_match(q, t) for t in text_stems))
            if hits == 0:
                continue
            score += hits / len(query_stems)
            if any(stems_match(q, t) for q in query_stems for t in features(offer.title)):
                score += 0.5
        if answers.urgency == FinderUrgency.DANGER and offer.is_crisis():
            score += 1
        results.append(FinderResult(offer, score, offer.is_stale()))
    results.sort(key=lambda r: (r.stale, -r.score, r.offer.title.lower()))
    return results
