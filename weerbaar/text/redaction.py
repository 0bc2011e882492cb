"""Replace personal data in Dutch text with typed placeholders.

``redact(text)`` finds phone numbers, e-mail addresses, BSNs (only when they pass the
11-proef), IBANs (only when the mod-97 checksum holds), postcodes, street addresses, social
media handles and profile URLs, licence plates and names, and replaces each with a
placeholder such as ``[telefoon]``. Spans are offsets in the original text. Existing
placeholders are left alone, so redacting twice changes nothing. What is detected and what is
not is described in docs/text-engine.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from weerbaar.text import names

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

_IBAN_RE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\w])", re.IGNORECASE)

# Dutch numbers: a trunk 0 or country code 31, then nine digits with the usual separators.
_PHONE_RE = re.compile(
    r"(?<![\w+/.,-])(?:(?:\+|00)\s?31\s?(?:\(0\)\s?)?|\(?0)"
    r"[1-9](?:(?:\)\s?|\s-\s|[\s.-])?\d){8}(?![\w])"
)
_DATE_LIKE_RE = re.compile(r"^\(?\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")

_BSN_RE = re.compile(r"(?<![\w.,-])\d{3}[ .]?\d{2}[ .]?\d{2}[ .]?\d{2}(?![\w]|[.,-]\d)")

_POSTCODE_RE = re.compile(
    r"(?<![\w-])[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})(?![\w])"
    r"(?:,?\s(?:nr\.?\s?|huisnummer\s)?\d{1,5}(?:\s?[a-zA-Z](?![\w])|-\d{1,4})?(?![\w]))?"
)

_STREET_SUFFIXES = (
    "straat|laan|weg|gracht|plein|kade|singel|dijk|hof|park|steeg|pad|dreef|baan|markt|"
    "wal|burgwal|plantsoen|veld|erf|ring|haven|dam|brink|hoven|dreef|zijde|weide|akker|"
    "boulevard|allee|passage|poort|oord|donk|rade|gaarde|hage|wijk"
)
_ADDRESS_RE = re.compile(
    r"(?<![\w-])(?:(?:[A-Z][a-z]+|van|de|der|den|het|'t|St\.|Sint)\s){0,3}"
    r"[A-Za-zÀ-ÿ][a-zà-ÿ'-]{2,}(?:" + _STREET_SUFFIXES + r")"
    r"\s\d{1,5}(?:\s?[a-zA-Z](?![\w])|-\d{1,4}(?![\w])|\s?(?:bis|hs|huis)(?![\w]))?(?![\w])"
)
_ADDRESS_STREET_WORD_RE = re.compile(r"\b(?:Laan|Kade|Plein|Dijk)\s(?:van|der|de)\s", re.I)

# Licence plate side codes (X = letter, 9 = digit); dashes required to tell them from codes.
_PLATE_RE = re.compile(
    r"(?<![\w-])(?:"
    r"[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}|"
    r"[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}|"
    r"[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}|"
    r"\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d"
    r")(?![\w-])"
)

_HANDLE_RE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
_PLATFORM_WORDS = (
    r"insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|tt|twitter|x|discord|telegram|facebook|fb|"
    r"youtube|yt|twitch|roblox|fortnite|psn|xbox|steam|threads|bluesky|onlyfans|kik|signal"
)
_LABELLED_HANDLE_RE = re.compile(
    r"(?<![\w])(?:" + _PLATFORM_WORDS + r")(?:[\s-]?(?:account|naam|name|id|handle|user))?"
    r"(?:\s?[:=]\s?|\s(?:is|heet)\s)@?(?P<handle>[\w.]{2,30}[\w])",
    re.IGNORECASE,
)
# "insta daan_2009": a handle after a platform word, recognisable by digits, _ or a dot.
_BARE_HANDLE_RE = re.compile(
    r"(?<![\w])(?:" + _PLATFORM_WORDS + r")\s(?:van\s|als\s|account\s)?"
    r"(?P<handle>(?=[\w.]*[\d_.])[A-Za-z][\w.]{1,29}[\w])(?![\w])",
    re.IGNORECASE,
)


def _bsn_valid(digits: str) -> bool:
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _iban_valid(compact: str) -> bool:
    compact = compact.upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    if compact.startswith("NL") and len(compact) != 18:
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
        out.append((match.start(), match.end(), "telefoon", 70))


def _find_numbers(text: str, out: list[_Candidate]) -> None:
    for match in _BSN_RE.finditer(text):
        if _bsn_valid(re.sub(r"\D", "", match.group())):
            out.append((match.start(), match.end(), "bsn", 60))
    for match in _IBAN_RE.finditer(text):
        compact = match.group().replace(" ", "")
        # The pattern may swallow a following word; shrink until the checksum holds.
        end = match.end()
        while len(compact) >= 15:
            if _iban_valid(compact):
                out.append((match.start(), end, "iban", 80))
                break
            compact = compact[:-1]
            end -= 1
            while text[end - 1] == " ":
                end -= 1


def _find_places(text: str, out: list[_Candidate]) -> None:
    for match in _POSTCODE_RE.finditer(text):
        out.append((match.start(), match.end(), "postcode", 55))
    for match in _ADDRESS_RE.finditer(text):
        start = match.start()
        found = match.group()
        # Leading capitalised words belong to the street only when they are part of its name
        # ("Van Welderenstraat", "Burgemeester Reigerstraat"), not when they start a sentence.
        words = found.split(" ")
        while len(words) > 2 and words[0][:1].isupper() and words[0].lower() in names.COMMON_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        while len(words) > 2 and words[0] in ("de", "het", "'t", "van", "der", "den"):
            start += len(words[0]) + 1
            words = words[1:]
        out.append((start, match.end(), "adres", 50))


def _find_plates(text: str, out: list[_Candidate]) -> None:
    for match in _PLATE_RE.finditer(text):
        out.append((match.start(), match.end(), "kenteken", 65))


def _find_accounts(text: str, out: list[_Candidate]) -> None:
    for match in _HANDLE_RE.finditer(text):
        out.append((match.start(), match.end(), "account", 75))
    for regex in (_LABELLED_HANDLE_RE, _BARE_HANDLE_RE):
        for match in regex.finditer(text):
            start, end = match.span("handle")
            if text[start - 1] == "@":
                start -= 1
            while end > start and text[end - 1] == ".":
                end -= 1
            out.append((start, end, "account", 74))


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the best of overlapping candidates: highest priority, then longest."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c[3], c[0] - c[1], c[0])):
        start, end = cand[0], cand[1]
        if start >= end:
            continue
        if all(end <= other[0] or start >= other[1] for other in chosen):
            chosen.append(cand)
    chosen.sort()
    return chosen


def redact(text: str) -> Redacted:
    """``text`` with personal data replaced by typed placeholders, and where it was."""
    candidates: list[_Candidate] = [
        (m.start(), m.end(), _KEEP, 100) for m in _PLACEHOLDER_RE.finditer(text)
    ]
    for match in _EMAIL_RE.finditer(text):
        candidates.append((match.start(), match.end(), "e-mail", 99))
    _find_urls(text, candidates)
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
