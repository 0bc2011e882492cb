from __future__ import annotations

import datetime
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.blueprint.actions import do_save_blueprint_step, do_start_blueprint
from weerbaar.blueprint.choices import RequestStatus
from weerbaar.blueprint.models import BlueprintRequest
from weerbaar.lib.testing import create_coalition

START = reverse("blueprint:start")
PLAN = reverse("blueprint:plan")


def step_url(step: str) -> str:
    return reverse("blueprint:step", kwargs={"step": step})


REGION = {
    "coalition_name": "Online Coalitie Walcheren",
    "municipalities": "Middelburg\nVlissingen\nVeere",
    "population": "100k_250k",
    "urbanity": "rural",
}


class WizardTestCase(TestCase):
    def start(self) -> BlueprintRequest:
        response = self.client.post(START)
        self.assertRedirects(response, step_url("region"))
        return BlueprintRequest.objects.get()

    def post_step(self, step: str, data: dict[str, Any], action: str = "next") -> Any:
        return self.client.post(step_url(step), {**data, "action": action})

    def test_it_walks_a_region_through_every_step_to_its_plan(self) -> None:
        blueprint = self.start()
        steps: list[tuple[str, dict[str, Any]]] = [
            ("region", REGION),
            ("existing", {"provisions": ["youth_work"]}),
            ("domains", {"on_board": ["public_order_safety"], "reachable": ["education"]}),
            ("priorities", {"themes": ["disinformation", "scams"]}),
            ("capacity", {"coordinator_hours": "8", "budget": "small", "programme_size": "medium"}),
            ("organisations", {"organisations": "Bibliotheek Walcheren, info@bieb.example"}),
            ("start", {"start": (timezone.localdate() + datetime.timedelta(days=40)).isoformat()}),
        ]
        for step, data in steps:
            response = self.post_step(step, data)
            self.assertEqual(response.status_code, 302, step)

        self.assertRedirects(response, PLAN)
        blueprint.refresh_from_db()
        self.assertEqual(
            blueprint.answers["organisations"],
            {"organisations": [{"name": "Bibliotheek Walcheren", "email": "info@bieb.example"}]},
        )
        page = self.client.get(PLAN)
        self.assertContains(page, "Online Coalitie Walcheren")
        self.assertContains(page, "Inspiratiebijeenkomst")
        self.assertContains(page, "Vraag je coalitie aan")

    def test_it_explains_why_each_step_asks(self) -> None:
        self.start()

        response = self.client.get(step_url("capacity"))

        self.assertContains(response, "Waarom we dit vragen")
        self.assertContains(response, "kwartiermaker")

    def test_it_keeps_answers_going_back_and_forward(self) -> None:
        self.start()
        self.post_step("region", REGION)
        self.post_step("existing", {"provisions": ["programme", "case_meeting"]}, action="back")

        region = self.client.get(step_url("region"))
        existing = self.client.get(step_url("existing"))

        self.assertContains(region, "Vlissingen")
        self.assertRegex(existing.content.decode(), r'value="case_meeting"[^>]* checked')
        self.assertNotRegex(existing.content.decode(), r'value="youth_work"[^>]* checked')

    def test_it_keeps_invalid_input_when_going_back(self) -> None:
        self.start()
        self.post_step("region", REGION)
        self.post_step("capacity", {"coordinator_hours": "-3", "budget": "small"}, action="back")

        response = self.client.get(step_url("capacity"))

        self.assertContains(response, 'value="-3"')
        self.assertContains(response, 'aria-invalid="true"')

    def test_it_refuses_contradictory_capacity_with_guidance(self) -> None:
        blueprint = self.start()

        response = self.post_step(
            "capacity", {"coordinator_hours": "0", "budget": "none", "programme_size": "large"}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kies een kleine start")
        blueprint.refresh_from_db()
        self.assertNotIn("capacity", blueprint.answers)

    def test_it_refuses_a_domain_both_on_board_and_reachable(self) -> None:
        self.start()

        response = self.post_step(
            "domains", {"on_board": ["education"], "reachable": ["education", "library"]}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "doet al mee")

    def test_it_lets_a_step_be_skipped_and_says_so_on_the_plan(self) -> None:
        self.start()
        self.post_step("region", REGION)

        response = self.post_step("existing", {}, action="skip")

        self.assertRedirects(response, step_url("domains"))
        plan = self.client.get(PLAN)
        self.assertContains(plan, "Nog niet beantwoord")

    def test_it_warns_when_the_region_already_has_a_coalition(self) -> None:
        create_coalition("walcheren", "Online Coalitie Walcheren", region="Gemeente Middelburg")
        self.start()
        self.post_step("region", REGION)

        response = self.client.get(step_url("region"))

        self.assertContains(response, "Hier is al een coalitie: Online Coalitie Walcheren")
        self.assertContains(self.client.get(PLAN), "/walcheren/")

    def test_it_resumes_from_the_private_link_in_another_browser(self) -> None:
        blueprint, token = do_start_blueprint()
        do_save_blueprint_step(blueprint, "region", {"municipalities": ["Veere"]})

        response = self.client.get(reverse("blueprint:resume", kwargs={"token": token}))

        self.assertRedirects(response, step_url("existing"))
        self.assertEqual(self.client.get(PLAN).status_code, 200)

    def test_it_answers_an_unknown_link_with_guidance(self) -> None:
        response = self.client.get(reverse("blueprint:resume", kwargs={"token": "made-up"}))

        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Start een nieuwe blauwdruk", status_code=404)

    def test_it_answers_an_expired_link_with_guidance(self) -> None:
        blueprint, token = do_start_blueprint()
        BlueprintRequest.objects.filter(pk=blueprint.pk).update(
            expires_at=timezone.now() - datetime.timedelta(days=1)
        )

        response = self.client.get(reverse("blueprint:resume", kwargs={"token": token}))

        self.assertEqual(response.status_code, 410)
        self.assertContains(response, "verlopen", status_code=410)

    def test_it_sends_a_visitor_without_answers_to_the_start(self) -> None:
        self.assertRedirects(self.client.get(step_url("region")), START)
        self.assertRedirects(self.client.get(PLAN), START)
        self.assertEqual(self.client.get(step_url("nonsense")).status_code, 404)

    def test_it_submits_the_request_and_then_keeps_the_answers_read_only(self) -> None:
        blueprint = self.start()
        self.post_step("region", REGION)

        response = self.client.post(
            reverse("blueprint:submit"),
            {
                "contact_name": "Els de Vries",
                "contact_email": "Els@Middelburg.example",
                "contact_organisation": "Gemeente Middelburg",
            },
        )

        self.assertRedirects(response, PLAN)
        blueprint.refresh_from_db()
        self.assertEqual(blueprint.status, RequestStatus.SUBMITTED)
        self.assertEqual(blueprint.contact_email, "els@middelburg.example")
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.BLUEPRINT_SUBMITTED, actor_label="els@middelburg.example"
            ).exists()
        )
        self.assertRedirects(self.client.get(step_url("region")), PLAN)
        changed = self.post_step("region", {**REGION, "municipalities": "Goes"})
        self.assertRedirects(changed, PLAN)
        blueprint.refresh_from_db()
        self.assertEqual(
            blueprint.get_answers().municipalities, ("Middelburg", "Vlissingen", "Veere")
        )
        again = self.client.post(
            reverse("blueprint:submit"),
            {"contact_name": "E", "contact_email": "e@example.org", "contact_organisation": "X"},
        )
        self.assertRedirects(again, PLAN)

    def test_it_asks_for_the_region_before_submitting(self) -> None:
        blueprint = self.start()

        response = self.client.post(
            reverse("blueprint:submit"),
            {
                "contact_name": "Els",
                "contact_email": "els@example.org",
                "contact_organisation": "G",
            },
        )

        self.assertRedirects(response, PLAN)
        blueprint.refresh_from_db()
        self.assertEqual(blueprint.status, RequestStatus.DRAFT)

    def test_it_keeps_the_contact_details_when_they_are_wrong(self) -> None:
        self.start()
        self.post_step("region", REGION)

        response = self.client.post(
            reverse("blueprint:submit"),
            {
                "contact_name": "Els de Vries",
                "contact_email": "geen-adres",
                "contact_organisation": "",
            },
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'value="Els de Vries"')
        self.assertContains(response, 'aria-invalid="true"')


class ExpiryTestCase(TestCase):
    def test_it_deletes_only_expired_unfinished_answers_and_logs_it(self) -> None:
        expired, _token = do_start_blueprint()
        alive, _token = do_start_blueprint()
        submitted, _token = do_start_blueprint()
        BlueprintRequest.objects.filter(pk__in=[expired.pk, submitted.pk]).update(
            expires_at=timezone.now() - datetime.timedelta(days=1)
        )
        BlueprintRequest.objects.filter(pk=submitted.pk).update(status=RequestStatus.SUBMITTED)

        out = StringIO()
        call_command("delete_expired_blueprints", stdout=out)

        self.assertEqual(
            set(BlueprintRequest.objects.values_list("pk", flat=True)), {alive.pk, submitted.pk}
        )
        self.assertIn("1 expired", out.getvalue())
        entry = AuditEntry.objects.get(action=AuditAction.BLUEPRINT_DRAFTS_DELETED)
        self.assertEqual(entry.detail, {"count": 1})
        call_command("delete_expired_blueprints", stdout=StringIO())
        self.assertEqual(
            AuditEntry.objects.filter(action=AuditAction.BLUEPRINT_DRAFTS_DELETED).count(), 1
        )


class PlanDownloadTestCase(TestCase):
    def test_it_downloads_the_plan_to_share_with_partners(self) -> None:
        self.client.post(START)
        self.client.post(step_url("region"), {**REGION, "action": "next"})

        response = self.client.get(reverse("blueprint:plan_download", kwargs={"fmt": "html"}))

        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertContains(response, "Online Coalitie Walcheren")
        self.assertContains(response, "Inspiratiebijeenkomst")
        self.assertNotContains(response, "csrfmiddlewaretoken")

    def test_it_needs_answers_and_a_known_format(self) -> None:
        url = reverse("blueprint:plan_download", kwargs={"fmt": "html"})
        self.assertRedirects(self.client.get(url), START)
        self.client.post(START)
        self.assertEqual(
            self.client.get(reverse("blueprint:plan_download", kwargs={"fmt": "xls"})).status_code,
            404,
        )
