"""Replace personal data in Dutch text with typed placeholders.

``redact(text)`` finds phone numbers, e-mail addresses, BSNs (only when they pass the
11-proef), IBANs (only when the mod-97 checksum holds), postcodes, street addresses, social
media handles and profile URLs, licence plates and names, and replaces each with a
placeholder such as ``[telefoon]``. Spans are offsets in the original text. Existing
placeholders are left alone, so redacting twice changes nothing. What is detected and what is
not is described in docs/text-engine.md.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from weerbaar.text import names
from weerbaar.text.wordlists import read_words

__all__ = ["PLACEHOLDERS", "Redacted", "Span", "redact"]

PLACEHOLDERS: dict[str, str] = {
    "naam": "[naam]",
    "telefoon": "[telefoon]",
    "e-mail": "[e-mail]",
    "bsn": "[bsn]",
    "iban": "[iban]",
    "postcode": "[postcode]",
    "adres": "[adres]",
    "account": "[account]",
    "url": "[url]",
    "kenteken": "[kenteken]",
}

# A region that must stay as it is: an existing placeholder or a URL that is not personal.
_KEEP = "keep"


@dataclass(frozen=True, slots=True)
class Span:
    """Personal data found at ``start:end`` of the original text."""

    start: int
    end: int
    kind: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.kind]


@dataclass(frozen=True, slots=True)
class Redacted:
    """The redacted text and where, in the original text, the personal data was."""

    text: str
    spans: tuple[Span, ...]


# (start, end, kind, priority): the higher priority wins an overlap, then the longer span.
_Candidate = tuple[int, int, str, int]

_DIGIT_RE = re.compile(r"\d")
_PLACEHOLDER_RE = re.compile(r"\[(?:" + "|".join(re.escape(k) for k in PLACEHOLDERS) + r")\]")

_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)

# Platforms whose URLs lead to a person: profiles, channels, posts and invites.
_SOCIAL_DOMAINS = (
    r"(?:[\w-]+\.)*(?:instagram\.com|instagr\.am|tiktok\.com|twitter\.com|x\.com|"
    r"facebook\.com|fb\.com|fb\.me|m\.me|snapchat\.com|youtube\.com|youtu\.be|t\.me|"
    r"telegram\.me|discord\.gg|discord\.com|discordapp\.com|wa\.me|chat\.whatsapp\.com|"
    r"linkedin\.com|twitch\.tv|reddit\.com|threads\.net|pinterest\.com|onlyfans\.com|"
    r"roblox\.com|steamcommunity\.com|vm\.tiktok\.com|bsky\.app|linktr\.ee)"
)
_URL_RE = re.compile(
    r"(?:(?:https?://|www\.)[^\s<>\"'\[\]]+"
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:nl|com|be|org|net|eu|me|gg|tv|app|ee|io|am|de)"
    r"/[^\s<>\"'\[\]]*)",
    re.IGNORECASE,
)
_SOCIAL_URL_RE = re.compile(r"^(?:https?://)?(?:www\.)?" + _SOCIAL_DOMAINS + r"(?:/|$)", re.I)
_URL_PERSONAL_QUERY_RE = re.compile(r"[?&](?:e-?mail|tel|phone|naam|name|user|bsn)=", re.I)
_URL_TRAILING = ".,;:!?)"

# IBAN lengths of the countries whose accounts turn up in Dutch signals.
_IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "LU": 20, "GB": 22, "IE": 22, "ES": 24, "PT": 25,
    "IT": 27, "AT": 20, "CH": 21, "PL": 28, "TR": 26, "DK": 18, "SE": 24, "NO": 15, "FI": 18,
    "LT": 20, "LV": 21, "EE": 20, "CZ": 24, "SK": 24, "HU": 28, "RO": 24, "BG": 22, "GR": 27,
    "HR": 21, "SI": 19, "CY": 28, "MT": 31, "IS": 26, "LI": 21, "MC": 27, "SM": 27, "GI": 23,
    "UA": 29, "MA": 28,
}  # fmt: skip
_IBAN_RE = re.compile(
    r"(?<![\w@/.-])(?P<country>[A-Z]{2})\d{2}(?: ?[A-Z0-9]){11,30}(?![\w])", re.IGNORECASE
)

# Dutch numbers: a trunk 0 or country code 31, then nine digits with the usual separators.
_PHONE_RE = re.compile(
    r"(?<![\w+/.,-])(?:(?:\+|00)\s?31\s?(?:\(0\)\s?)?|\(?0)"
    r"[1-9](?:(?:\)\s?|\s-\s|[\s.-])?\d){8}(?![\w])"
)
# Foreign numbers are only recognised in international form: "+32 470 12 34 56", "+212 6…".
_FOREIGN_PHONE_RE = re.compile(
    r"(?<![\w+/.,-])(?:\+|00)(?!31)[1-9]\d{0,2}(?:\s?\(0\))?(?:[\s.-]?\d){7,12}(?![\w])"
)
_DATE_LIKE_RE = re.compile(r"^\(?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")

_BSN_RE = re.compile(
    r"(?<![\w.,-])(?:\d{9}|\d{3}([ .])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3}"
    r"|\d{2}([ .])\d{2}\3\d{2}\3\d{3})(?![\w]|[.,-]\d)"
)

_POSTCODE_RE = re.compile(
    r"(?<![\w-])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w])"
    r"(?:,?\s(?:nr\.?\s?|huisnummer\s)?\d{1,5}(?:\s?[a-zA-Z](?![\w])|-\d{1,4})?(?![\w]))?"
)

_STREET_SUFFIXES = tuple(sorted(read_words("street_suffixes.txt")))
# Written in lowercase, only the unmistakable street words count ("kerkstraat 5" is an
# address, "schoolplein 2" and "skatepark 3" usually are not).
_LOWER_STREET_SUFFIXES = ("straat", "laan", "gracht", "kade", "singel", "steeg", "dreef", "dijk")
_HOUSE_NUMBER = (
    r"\s\d{1,5}(?:\s?[a-zA-Z](?![\w])|-\d{1,4}(?![\w])|\s?(?:bis|hs|huis)(?![\w]))?(?![\w])"
)
_HOUSE_NUMBER_RE = re.compile(_HOUSE_NUMBER)
# A word followed by a number: the street word of an address ends like a street.
_STREET_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_][^\W\d_'-]*(?:['-][^\W\d_]+)*(?=\s\d)")
# Words before the street word that are part of its name: "Van Welderenstraat",
# "Burgemeester de Withstraat", "St. Jacobsstraat".
_STREET_NAME_WORDS_RE = re.compile(r"(?:(?:[A-Z][a-z]+\.?|van|de|der|den|het|'t|ter|ten)\s){1,3}$")
# "Laan van Meerdervoort 12", "Plein 1944 3"-style names where the street word comes first.
_ADDRESS_WORD_FIRST_RE = re.compile(
    r"(?<![\w-])(?:Laan|Kade|Plein|Weg|Dijk|Singel|Park|Hof|Burgwal|Gracht|Oostzijde|Westzijde)"
    r"\s(?:(?:van|de|der|den|het|op|naar|aan|in)\s){1,2}[A-Z][\w'-]+" + _HOUSE_NUMBER
)
_STREET_NAME_PREFIXES = frozenset(
    ["van", "de", "der", "den", "het", "'t", "ter", "ten", "st.", "sint"]
)


def _is_street_word(word: str) -> bool:
    low = word.lower()
    suffixes = _STREET_SUFFIXES if word[0].isupper() else _LOWER_STREET_SUFFIXES
    return any(low.endswith(suffix) and len(low) >= len(suffix) + 3 for suffix in suffixes)


# Licence plate side codes (X = letter, 9 = digit); dashes required to tell them from codes.
_PLATE_SHAPE_RE = re.compile(r"(?<![\w-])[A-Z\d]{1,3}-[A-Z\d]{2,3}-[A-Z\d]{1,3}(?![\w-])")
_PLATE_RE = re.compile(
    r"(?:"
    r"[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}|"
    r"[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}|"
    r"[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}|"
    r"\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d"
    r")"
)

_HANDLE_RE = re.compile(
    r"(?<![\w@.+\]-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])"
)
_PLATFORM_WORDS = (
    r"insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|twitter|x|discord|telegram|facebook|fb|"
    r"youtube|yt|twitch|roblox|fortnite|psn|xbox|steam|threads|bluesky|onlyfans|kik|signal"
)
_LABELLED_HANDLE_RE = re.compile(
    r"(?<![\w])(?:" + _PLATFORM_WORDS + r")"
    r"(?P<label>[\s-]?(?:account|accountnaam|naam|name|id|handle|user|username))?"
    r"(?:\s?(?P<colon>[:=])\s?|\s(?:is|heet)\s)@?(?P<handle>[\w.]{2,30}[\w](?:#\d{4})?)",
    re.IGNORECASE,
)
# "insta daan_2009": a handle after a platform word, recognisable by digits, _ or a dot.
_BARE_HANDLE_RE = re.compile(
    r"(?<![\w])(?:" + _PLATFORM_WORDS + r")\s\(?(?:van\s|als\s|account\s)?"
    r"(?P<handle>[A-Za-z][\w.]{1,29}[\w](?:#\d{4})?)(?![\w])",
    re.IGNORECASE,
)
# A word glued together with dots or underscores and holding a digit or an underscore is a
# handle or user name ("kevin.db09", "lisa_2010", "x_daan_x") wherever it stands.
_HANDLE_SHAPE_RE = re.compile(
    r"(?<![\w@./-])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+(?![\w@]|\.\w|/)"
)
_NOT_HANDLES = names.COMMON_WORDS | names.STOP_WORDS | names.NOT_NAMES
_HANDLE_LIKE_RE = re.compile(r"[\d_.#]")


def _bsn_valid(digits: str) -> bool:
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _iban_valid(compact: str) -> bool:
    compact = compact.upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _find_urls(text: str, out: list[_Candidate]) -> None:
    for match in _URL_RE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _URL_TRAILING:
            end -= 1
        url = text[start:end]
        if _SOCIAL_URL_RE.match(url) or _URL_PERSONAL_QUERY_RE.search(url):
            out.append((start, end, "url", 90))
        else:
            out.append((start, end, _KEEP, 95))


def _find_phones(text: str, out: list[_Candidate]) -> None:
    for match in _PHONE_RE.finditer(text):
        found = match.group()
        if _DATE_LIKE_RE.match(found):
            continue
        digits = re.sub(r"\D", "", found)
        if digits.startswith(("0800", "0900", "0906", "0909")):
            continue  # service numbers are not personal
        start = match.start()
        if found.startswith("(") and ")" not in found:
            start += 1
        out.append((start, match.end(), "telefoon", 70))
    for match in _FOREIGN_PHONE_RE.finditer(text):
        out.append((match.start(), match.end(), "telefoon", 69))


def _find_numbers(text: str, out: list[_Candidate]) -> None:
    for match in _BSN_RE.finditer(text):
        if _bsn_valid(re.sub(r"\D", "", match.group())):
            out.append((match.start(), match.end(), "bsn", 60))
    for match in _IBAN_RE.finditer(text):
        length = _IBAN_LENGTHS.get(match.group("country").upper(), 0)
        if not length:
            continue
        # Take exactly the country's number of characters; a following word is not part of it.
        end = match.start()
        taken = 0
        while end < match.end() and taken < length:
            if text[end] != " ":
                taken += 1
            end += 1
        whole = taken == length and (end == len(text) or not text[end].isalnum())
        if whole and _iban_valid(text[match.start() : end].replace(" ", "")):
            out.append((match.start(), end, "iban", 80))


def _find_places(text: str, out: list[_Candidate]) -> None:
    for match in _POSTCODE_RE.finditer(text):
        out.append((match.start(), match.end(), "postcode", 55))
    for word in _STREET_WORD_RE.finditer(text):
        if not _is_street_word(word.group()):
            continue
        number = _HOUSE_NUMBER_RE.match(text, word.end())
        if number is None:
            continue
        start = word.start()
        before = _STREET_NAME_WORDS_RE.search(text, max(0, start - 60), start)
        if before is not None and (before.start() == 0 or not text[before.start() - 1].isalnum()):
            # Leading words belong to the street only when they are part of its name, not
            # when they are "in de" or a function word that starts a sentence ("Op
            # Kerkstraat 5"); "Grote Kerkstraat", "Van Welderenstraat" keep theirs.
            words = before.group().split()
            position = before.start()
            while words and (
                words[0] in ("de", "het", "'t", "van", "der", "den", "ter", "ten")
                or (
                    words[0].lower() in names.STOP_WORDS
                    and words[0].lower() not in _STREET_NAME_PREFIXES
                )
            ):
                position += len(words[0]) + 1
                words = words[1:]
            start = position
        out.append((start, number.end(), "adres", 50))
    for match in _ADDRESS_WORD_FIRST_RE.finditer(text):
        out.append((match.start(), match.end(), "adres", 51))


def _find_plates(text: str, out: list[_Candidate]) -> None:
    for match in _PLATE_SHAPE_RE.finditer(text):
        if _PLATE_RE.fullmatch(match.group()):
            out.append((match.start(), match.end(), "kenteken", 65))


def _overlapping(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, also those that start inside an earlier one ("insta: insta: naam")."""
    position = 0
    while (match := regex.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def _find_accounts(text: str, out: list[_Candidate]) -> None:
    for match in _HANDLE_RE.finditer(text):
        if not any(ch.isalpha() for ch in match.group()):
            continue  # "@10 uur" is a time
        out.append((match.start(), match.end(), "account", 75))
    for match in _HANDLE_SHAPE_RE.finditer(text):
        found = match.group()
        first = re.split(r"[._]", found, maxsplit=1)[0]
        if "_" in found or (len(first) > 2 and any(ch.isdigit() for ch in found)):
            out.append((match.start(), match.end(), "account", 73))
    for regex in (_LABELLED_HANDLE_RE, _BARE_HANDLE_RE):
        for match in _overlapping(regex, text):
            start, end = match.span("handle")
            if text[start - 1] == "@":
                start -= 1
            while end > start and text[end - 1] == ".":
                end -= 1
            handle = text[start:end].lstrip("@")
            if not any(ch.isalpha() for ch in handle):
                continue  # "TikTok: 2024" is a year
            labelled = regex is _LABELLED_HANDLE_RE and bool(
                match.group("colon") or match.group("label")
            )
            # Without a colon or "naam", only a word that looks like a handle counts:
            # "zijn insta is daan_2010" but not "zijn Instagram is gehackt".
            if text[start] != "@" and not labelled and not _HANDLE_LIKE_RE.search(handle):
                continue
            if text[start] != "@" and handle.lower() in _NOT_HANDLES:
                continue  # "TikTok: het filmpje" names no account
            out.append((start, end, "account", 74))


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the best of overlapping candidates: highest priority, then longest."""
    chosen: list[_Candidate] = []  # kept sorted by start; the spans in it never overlap
    for cand in sorted(candidates, key=lambda c: (-c[3], c[0] - c[1], c[0])):
        start, end = cand[0], cand[1]
        if start >= end:
            continue
        at = bisect.bisect_left(chosen, cand)
        if at and chosen[at - 1][1] > start:
            continue
        if at < len(chosen) and chosen[at][0] < end:
            continue
        chosen.insert(at, cand)
    return chosen


def redact(text: str) -> Redacted:
    """``text`` with personal data replaced by typed placeholders, and where it was."""
    candidates: list[_Candidate] = [
        (m.start(), m.end(), _KEEP, 100) for m in _PLACEHOLDER_RE.finditer(text)
    ]
    if "@" in text:
        for match in _EMAIL_RE.finditer(text):
            candidates.append((match.start(), match.end(), "e-mail", 99))
    if "/" in text or "www." in text.lower():
        _find_urls(text, candidates)
    if _DIGIT_RE.search(text):
        _find_numbers(text, candidates)
        _find_phones(text, candidates)
        _find_plates(text, candidates)
        _find_places(text, candidates)
    _find_accounts(text, candidates)
    taken = _resolve(candidates)
    for start, end, kind in names.find_names(text, [(s, e) for s, e, _k, _p in taken]):
        candidates.append((start, end, kind, 40))
    chosen = [c for c in _resolve(candidates) if c[2] != _KEEP]
    if not chosen:
        return Redacted(text, ())
    parts: list[str] = []
    position = 0
    for start, end, kind, _priority in chosen:
        parts.append(text[position:start])
        parts.append(PLACEHOLDERS[kind])
        position = end
    parts.append(text[position:])
    return Redacted("".join(parts), tuple(Span(s, e, k) for s, e, k, _p in chosen))
