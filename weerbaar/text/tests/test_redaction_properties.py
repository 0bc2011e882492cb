"""Properties of redact() that must hold for any text (hypothesis)."""

from __future__ import annotations

import re
from unittest import TestCase

from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.text.redaction import PLACEHOLDERS, Redacted, redact

# Words and numbers that are never personal data, to build texts that must stay unchanged.
SAFE_WORDS = [
    "de",
    "het",
    "een",
    "en",
    "in",
    "op",
    "school",
    "leerling",
    "leerlingen",
    "jongeren",
    "filmpje",
    "bericht",
    "groepsapp",
    "gisteren",
    "vandaag",
    "zegt",
    "deelt",
    "gedeeld",
    "dreigt",
    "bang",
    "boos",
    "klas",
    "wijk",
    "buurt",
    "online",
    "video",
    "foto",
    "met",
    "van",
    "voor",
    "naar",
    "bij",
    "over",
    "niet",
    "ook",
    "nog",
    "wel",
    "maar",
    "want",
    "omdat",
    "toen",
    "dan",
    "dat",
    "die",
    "dit",
    "mentor",
    "docent",
    "ouders",
    "moeder",
    "vader",
    "broer",
    "zus",
    "vriend",
    "vriendin",
    "jongen",
    "meisje",
    "week",
    "maand",
    "TikTok",
    "Instagram",
    "Snapchat",
    "WhatsApp",
    "Discord",
    "Telegram",
    "YouTube",
    "politie",
    "gemeente",
    "van",
    "zomer",
    "lief",
    "groot",
    "klein",
    "rood",
    "mooi",
    "12",
    "2024",
    "3",
    "250",
    "1000",
    "8",
    "15",
    "100",
    "euro",
    "uur",
    "keer",
]
PUNCTUATION = ["", ".", ",", "!", "?", ":", " -", ";"]


@st.composite
def safe_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(SAFE_WORDS), min_size=0, max_size=30))
    marks = draw(st.lists(st.sampled_from(PUNCTUATION), min_size=len(words), max_size=len(words)))
    return " ".join(word + mark for word, mark in zip(words, marks, strict=True))


def _bsn(draw: st.DrawFn) -> str:
    while True:
        digits = [draw(st.integers(0, 9)) for _ in range(8)]
        if digits[0] == 0:
            continue
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, [*digits, check]))


def _iban(draw: st.DrawFn) -> str:
    bank = draw(st.sampled_from(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "BUNQ"]))
    account = "".join(str(draw(st.integers(0, 9))) for _ in range(10))
    numeric = "".join(str(int(ch, 36)) for ch in bank + account + "NL00")
    check = 98 - int(numeric) % 97
    return f"NL{check:02d}{bank}{account}"


FIRST = ["Daan", "Fatima", "Youssef", "Zeynep", "Sanne", "Mohamed", "Priya", "Lotte", "Emre"]
SURNAMES = ["de Vries", "Jansen", "van der Berg", "El Amrani", "Yilmaz", "Ramdin", "Bakker"]


@st.composite
def personal_data(draw: st.DrawFn) -> tuple[str, str]:
    """(kind, value): one piece of personal data in a common notation."""
    kind = draw(
        st.sampled_from(
            ["telefoon", "e-mail", "bsn", "iban", "postcode", "account", "url", "kenteken", "naam"]
        )
    )
    digits = "".join(str(draw(st.integers(0, 9))) for _ in range(8))
    if kind == "telefoon":
        value = draw(
            st.sampled_from(
                [
                    f"06-{digits}",
                    f"06 {digits[:4]} {digits[4:]}",
                    f"+31 6 {digits}",
                    f"0031 6 {digits}",
                    f"+316{digits}",
                    f"030-{digits[1:]}",
                    f"020 {digits[1:4]} {digits[4:]}",
                ]
            )
        )
    elif kind == "e-mail":
        user = draw(st.from_regex(r"[a-z][a-z0-9._]{0,10}[a-z0-9]", fullmatch=True))
        value = f"{user}@example.nl"
    elif kind == "bsn":
        value = _bsn(draw)
    elif kind == "iban":
        value = _iban(draw)
    elif kind == "postcode":
        letters = draw(st.from_regex(r"[A-RTUVWXYZ][A-Z]", fullmatch=True))
        value = f"{draw(st.integers(1000, 9999))} {letters}"
    elif kind == "account":
        value = "@" + draw(st.from_regex(r"[a-z][a-z0-9_]{2,12}", fullmatch=True))
    elif kind == "url":
        user = draw(st.from_regex(r"[a-z][a-z0-9_]{2,12}", fullmatch=True))
        value = draw(
            st.sampled_from(
                [
                    f"https://www.instagram.com/{user}",
                    f"https://www.tiktok.com/@{user}",
                    f"t.me/{user}",
                    f"https://discord.gg/{user}",
                ]
            )
        )
    elif kind == "kenteken":
        value = draw(st.from_regex(r"[0-9]{2}-[BDFGHJKLNPRSTVXZ]{3}-[0-9]", fullmatch=True))
    else:
        value = f"{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(SURNAMES))}"
    return kind, value


def assert_well_formed(case: TestCase, text: str, result: Redacted) -> None:
    previous_end = 0
    for span in result.spans:
        case.assertIn(span.kind, PLACEHOLDERS)
        case.assertLessEqual(previous_end, span.start)
        case.assertLess(span.start, span.end)
        case.assertLessEqual(span.end, len(text))
        previous_end = span.end
    rebuilt = []
    position = 0
    for span in result.spans:
        rebuilt.append(text[position : span.start] + span.placeholder)
        position = span.end
    rebuilt.append(text[position:])
    case.assertEqual("".join(rebuilt), result.text)


class RedactionPropertyTests(TestCase):
    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=200))
    def test_it_is_idempotent_and_well_formed_on_any_text(self, text: str) -> None:
        result = redact(text)
        assert_well_formed(self, text, result)
        self.assertEqual(redact(result.text).text, result.text)
        self.assertEqual(redact(text), result)  # deterministic

    @settings(max_examples=300, deadline=None)
    @given(safe_texts())
    def test_it_leaves_text_without_personal_data_unchanged(self, text: str) -> None:
        result = redact(text)
        self.assertEqual(result.text, text)
        self.assertEqual(result.spans, ())

    @settings(max_examples=400, deadline=None)
    @given(safe_texts(), personal_data(), safe_texts(), st.sampled_from([" ", ": ", " (", ", "]))
    def test_it_removes_planted_personal_data(
        self, before: str, planted: tuple[str, str], after: str, joint: str
    ) -> None:
        kind, value = planted
        text = f"{before}{joint}{value} {after}".strip()
        result = redact(text)
        assert_well_formed(self, text, result)
        self.assertNotIn(value, result.text)
        # No digits or letters of the value survive inside the placeholder either.
        for span in result.spans:
            self.assertRegex(span.placeholder, r"^\[[a-z-]+\]$")
        if kind != "naam":
            self.assertIn(kind, {span.kind for span in result.spans})
        else:
            self.assertNotRegex(result.text, re.escape(value.split()[0]))
        self.assertEqual(redact(result.text).text, result.text)
