from __future__ import annotations

from django.urls import reverse

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.trends.choices import SourceKind, SourceStatus
from weerbaar.trends.models import Source
from weerbaar.trends.tests.fixtures import REGISTER, EnglishPersonasTestCase


class SourcesTestCase(EnglishPersonasTestCase):
    def url(self, name: str, **kwargs: object) -> str:
        return reverse(f"trends:{name}", kwargs={"slug": "voorbeeldstad", **kwargs})

    def register_feed(self) -> Source:
        self.log_in(self.femke)
        response = self.client.post(
            self.url("create_source"),
            {"kind": SourceKind.FEED, "name": "Factcheck", "url": "https://factcheck.example/rss"},
        )
        source = Source.objects.get(name="Factcheck")
        self.assertRedirects(response, self.url("edit_source", source_id=source.pk))
        return source

    def test_it_registers_a_feed_as_a_draft_that_cannot_be_switched_on_until_complete(
        self,
    ) -> None:
        source = self.register_feed()
        self.assertEqual(source.status, SourceStatus.DRAFT)
        response = self.client.post(
            self.url("source_status", source_id=source.pk), {"status": "active"}, follow=True
        )
        self.assertContains(response, "Fill in the register first")
        source.refresh_from_db()
        self.assertEqual(source.status, SourceStatus.DRAFT)

        self.client.post(
            self.url("edit_source", source_id=source.pk),
            {"name": "Factcheck", "url": "https://factcheck.example/rss", **REGISTER},
        )
        self.client.post(self.url("source_status", source_id=source.pk), {"status": "active"})
        source.refresh_from_db()
        self.assertEqual(source.status, SourceStatus.ACTIVE)
        self.assertEqual(source.dpia_reference, "DPIA-2026-07")
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.TREND_SOURCE_STATUS, object_id=str(source.pk)
            ).exists()
        )

    def test_it_pauses_an_active_source_that_loses_a_register_field(self) -> None:
        source = self.register_feed()
        self.client.post(
            self.url("edit_source", source_id=source.pk),
            {"name": "Factcheck", "url": "https://factcheck.example/rss", **REGISTER},
        )
        self.client.post(self.url("source_status", source_id=source.pk), {"status": "active"})
        self.client.post(
            self.url("edit_source", source_id=source.pk),
            {
                "name": "Factcheck",
                "url": "https://factcheck.example/rss",
                **{**REGISTER, "dpia_reference": ""},
            },
        )
        source.refresh_from_db()
        self.assertEqual(source.status, SourceStatus.PAUSED)

    def test_it_keeps_input_on_a_bad_address(self) -> None:
        self.log_in(self.femke)
        response = self.client.post(
            self.url("create_source"),
            {"kind": SourceKind.FEED, "name": "Kapot adres", "url": "not a url at all"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kapot adres")
        self.assertFalse(Source.objects.filter(name="Kapot adres").exists())

    def test_it_shows_the_register_to_every_member_and_exports_it_formula_safe(self) -> None:
        source = self.register_feed()
        self.client.post(
            self.url("edit_source", source_id=source.pk),
            {
                "name": "=HYPERLINK(1)",
                "url": "https://factcheck.example/rss",
                **REGISTER,
            },
        )
        self.log_in(self.cees)
        page = self.client.get(self.url("sources"))
        self.assertContains(page, "=HYPERLINK(1)")
        self.assertContains(page, "Signalen van professionals")
        self.assertNotContains(page, self.url("create_source"))
        export = self.client.get(self.url("export_sources"))
        self.assertEqual(export["Content-Type"], "text/csv; charset=utf-8")
        body = export.content.decode("utf-8-sig")
        self.assertIn("'=HYPERLINK(1)", body)
        self.assertIn("DPIA-2026-07", body)
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED, actor=self.cees).exists()
        )

    def test_it_lets_no_member_edit_a_source_and_no_other_coalition_see_it(self) -> None:
        source = self.register_feed()
        self.log_in(self.cees)
        self.assertEqual(
            self.client.get(self.url("edit_source", source_id=source.pk)).status_code, 403
        )
        self.log_in(self.anna)
        other = reverse(
            "trends:edit_source", kwargs={"slug": "zeeuwse-kust", "source_id": source.pk}
        )
        self.assertEqual(self.client.get(other).status_code, 403)

    def test_it_offers_no_way_to_follow_a_person_or_account(self) -> None:
        self.assertEqual(
            {k for k, _label in SourceKind.choices}, {"signals", "aggregate_import", "feed"}
        )

    def test_it_changes_the_smallest_number_shown(self) -> None:
        self.log_in(self.anna)
        response = self.client.post(self.url("settings"), {"k_threshold": "1"})
        self.assertContains(response, "Ensure this value is greater than or equal to 2")
        self.client.post(self.url("settings"), {"k_threshold": "15"})
        self.assertEqual(self.coalition.trend_settings.k_threshold, 15)
