from __future__ import annotations

import io
from typing import Any

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.choices import Source
from weerbaar.signals.models import Signal

GOOD = (
    "text,platforms,space,age_group,urgency,area,first_seen\n"
    '"Nepnieuws over een aanslag in de stad gaat rond op TikTok.","tiktok,youtube",open,16_18,'
    "concern,Binnenstad,2026-10-01\n"
    '"In een Discord-server worden jongeren uitgescholden om hun afkomst.",discord,gesloten,'
    "12-15,urgent,,\n"
)


class ImportTestCase(PersonasTestCase):
    def upload(self, content: bytes | str, *, check_only: bool = False) -> Any:
        data = content.encode() if isinstance(content, str) else content
        file = io.BytesIO(data)
        file.name = "signalen.csv"
        return self.client.post(
            "/voorbeeldstad/signalen/importeren/",
            {"file": file, **({"check_only": "on"} if check_only else {})},
        )

    def test_it_checks_first_then_imports_every_row_redacted(self) -> None:
        self.log_in(self.femke)

        checked = self.upload(GOOD, check_only=True)
        self.assertEqual(Signal.objects.count(), 0)
        self.assertTrue(checked.context["report"].is_valid)
        imported = self.upload(GOOD.replace("Discord-server", "Discord-server van @jayden_010"))

        report = imported.context["report"]
        self.assertTrue(report.imported)
        self.assertEqual(Signal.objects.count(), 2)
        self.assertTrue(all(s.source == Source.IMPORT for s in Signal.objects.all()))
        self.assertFalse(Signal.objects.filter(text__contains="jayden").exists())
        first = Signal.objects.get(platforms=["tiktok", "youtube"])
        self.assertEqual(first.area, self.coalition.areas.get())
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.SIGNALS_IMPORTED))

    def test_it_reports_per_row_and_imports_nothing_when_a_row_is_wrong(self) -> None:
        self.log_in(self.femke)
        bad = GOOD + '"Te kort",myspace,open,12_15,heel erg,Atlantis,morgen\n'

        response = self.upload(bad)

        report = response.context["report"]
        self.assertFalse(report.imported)
        self.assertEqual(report.error_count, 1)
        self.assertEqual(report.rows[2].number, 4)
        self.assertGreaterEqual(len(report.rows[2].errors), 4)
        self.assertEqual(Signal.objects.count(), 0)

    def test_it_reads_semicolons_and_windows_encoding(self) -> None:
        self.log_in(self.femke)
        rows = [
            "omschrijving;platform;ruimte;leeftijd;urgentie",
            "Jongeren op de Hogeschool krijgen berichten over een crypto-oplichting, één na één."
            ";instagram;open;18_24;informatie",
        ]

        response = self.upload("\n".join(rows).encode("cp1252"))

        self.assertTrue(response.context["report"].imported)
        self.assertIn("één", Signal.objects.get().text)

    def test_it_explains_a_file_it_cannot_read(self) -> None:
        self.log_in(self.femke)
        cases = {
            "empty": b"",
            "header only": b"text,platforms,space,age_group,urgency\n",
            "missing columns": b"tekst|platform\nIets|tiktok\n",
            "binary": bytes(range(256)) * 4,
            "open quote": b'text,platforms,space,age_group,urgency\n"open' + b"x" * 200_000,
        }
        for name, content in cases.items():
            with self.subTest(name):
                response = self.upload(content)

                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["error"] or response.context["form"].errors)
        self.assertEqual(Signal.objects.count(), 0)

    def test_it_is_refused_to_members(self) -> None:
        self.log_in(self.cees)

        response = self.upload(GOOD)

        self.assertEqual(response.status_code, 403)
        self.assertEqual(Signal.objects.count(), 0)
