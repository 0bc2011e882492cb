from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_pledge_commitment,
    do_publish_covenant_version,
    do_record_delivery,
    do_sign_covenant,
)
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_update_embedding


class ExportsTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.club = do_create_partner(
            None, self.coalition, name='=HYPERLINK("http://x")', domains=["business"]
        )
        do_create_partner(None, self.other_coalition, name="GGD Zeeland", domains=[])
        do_update_embedding(self.anna, self.club, contact_person="+31 6 1234", has_budget=True)
        draft = do_create_covenant_draft(self.anna, self.coalition, title="Convenant", body="T")
        version = do_publish_covenant_version(self.anna, draft)
        do_sign_covenant(
            None,
            version,
            self.club,
            signer_name="@Sam",
            signer_function="Voorzitter",
            confirmed=True,
        )
        pledge = do_pledge_commitment(
            self.anna,
            self.club,
            year=timezone.localdate().year,
            kind=CommitmentKind.TIME,
            description="-workshops",
            hours=Decimal(10),
        )
        do_record_delivery(
            self.anna, pledge, date=timezone.localdate(), description="Eén", hours=Decimal(4)
        )

    def download(self, name: str) -> list[list[str]]:
        self.log_in(self.anna)
        response = self.client.get(f"/voorbeeldstad/beheer/export/{name}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(response["Content-Disposition"].startswith('attachment; filename="'))
        text = response.content.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"))
        return list(csv.reader(io.StringIO(text[1:])))

    def test_it_exports_partners_with_formulas_neutralised(self) -> None:
        rows = self.download("partners.csv")

        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][0], '\'=HYPERLINK("http://x")')
        self.assertIn("'+31 6 1234", rows[1])
        self.assertNotIn("GGD Zeeland", str(rows))

    def test_it_exports_signatures(self) -> None:
        rows = self.download("ondertekeningen.csv")

        self.assertEqual(
            rows[1][:5], ["1", "Convenant", '\'=HYPERLINK("http://x")', "'@Sam", "Voorzitter"]
        )

    def test_it_exports_commitments_with_what_was_delivered(self) -> None:
        rows = self.download("toezeggingen.csv")

        self.assertEqual(rows[1][3], "'-workshops")
        self.assertEqual(rows[1][4], "10.00")
        self.assertEqual(rows[1][6], "4.00")
        self.assertEqual(rows[1][9], "ja")

    def test_it_records_every_export_in_the_audit_log(self) -> None:
        self.download("partners.csv")
        self.download("toezeggingen.csv")

        entries = AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED).order_by("pk")
        self.assertEqual([e.detail["export"] for e in entries], ["partners", "commitments"])
        self.assertEqual(entries[0].actor, self.anna)
        self.assertEqual(entries[0].detail["rows"], 1)

    def test_it_refuses_a_partner_admin(self) -> None:
        self.log_in(self.bram)

        response = self.client.get("/voorbeeldstad/beheer/export/partners.csv")

        self.assertEqual(response.status_code, 403)
        self.assertFalse(AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED).exists())

    def test_the_audit_log_shows_an_export(self) -> None:
        self.download("ondertekeningen.csv")

        response = self.client.get("/voorbeeldstad/beheer/logboek/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Coalitiegegevens geëxporteerd")
