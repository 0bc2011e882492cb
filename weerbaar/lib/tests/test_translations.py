"""The Dutch catalogue is complete, covers every string in the code, and is compiled.

Dutch is the first language of the interface, so an untranslated or fuzzy entry is a bug: the
page would show English to a Dutch visitor. Fix failures with ``make messages``, then translate
the new entries in ``weerbaar/locale/nl/LC_MESSAGES/django.po`` and run it again to compile.
"""

from __future__ import annotations

import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

ROOT = Path(settings.BASE_DIR)
NL_PO_PATH = Path("weerbaar/locale/nl/LC_MESSAGES/django.po")  # relative to the project root
NL_PO = ROOT / NL_PO_PATH
NL_MO = NL_PO.with_suffix(".mo")
EN_PO = ROOT / "weerbaar/locale/en/LC_MESSAGES/django.po"
EN_MO = EN_PO.with_suffix(".mo")

# The same extraction as `make messages`, for one language.
MAKEMESSAGES_ARGS = [
    "makemessages",
    "--locale=nl",
    "--no-obsolete",
    "--add-location=file",
    "--ignore=.venv/*",
    "--ignore=var/*",
    "--ignore=bench/*",
    "--ignore=static/*",
]
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msguniq", "msgattrib")

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')


@dataclass
class PoEntry:
    line: int
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def is_translated(self) -> bool:
        forms = 2 if self.msgid_plural is not None else 1
        return all(self.msgstr.get(i) for i in range(forms))

    def describe(self, *, with_line: bool = True) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        where = f"line {self.line}: " if with_line else ""
        return f"{where}{self.msgid!r}{context}"


def _unquote(quoted: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), quoted[1:-1])


def parse_po(path: Path) -> list[PoEntry]:
    """The entries of a .po file, header included; obsolete (``#~``) entries are left out."""
    entries: list[PoEntry] = []
    current: PoEntry | None = None
    target: tuple[str, int] | None = None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, target = None, None
            continue
        if line.startswith("#"):
            if line.startswith("#,"):
                current = current or _start(entries, number)
                current.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, quoted = match.groups()
            current = current or _start(entries, number)
            target = (keyword if index is None else "msgstr", int(index or 0))
            _append(current, target, _unquote(quoted))
        elif line.startswith('"') and current is not None and target is not None:
            _append(current, target, _unquote(line))
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    return entries


def _start(entries: list[PoEntry], line: int) -> PoEntry:
    entry = PoEntry(line=line)
    entries.append(entry)
    return entry


def _append(entry: PoEntry, target: tuple[str, int], text: str) -> None:
    keyword, index = target
    if keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    elif keyword == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    else:
        entry.msgstr[index] = entry.msgstr.get(index, "") + text


def _messages(path: Path) -> list[PoEntry]:
    return [entry for entry in parse_po(path) if not entry.is_header]


class TranslationsTestCase(SimpleTestCase):
    def test_it_translates_every_dutch_entry_without_fuzzy_ones(self) -> None:
        entries = parse_po(NL_PO)

        untranslated = [e.describe() for e in entries if not e.is_header and not e.is_translated()]
        fuzzy = [e.describe() for e in entries if "fuzzy" in e.flags]

        self.assertGreater(len(entries), 1, f"{NL_PO} has no messages")
        self.assertEqual(
            {"untranslated": untranslated, "fuzzy": fuzzy},
            {"untranslated": [], "fuzzy": []},
            f"Translate these entries in {NL_PO}; check fuzzy ones and remove their flag",
        )

    def test_it_has_every_msgid_of_the_code_in_the_dutch_catalogue(self) -> None:
        missing_tools = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
        if missing_tools:
            self.skipTest(f"GNU gettext is not installed ({', '.join(missing_tools)} missing)")
        committed = {entry.key for entry in _messages(NL_PO)}

        with tempfile.TemporaryDirectory() as tmp:
            # Extract in a copy of the sources, so the temporary files makemessages writes
            # beside templates, and the catalogue it rewrites, never touch the working tree.
            copy = Path(tmp) / "src"
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")
            shutil.copytree(ROOT / "weerbaar", copy / "weerbaar", ignore=ignore)
            shutil.copytree(ROOT / "templates", copy / "templates")
            shutil.copy2(ROOT / "manage.py", copy / "manage.py")
            environ = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "weerbaar.settings",
                "WEERBAAR_VAR_DIR": str(Path(tmp) / "var"),
            }
            result = subprocess.run(
                [sys.executable, "manage.py", *MAKEMESSAGES_ARGS],
                cwd=copy,
                env=environ,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            self.assertEqual(result.returncode, 0, result.stderr)
            extracted = _messages(copy / NL_PO_PATH)

        missing = sorted(e.describe(with_line=False) for e in extracted if e.key not in committed)
        self.assertEqual(missing, [], f"Code strings missing from {NL_PO}: run make messages")

    def test_it_compiles_the_current_dutch_catalogue(self) -> None:
        with NL_MO.open("rb") as compiled:
            translations = gettext.GNUTranslations(compiled)
        entries = [entry for entry in _messages(NL_PO) if entry.is_translated()]

        self.assertEqual(translations.gettext("Prevention"), "Preventie")
        self.assertEqual(translations.gettext("Audit log"), "Logboek")
        self.assertEqual(
            translations.ngettext("%(counter)s member", "%(counter)s members", 3),
            "%(counter)s leden",
        )
        stale = [e.describe() for e in entries if self._compiled(translations, e) != e.msgstr]
        self.assertEqual(stale, [], f"{NL_MO} differs from {NL_PO}: run make messages")
        self.assertEqual(self._count(translations), len(entries), f"{NL_MO} is out of date")

    def test_it_keeps_an_english_catalogue_with_the_same_msgids(self) -> None:
        english = _messages(EN_PO)

        self.assertTrue(EN_MO.exists(), f"{EN_MO} is missing: run make messages")
        self.assertEqual({e.key for e in english}, {e.key for e in _messages(NL_PO)})
        # msgids are English, so the English catalogue stays empty and shows them as they are.
        self.assertEqual([e.describe() for e in english if any(e.msgstr.values())], [])

    def _compiled(self, translations: gettext.GNUTranslations, entry: PoEntry) -> dict[int, str]:
        if entry.msgid_plural is None:
            if entry.msgctxt is None:
                return {0: translations.gettext(entry.msgid)}
            return {0: translations.pgettext(entry.msgctxt, entry.msgid)}
        # Dutch has two forms: n == 1 and the rest.
        forms: dict[int, str] = {}
        for index, n in ((0, 1), (1, 2)):
            if entry.msgctxt is None:
                forms[index] = translations.ngettext(entry.msgid, entry.msgid_plural, n)
            else:
                forms[index] = translations.npgettext(
                    entry.msgctxt, entry.msgid, entry.msgid_plural, n
                )
        return forms

    def _count(self, translations: gettext.GNUTranslations) -> int:
        """Messages in the compiled catalogue; plural forms of one message count once."""
        catalog: dict[object, str] = vars(translations)["_catalog"]  # not in the public API
        singular = {key for key in catalog if isinstance(key, str) and key != ""}
        plural = {key[0] for key in catalog if isinstance(key, tuple)}
        return len(singular | plural)
