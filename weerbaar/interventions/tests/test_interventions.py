from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.interventions.actions import (
    do_create_experiment,
    do_create_intervention,
    do_finish_experiment,
)
from weerbaar.interventions.choices import ExperimentOutcome, ExperimentStatus
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.knowledge.search import search_items
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner


def intervention_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": "Samen Verschillen",
        "summary": "Een app voor groepsgesprekken over tegenstellingen.",
        "kind": "app",
        "themes": ["polarisation"],
        "target_groups": ["young_12_18"],
        "age_from": 12,
        "age_until": 18,
        "provider": None,
        "external_provider": "Stichting Dialoog",
        "how_to_use": "In **groepssessies** van een uur.",
        "cost": "Gratis",
        "link": "https://example.org/app",
        "evidence_level": "well_described",
        "evidence_link": "",
        "status": "pilot",
        "visibility": Visibility.COALITION,
    }
    fields.update(overrides)
    return fields


def experiment_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "question": "Praten leerlingen na twee sessies vaker met andersdenkenden?",
        "location": "Stedelijk College",
        "participants": "Drie tweede klassen",
        "starts_on": datetime.date(2026, 2, 1),
        "ends_on": None,
        "measure_before": "Vragenlijst",
        "measure_after": "",
        "results": "",
        "lessons": "",
        "outcome": ExperimentOutcome.UNKNOWN,
        "status": ExperimentStatus.RUNNING,
    }
    fields.update(overrides)
    return fields


def form_data(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: ("" if v is None else v) for k, v in fields.items()}


class InterventionsTestCase(PersonasTestCase):
    def test_a_member_adds_an_intervention_with_an_audit_entry(self) -> None:
        client = self.log_in(self.cees)

        response = client.post(
            reverse("interventions:create", args=["voorbeeldstad"]),
            form_data(intervention_fields()),
        )

        found = Intervention.objects.get()
        self.assertRedirects(
            response, reverse("interventions:intervention", args=["voorbeeldstad", found.pk])
        )
        self.assertEqual(found.get_provider_name(), "Stichting Dialoog")
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.INTERVENTION_CREATED).exists())
        detail = client.get(found.get_absolute_url())
        self.assertContains(detail, "<strong>groepssessies</strong>")
        self.assertContains(detail, "12 tot en met 18 jaar")

    def test_it_keeps_input_and_explains_bad_ages_and_links(self) -> None:
        client = self.log_in(self.cees)

        response = client.post(
            reverse("interventions:create", args=["voorbeeldstad"]),
            form_data(intervention_fields(age_from=18, age_until=12, link="javascript:alert(1)")),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Samen Verschillen")
        self.assertContains(response, "De hoogste leeftijd ligt onder de laagste")
        self.assertFalse(Intervention.objects.exists())

    def test_only_the_author_or_a_coordinator_edits(self) -> None:
        found = do_create_intervention(self.cees, self.coalition, **intervention_fields())
        url = reverse("interventions:edit", args=["voorbeeldstad", found.pk])

        self.assertEqual(
            self.log_in(self.femke).post(url, form_data(intervention_fields())).status_code, 403
        )
        self.log_in(self.anna).post(url, form_data(intervention_fields(name="Door Anna")))

        found.refresh_from_db()
        self.assertEqual(found.name, "Door Anna")

    def test_the_catalogue_filters_and_shows_shared_ones_read_only(self) -> None:
        do_create_intervention(self.cees, self.coalition, **intervention_fields())
        do_create_intervention(
            self.cees,
            self.coalition,
            **intervention_fields(
                name="Filterbubbel.nl", kind="website", themes=["disinformation"]
            ),
        )
        shared = do_create_intervention(
            self.dirk,
            self.other_coalition,
            **intervention_fields(name="Ouders Online", visibility=Visibility.SHARED),
        )
        do_create_intervention(
            self.dirk, self.other_coalition, **intervention_fields(name="Alleen Zeeland")
        )
        client = self.log_in(self.cees)
        url = reverse("interventions:interventions", args=["voorbeeldstad"])

        everything = client.get(url)
        websites = client.get(url, {"kind": "website"}, headers={"HX-Request": "true"})
        by_theme = client.get(url, {"theme": "disinformation"})
        edit = client.get(reverse("interventions:edit", args=["voorbeeldstad", shared.pk]))

        self.assertContains(everything, "Ouders Online")
        self.assertContains(everything, "van Online Coalitie Zeeuwse Kust")
        self.assertNotContains(everything, "Alleen Zeeland")
        self.assertEqual([i.name for i in websites.context["interventions"]], ["Filterbubbel.nl"])
        self.assertNotContains(websites, "<html")
        self.assertEqual([i.name for i in by_theme.context["interventions"]], ["Filterbubbel.nl"])
        self.assertEqual(edit.status_code, 404)

    def test_visitors_see_public_interventions_only(self) -> None:
        do_create_intervention(
            self.cees, self.coalition, **intervention_fields(visibility=Visibility.PUBLIC)
        )
        do_create_intervention(self.cees, self.coalition, **intervention_fields(name="Intern"))

        response = self.client.get(reverse("interventions:interventions", args=["voorbeeldstad"]))

        self.assertContains(response, "Samen Verschillen")
        self.assertNotContains(response, "Intern")


class ExperimentsTestCase(PersonasTestCase):
    intervention: Intervention

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.intervention = do_create_intervention(
            cls.cees, cls.coalition, **intervention_fields(visibility=Visibility.SHARED)
        )

    def test_a_coordinator_records_and_finishes_an_experiment_and_its_lesson_is_published(
        self,
    ) -> None:
        client = self.log_in(self.anna)
        slug = "voorbeeldstad"

        client.post(
            reverse("interventions:add_experiment", args=[slug, self.intervention.pk]),
            form_data(experiment_fields()),
        )
        experiment = Experiment.objects.get()
        finish = reverse(
            "interventions:finish_experiment", args=[slug, self.intervention.pk, experiment.pk]
        )
        refused = client.post(finish, {"lessons": "", "outcome": "unknown"})
        client.post(
            finish,
            {
                "results": "Twee van de drie klassen praatten vaker door.",
                "lessons": "Plan de sessies kort na elkaar; gesprekken over complottheorieën "
                "vroegen meer tijd.",
                "outcome": ExperimentOutcome.MIXED,
                "ends_on": "2026-04-01",
            },
        )

        self.assertEqual(refused.status_code, 200)
        experiment.refresh_from_db()
        item = experiment.lesson_item
        assert item is not None
        self.assertEqual(experiment.status, ExperimentStatus.FINISHED)
        self.assertEqual(item.kind, KnowledgeKind.LESSON_LEARNED)
        self.assertEqual(item.visibility, Visibility.SHARED)
        self.assertEqual(item.published_on, datetime.date(2026, 4, 1))
        # Written in the coalition's language, headings included.
        self.assertIn("## Waar en met wie", item.body)
        self.assertIn("## Lessen", item.body)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.EXPERIMENT_FINISHED).exists())
        # Linked both ways.
        item_page = client.get(reverse("knowledge:item", args=[slug, item.pk]))
        experiment_page = client.get(
            reverse("interventions:experiment", args=[slug, self.intervention.pk, experiment.pk])
        )
        self.assertContains(item_page, experiment_page.request["PATH_INFO"])
        self.assertContains(experiment_page, reverse("knowledge:item", args=[slug, item.pk]))
        # The other coalition finds the lesson by an inflected word.
        rows = KnowledgeItem.objects.visible_in(self.other_coalition, self.dirk)
        self.assertEqual([r.item for r in search_items(rows, "complottheorie")], [item])
        # The catalogue says where it ran and with what result.
        catalogue = client.get(reverse("interventions:interventions", args=[slug]))
        self.assertContains(catalogue, "Stedelijk College (werkte deels)")

    def test_finishing_again_updates_the_same_lesson_item(self) -> None:
        experiment = do_create_experiment(self.cees, self.intervention, **experiment_fields())
        do_finish_experiment(
            self.cees, experiment, results="", lessons="Eerste les.", outcome="positive"
        )
        experiment.refresh_from_db()
        fields = {n: getattr(experiment, n) for n in ("question", "location", "participants")}
        from weerbaar.interventions.actions import do_update_experiment

        do_update_experiment(
            self.cees,
            experiment,
            **experiment_fields(
                **fields, lessons="Betere les.", outcome="positive", status="finished"
            ),
        )

        self.assertEqual(KnowledgeItem.objects.count(), 1)
        self.assertEqual(KnowledgeItem.objects.get().summary, "Betere les.")

    def test_an_end_before_the_start_is_refused(self) -> None:
        client = self.log_in(self.cees)

        response = client.post(
            reverse("interventions:add_experiment", args=["voorbeeldstad", self.intervention.pk]),
            form_data(experiment_fields(ends_on=datetime.date(2026, 1, 1))),
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "De einddatum ligt vóór de begindatum")
        self.assertFalse(Experiment.objects.exists())

    def test_a_shared_intervention_links_its_provider_only_where_the_partner_page_opens(
        self,
    ) -> None:
        provider = do_create_partner(
            self.dirk, self.other_coalition, name="Stichting Kust", domains=[]
        )
        shared = do_create_intervention(
            self.dirk,
            self.other_coalition,
            **intervention_fields(
                provider=provider, external_provider="", visibility=Visibility.SHARED
            ),
        )
        partner_page = reverse("partners:partner", args=["zeeuwse-kust", provider.pk])

        at_home = self.log_in(self.dirk).get(
            reverse("interventions:intervention", args=["zeeuwse-kust", shared.pk])
        )
        elsewhere = self.log_in(self.cees).get(
            reverse("interventions:intervention", args=["voorbeeldstad", shared.pk])
        )

        self.assertContains(at_home, partner_page)
        self.assertContains(elsewhere, "Stichting Kust")
        self.assertNotContains(elsewhere, partner_page)

    def test_other_coalitions_cannot_add_experiments_to_a_shared_intervention(self) -> None:
        client = self.log_in(self.dirk)

        response = client.post(
            reverse("interventions:add_experiment", args=["zeeuwse-kust", self.intervention.pk]),
            form_data(experiment_fields()),
        )

        self.assertEqual(response.status_code, 404)
        self.assertFalse(Experiment.objects.exists())
