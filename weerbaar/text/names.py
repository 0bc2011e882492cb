"""Find personal names in Dutch text from name lists, capitalisation and context.

A word is taken for a name when

* it follows a word that announces a person ("mijn leerling Daan", "zijn zus fatima",
  "meneer Jansen", "ze heet Noor") — capitalised, or lowercase when it is a listed name;
* it is a listed first name or surname written with a capital, unless it is also an everyday
  word (Mark, Roos, Bas, Van) at the start of a sentence, where the capital says nothing;
* it is a listed first name in lowercase that is not also an everyday word ("ik zag daan");
* it is a surname with its prefix ("de Vries", "van der Berg").

A name that was found swallows the surname parts that follow it ("Daan de Vries",
"Fatima El Amrani"). The lists are in ``data/``; see docs/text-engine.md for the limits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from weerbaar.text.wordlists import read_words

STOP_WORDS = read_words("stop_words.txt")

__all__ = ["COMMON_WORDS", "FIRST_NAMES", "SURNAMES", "find_names"]


# Everyday Dutch (and English) words, including those that are also names.
COMMON_WORDS = read_words("common_words.txt")
FIRST_NAMES = read_words("faker_nl_first_names.txt", "first_names_extra.txt")
SURNAMES = read_words("faker_nl_surnames.txt", "surnames_extra.txt") - {"van", "de"}
# Names that are only ever names: found in lowercase and at the start of a sentence too.
_UNAMBIGUOUS_FIRST = FIRST_NAMES - COMMON_WORDS
NOT_NAMES = read_words("not_names.txt")

# Words after which the next word is a person's name.
_PERSON_CUES = read_words("person_cues.txt", "title_cues.txt")
# Cues that may be followed by a surname prefix: "meneer van Dijk", "juf de Boer".
_TITLE_CUES = read_words("title_cues.txt")
_PREFIXES = read_words("surname_prefixes.txt")
_PERSON_VERBS = read_words("person_verbs.txt")
# In lowercase only these start a surname ("de Vries"); "op", "in", "uit" are prepositions.
_START_PREFIXES = frozenset(["van", "de", "der", "den", "ter", "ten", "el", "al"])
# "op de Dam", "naar de Berg": after these a prefix and a surname are a place.
_PLACE_PREPOSITIONS = frozenset(
    ["op", "in", "naar", "aan", "over", "langs", "via", "door", "rond", "vanaf", "richting"]
)
_MONTH_ABBREVIATIONS = frozenset(["jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt"])
_AGE_RE = re.compile(r"\s?\(\d{1,2}\)")
_NUMBER_BEFORE_RE = re.compile(r"\d\s?$")
# Prefix words that are also everyday words; they only start a name before a listed surname.
_SENTENCE_END = frozenset(".!?:;\n\"“”'(")

_TOKEN_RE = re.compile(r"[^\W\d_]{2,}(?:['\u2019-][^\W\d_]+)*|'t|'s", re.UNICODE)


@cache
def _lower(word: str) -> str:
    """The word in lowercase without a possessive ("Daan's" is looked up as "daan")."""
    low = word.lower()
    if low.endswith(("'s", "\u2019s")) and len(low) > 3:
        low = low[:-2]
    if "-" in low:
        # "Pieter-Jan", "Anne-Marie": looked up as their first part when every part is listed.
        parts = low.split("-")
        if all(part in FIRST_NAMES for part in parts) or all(part in SURNAMES for part in parts):
            return parts[0]
    return low


@cache
def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper() and len(word) > 3)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t-*•>":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _is_name_word(word: str, *, allow_lower: bool) -> bool:
    low = _lower(word)
    if low in NOT_NAMES:
        return False
    if _is_capitalised(word):
        return low in FIRST_NAMES or low in SURNAMES or low not in COMMON_WORDS
    return allow_lower and (
        (low in FIRST_NAMES and low not in STOP_WORDS)
        or (low in SURNAMES and low not in COMMON_WORDS)
    )


def find_names(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, "naam")`` of names in ``text``, outside the ``taken`` spans."""
    blocked = sorted(taken)
    # Words inside spans that are already taken are no candidates; the text of such a span
    # stands between its neighbours, so a name never runs across it.
    tokens = []
    spans = iter(blocked)
    current = next(spans, None)
    for m in _TOKEN_RE.finditer(text):
        while current is not None and current[1] <= m.start():
            current = next(spans, None)
        if current is None or m.end() <= current[0]:
            tokens.append((m.start(), m.end(), m.group()))
    if not tokens:
        return []
    found: list[tuple[int, int, str]] = []
    count = len(tokens)

    def joined(i: int, j: int) -> bool:
        """Whether tokens i and j are separated by white space only (one name)."""
        between = text[tokens[i][1] : tokens[j][0]]
        return between.isspace() and "\n" not in between and len(between) <= 2

    def prefix_run_end(start: int) -> int:
        """Index after the surname prefixes from ``start`` on ("van der"); at most three."""
        k = start
        while (
            k < count
            and k - start < 3
            and _lower(tokens[k][2]) in _PREFIXES
            and (k == start or joined(k - 1, k))
        ):
            k += 1
        return k

    def surname_end(i: int) -> int:
        """Index after the surname parts that follow token i ("de Vries", "El Amrani")."""
        j = i + 1
        while j < count and joined(j - 1, j):
            word = tokens[j][2]
            low = _lower(word)
            # A run of prefixes must end in a surname: "van der Berg" but not "van de week".
            k = prefix_run_end(j)
            if k > j:
                if (
                    k < count
                    and joined(k - 1, k)
                    and _is_surname_word(tokens[k][2], lower_ok=not _is_capitalised(tokens[i][2]))
                ):
                    j = k + 1
                    continue
                break
            if (
                _is_capitalised(word)
                and (low in SURNAMES or low in FIRST_NAMES or low not in COMMON_WORDS)
                and low not in NOT_NAMES
                and not _sentence_initial(text, tokens[j][0])
            ):
                j += 1
                continue
            break
        return j

    i = 0
    while i < count:
        start, _end, word = tokens[i]
        low = _lower(word)
        previous = _lower(tokens[i - 1][2]) if i else ""
        after_cue = (
            bool(i) and previous in _PERSON_CUES and _cue_reaches(text, tokens[i - 1][1], start)
        )
        name_start = -1
        if after_cue and previous in _TITLE_CUES and low in _PREFIXES:
            k = prefix_run_end(i)
            if (
                k < count
                and _is_capitalised(tokens[k][2])
                and _lower(tokens[k][2]) not in NOT_NAMES
            ):
                name_start = i
        elif after_cue and _is_name_word(word, allow_lower=True):
            name_start = i
        elif _is_capitalised(word) and low not in NOT_NAMES:
            if low in FIRST_NAMES or low in SURNAMES:
                if low in _MONTH_ABBREVIATIONS and _NUMBER_BEFORE_RE.search(
                    text, max(0, start - 3), start
                ):
                    pass  # "15 Jan"
                elif (
                    low not in FIRST_NAMES
                    and low in COMMON_WORDS
                    and previous in ("de", "het", "'t")
                    and i >= 2
                    and _lower(tokens[i - 2][2]) in _PLACE_PREPOSITIONS
                ):
                    pass  # "op de Dam", "naar de Berg": a place
                elif (
                    low not in COMMON_WORDS
                    or not _sentence_initial(text, start)
                    or _AGE_RE.match(text, tokens[i][1])
                    or (
                        i + 1 < count
                        and joined(i, i + 1)
                        and (surname_end(i) > i + 1 or _lower(tokens[i + 1][2]) in _PERSON_VERBS)
                    )
                ):
                    name_start = i
            elif low in _PREFIXES:
                k = prefix_run_end(i + 1)
                if (
                    k < count
                    and joined(k - 1, k)
                    and _is_capitalised(tokens[k][2])
                    and _lower(tokens[k][2]) in SURNAMES
                    and _lower(tokens[k][2]) not in NOT_NAMES
                ):
                    name_start = i
        elif low in _UNAMBIGUOUS_FIRST and low not in NOT_NAMES and len(low) > 2:
            name_start = i
        elif low in _START_PREFIXES and i + 1 < count and previous not in _PLACE_PREPOSITIONS:
            k = prefix_run_end(i + 1)
            if (
                k < count
                and joined(k - 1, k)
                and _is_capitalised(tokens[k][2])
                and _lower(tokens[k][2]) in SURNAMES
                and _lower(tokens[k][2]) not in NOT_NAMES
            ):
                name_start = i
        if name_start < 0:
            i += 1
            continue
        j = surname_end(name_start)
        if low in _PREFIXES:
            # The prefix run itself, then its surname.
            k = prefix_run_end(name_start)
            j = max(j, surname_end(k) if k < count else k)
        found.append((tokens[name_start][0], tokens[j - 1][1], "naam"))
        i = j
    return found


def _is_surname_word(word: str, *, lower_ok: bool) -> bool:
    low = _lower(word)
    if low in NOT_NAMES:
        return False
    if _is_capitalised(word):
        return low in SURNAMES or low not in COMMON_WORDS
    return lower_ok and low in SURNAMES


def _cue_reaches(text: str, cue_end: int, start: int) -> bool:
    """A cue announces the next word when only a space, comma or colon stands between."""
    between = text[cue_end:start]
    return len(between) <= 3 and all(ch in " ,:" for ch in between)
