from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.campaigns.actions import do_create_campaign, do_record_reach
from weerbaar.campaigns.choices import CampaignStatus, ReachMeasure
from weerbaar.campaigns.models import Campaign, CampaignFile, ReachFigure
from weerbaar.knowledge.actions import do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner
from weerbaar.partners.models import Partner


def campaign_fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "Check je bron",
        "goal": "Jongeren checken een bron voordat ze iets delen.",
        "target_groups": ["young_12_18"],
        "target_group_note": "",
        "message": "Eerst checken, dan delen.",
        "channels": ["social_media"],
        "starts_on": datetime.date(2026, 3, 1),
        "ends_on": datetime.date(2026, 6, 30),
        "status": CampaignStatus.RUNNING,
        "partners": [],
        "links": "",
        "is_public": False,
        "knowledge_items": [],
    }
    fields.update(changes)
    return fields


class CampaignsTestCase(PersonasTestCase):
    partner: Partner
    other_partner: Partner
    item: KnowledgeItem
    campaign: Campaign

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.partner = do_create_partner(cls.anna, cls.coalition, name="Bibliotheek", domains=[])
        cls.other_partner = do_create_partner(None, cls.other_coalition, name="GGD", domains=[])
        cls.item = do_create_knowledge_item(
            cls.cees,
            cls.coalition,
            kind=KnowledgeKind.TOOLKIT,
            themes=[],
            target_groups=[],
            title="Lesbrief bronnen checken",
            summary="Een les.",
            body="",
            links="",
            author_organisation=None,
            published_on=datetime.date(2026, 1, 1),
            tags="",
            visibility=Visibility.COALITION,
        )
        cls.campaign = do_create_campaign(cls.anna, cls.coalition, **campaign_fields())

    def form_data(self, **changes: Any) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": "Praat erover",
            "goal": "Ouders praten met hun kinderen over wat ze online zien.",
            "target_groups": ["parents"],
            "target_group_note": "Ouders van brugklassers",
            "message": "Vraag wat je kind online ziet.",
            "channels": ["posters", "schools"],
            "starts_on": "2026-09-01",
            "ends_on": "2026-11-30",
            "status": "preparing",
            "partners": [str(self.partner.pk)],
            "links": "https://example.org/poster",
            "knowledge_items": [str(self.item.pk)],
            "is_public": "on",
        }
        data.update(changes)
        return data

    def test_it_lets_a_coordinator_add_a_campaign_with_partners_and_materials(self) -> None:
        client = self.log_in(self.anna)

        response = client.post(
            reverse("campaigns:create", args=["voorbeeldstad"]), self.form_data()
        )

        campaign = Campaign.objects.get(title="Praat erover")
        self.assertRedirects(
            response, reverse("campaigns:campaign", args=["voorbeeldstad", campaign.pk])
        )
        self.assertEqual(campaign.coalition, self.coalition)
        self.assertEqual(list(campaign.partners.all()), [self.partner])
        self.assertEqual(list(campaign.knowledge_items.all()), [self.item])
        self.assertEqual(campaign.channels, ["posters", "schools"])
        self.assertTrue(campaign.is_public)
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.CAMPAIGN_CREATED, object_id=str(campaign.pk), actor=self.anna
            ).exists()
        )
        page = client.get(reverse("campaigns:campaign", args=["voorbeeldstad", campaign.pk]))
        self.assertContains(page, "Bibliotheek")
        self.assertContains(page, "Lesbrief bronnen checken")
        self.assertContains(page, "https://example.org/poster")

    def test_it_refuses_an_end_before_the_start_and_keeps_the_input(self) -> None:
        client = self.log_in(self.anna)

        response = client.post(
            reverse("campaigns:create", args=["voorbeeldstad"]),
            self.form_data(starts_on="2026-09-01", ends_on="2026-08-01"),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "De einddatum ligt vóór de startdatum.")
        self.assertContains(response, 'value="Praat erover"')
        self.assertFalse(Campaign.objects.filter(title="Praat erover").exists())

    def test_it_refuses_a_partner_of_another_coalition(self) -> None:
        client = self.log_in(self.anna)

        response = client.post(
            reverse("campaigns:create", args=["voorbeeldstad"]),
            self.form_data(partners=[str(self.other_partner.pk)]),
        )

        self.assertEqual(response.status_code, 200)
        self.assertFalse(Campaign.objects.filter(title="Praat erover").exists())

    def test_it_refuses_bogus_links(self) -> None:
        client = self.log_in(self.anna)

        response = client.post(
            reverse("campaigns:create", args=["voorbeeldstad"]),
            self.form_data(links="javascript:alert(1)"),
        )

        self.assertContains(response, "is geen webadres")
        self.assertFalse(Campaign.objects.filter(title="Praat erover").exists())

    def test_it_records_which_fields_an_edit_changed(self) -> None:
        client = self.log_in(self.anna)
        url = reverse("campaigns:edit", args=["voorbeeldstad", self.campaign.pk])
        data = self.form_data(title="Check je bron", status="finished")

        response = client.post(url, data)

        self.assertEqual(response.status_code, 302)
        self.campaign.refresh_from_db()
        self.assertEqual(self.campaign.status, CampaignStatus.FINISHED)
        entry = AuditEntry.objects.get(action=AuditAction.CAMPAIGN_UPDATED)
        self.assertIn("status", entry.detail["changed"])
        self.assertIn("partners", entry.detail["changed"])
        self.assertNotIn("title", entry.detail["changed"])

    def test_it_keeps_members_to_reading(self) -> None:
        client = self.log_in(self.cees)

        page = client.get(reverse("campaigns:campaign", args=["voorbeeldstad", self.campaign.pk]))
        refused = client.post(reverse("campaigns:create", args=["voorbeeldstad"]), self.form_data())

        self.assertContains(page, "Check je bron")
        self.assertNotContains(page, "Campagne bewerken")
        self.assertEqual(refused.status_code, 403)
        self.assertFalse(Campaign.objects.filter(title="Praat erover").exists())

    def test_it_shows_visitors_public_campaigns_without_their_reach(self) -> None:
        public = do_create_campaign(
            self.anna,
            self.coalition,
            **campaign_fields(
                title="Praat erover",
                is_public=True,
                knowledge_items=[self.item],
                partners=[self.partner],
            ),
        )
        do_record_reach(
            self.anna,
            public,
            measured_on=datetime.date(2026, 4, 1),
            measure=ReachMeasure.PARTICIPANTS,
            value=25,
        )
        visitor = self.client_class()

        listing = visitor.get(reverse("campaigns:campaigns", args=["voorbeeldstad"]))
        page = visitor.get(reverse("campaigns:campaign", args=["voorbeeldstad", public.pk]))
        hidden = visitor.get(
            reverse("campaigns:campaign", args=["voorbeeldstad", self.campaign.pk])
        )

        self.assertContains(listing, "Praat erover")
        self.assertNotContains(listing, "Check je bron")
        self.assertContains(page, "Eerst checken, dan delen.")
        self.assertNotContains(page, "<svg")
        self.assertNotContains(page, "Lesbrief bronnen checken")  # a members-only item
        # Partners are named; their pages are for members, so visitors get no link.
        self.assertContains(page, "Bibliotheek")
        self.assertNotContains(
            page, reverse("partners:partner", args=["voorbeeldstad", self.partner.pk])
        )
        self.assertEqual(hidden.status_code, 404)
        member_page = self.log_in(self.cees).get(
            reverse("campaigns:campaign", args=["voorbeeldstad", public.pk])
        )
        self.assertContains(member_page, "<svg")
        self.assertContains(member_page, "Lesbrief bronnen checken")

    def test_it_hides_campaigns_of_another_coalition(self) -> None:
        client = self.log_in(self.dirk)

        response = client.get(
            reverse("campaigns:campaign", args=["zeeuwse-kust", self.campaign.pk])
        )

        self.assertEqual(response.status_code, 404)

    def test_it_charts_reach_figures_with_a_table(self) -> None:
        client = self.log_in(self.anna)
        url = reverse("campaigns:add_reach", args=["voorbeeldstad", self.campaign.pk])
        for date, value in (("2026-03-31", "1200"), ("2026-04-30", "3400")):
            response = client.post(
                url, {"measured_on": date, "measure": "impressions", "value": value, "note": ""}
            )
            self.assertEqual(response.status_code, 302)
        client.post(url, {"measured_on": "2026-04-15", "measure": "schools_reached", "value": "7"})

        page = client.get(reverse("campaigns:campaign", args=["voorbeeldstad", self.campaign.pk]))

        self.assertEqual(self.campaign.reach_figures.count(), 3)
        self.assertContains(page, "<svg", count=2)
        self.assertContains(page, "4600 in totaal, uit 2 tellingen.")
        self.assertContains(page, "7 in totaal, uit 1 telling.")
        self.assertContains(page, "Alle bereikcijfers")
        self.assertEqual(
            AuditEntry.objects.filter(action=AuditAction.CAMPAIGN_REACH_RECORDED).count(), 3
        )

    def test_it_refuses_bad_reach_figures(self) -> None:
        client = self.log_in(self.anna)
        url = reverse("campaigns:add_reach", args=["voorbeeldstad", self.campaign.pk])
        bad = [
            {"measured_on": "2026-04-01", "measure": "impressions", "value": "-5"},
            {"measured_on": "2026-04-01", "measure": "impressions", "value": "veel"},
            {"measured_on": "2026-04-01", "measure": "impressions", "value": "99999999999999"},
            {"measured_on": "2025-01-01", "measure": "impressions", "value": "5"},
            {"measured_on": "2026-04-01", "measure": "likes", "value": "5"},
            {"measured_on": "gisteren", "measure": "impressions", "value": "5"},
        ]
        for data in bad:
            with self.subTest(data=data):
                response = client.post(url, data)

                self.assertEqual(response.status_code, 200)
        self.assertFalse(ReachFigure.objects.exists())

    def test_it_exports_reach_figures_safe_for_spreadsheets(self) -> None:
        campaign = do_create_campaign(
            self.anna, self.coalition, **campaign_fields(title="=HYPERLINK(1)")
        )
        do_record_reach(
            self.anna,
            campaign,
            measured_on=datetime.date(2026, 4, 1),
            measure=ReachMeasure.PARTICIPANTS,
            value=25,
            note="+31 zie tabel",
        )
        client = self.log_in(self.femke)

        response = client.get(
            reverse("campaigns:export_reach", args=["voorbeeldstad", campaign.pk])
        )

        text = response.content.decode("utf-8-sig")
        self.assertIn("'=HYPERLINK(1),2026-04-01,Deelnemers,25,'+31 zie tabel", text)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED).exists())

    def test_it_removes_a_reach_figure_on_confirmation(self) -> None:
        figure = do_record_reach(
            self.anna,
            self.campaign,
            measured_on=datetime.date(2026, 4, 1),
            measure=ReachMeasure.CLICKS,
            value=10,
        )
        client = self.log_in(self.anna)
        url = reverse("campaigns:remove_reach", args=["voorbeeldstad", self.campaign.pk, figure.pk])

        client.get(url)
        self.assertTrue(ReachFigure.objects.filter(pk=figure.pk).exists())
        client.post(url)

        self.assertFalse(ReachFigure.objects.filter(pk=figure.pk).exists())
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.CAMPAIGN_REACH_REMOVED).exists()
        )

    def test_it_accepts_material_files_by_content_only(self) -> None:
        client = self.log_in(self.anna)
        url = reverse("campaigns:add_file", args=["voorbeeldstad", self.campaign.pk])

        refused = client.post(
            url, {"file": SimpleUploadedFile("poster.pdf", b"<html><script></script></html>")}
        )
        accepted = client.post(url, {"file": SimpleUploadedFile("poster.pdf", b"%PDF-1.4 poster")})

        self.assertContains(refused, "Dit soort bestand kun je niet toevoegen")
        self.assertEqual(accepted.status_code, 302)
        stored = CampaignFile.objects.get()
        self.assertEqual(stored.content_type, "application/pdf")
        download = self.log_in(self.cees).get(
            reverse("campaigns:file", args=["voorbeeldstad", self.campaign.pk, stored.pk])
        )
        self.assertEqual(b"".join(download.streaming_content), b"%PDF-1.4 poster")  # type: ignore[attr-defined]
        self.assertIn("attachment", download["Content-Disposition"])
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.CAMPAIGN_FILE_ADDED).exists())

    def test_it_fills_date_pickers_in_the_format_browsers_accept(self) -> None:
        page = self.log_in(self.anna).get(
            reverse("campaigns:edit", args=["voorbeeldstad", self.campaign.pk])
        )

        self.assertContains(page, 'type="date" name="starts_on" value="2026-03-01"')

    def test_it_refuses_an_end_before_the_start_in_the_action_too(self) -> None:
        with self.assertRaises(ValidationError):
            do_create_campaign(
                self.anna,
                self.coalition,
                **campaign_fields(
                    starts_on=datetime.date(2026, 5, 1), ends_on=datetime.date(2026, 4, 1)
                ),
            )
