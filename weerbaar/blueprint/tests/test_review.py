from __future__ import annotations

from typing import Any
from unittest import mock

from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.blueprint.actions import (
    do_add_plan_task,
    do_save_blueprint_step,
    do_start_blueprint,
    do_submit_blueprint,
)
from weerbaar.blueprint.choices import Phase, RequestStatus
from weerbaar.blueprint.models import BlueprintRequest, PlanTask
from weerbaar.coalitions.choices import AreaKind
from weerbaar.coalitions.models import Coalition
from weerbaar.covenant.models import CovenantVersion
from weerbaar.lib.testing import PersonasTestCase


def submitted_request() -> BlueprintRequest:
    blueprint, _token = do_start_blueprint()
    answers: dict[str, dict[str, Any]] = {
        "region": {
            "coalition_name": "Online Coalitie Walcheren",
            "municipalities": ["Middelburg", "Vlissingen", "Veere"],
            "population": "100k_250k",
            "urbanity": "rural",
        },
        "priorities": {"themes": ["disinformation", "scams"]},
        "organisations": {
            "organisations": [{"name": "Bibliotheek Walcheren", "email": "info@bieb.example"}]
        },
        "start": {"start": "2027-03-01"},
    }
    for step, data in answers.items():
        do_save_blueprint_step(blueprint, step, data)
    return do_submit_blueprint(
        blueprint,
        contact_name="Els de Vries",
        contact_email="els@middelburg.example",
        contact_organisation="Gemeente Middelburg",
    )


class ReviewTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.blueprint = submitted_request()
        self.log_in(self.pieter)

    def approve(self, **data: str) -> Any:
        return self.client.post(
            reverse("blueprint:approve", kwargs={"request_id": self.blueprint.pk}),
            {"name": "Online Coalitie Walcheren", "slug": "walcheren", **data},
        )

    def test_it_lists_submitted_requests_for_the_platform_admin(self) -> None:
        response = self.client.get(reverse("blueprint:requests"))

        self.assertContains(response, "Online Coalitie Walcheren")
        self.assertContains(response, "Els de Vries")

    def test_it_shows_the_plan_with_a_suggested_name_and_address(self) -> None:
        response = self.client.get(
            reverse("blueprint:review", kwargs={"request_id": self.blueprint.pk})
        )

        self.assertContains(response, 'value="online-coalitie-walcheren"')
        self.assertContains(response, "Inspiratiebijeenkomst")
        self.assertContains(response, "Bibliotheek Walcheren")

    def test_it_creates_the_coalition_from_the_plan_on_approval(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            response = self.approve()

        self.assertRedirects(response, reverse("blueprint:requests"))
        coalition = Coalition.objects.get(slug="walcheren")
        self.assertEqual(coalition.region, "Middelburg, Vlissingen, Veere")
        self.assertEqual(coalition.themes, ["disinformation", "scams"])
        self.assertIn("Middelburg, Vlissingen, Veere", coalition.ambition)
        self.assertEqual(
            sorted(coalition.areas.values_list("name", "kind")),
            [(n, AreaKind.MUNICIPALITY) for n in ("Middelburg", "Veere", "Vlissingen")],
        )
        self.assertEqual(coalition.principles.count(), 7)
        draft = CovenantVersion.objects.get(coalition=coalition)
        self.assertTrue(draft.is_draft())
        self.assertIn("## Ambitie", draft.body)
        tasks = PlanTask.objects.filter(coalition=coalition)
        self.assertEqual(
            set(tasks.values_list("phase", flat=True)), {phase.value for phase in Phase}
        )
        self.assertTrue(
            tasks.filter(title="Spreek per gemeente af wie de coalitie draagt").exists()
        )
        first = tasks.order_by("position").first()
        assert first is not None
        self.assertEqual(str(first.due_date), "2027-03-01")
        invitation = Invitation.objects.get(coalition=coalition)
        self.assertEqual(
            (invitation.email, invitation.role), ("els@middelburg.example", Role.COORDINATOR)
        )
        self.assertEqual([m.to for m in mail.outbox], [["els@middelburg.example"]])
        self.blueprint.refresh_from_db()
        self.assertEqual(self.blueprint.status, RequestStatus.APPROVED)
        self.assertEqual(self.blueprint.coalition, coalition)
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.BLUEPRINT_APPROVED, actor=self.pieter, coalition=coalition
            ).exists()
        )
        self.assertEqual(self.client.get(coalition.get_absolute_url()).status_code, 200)

    def test_it_refuses_a_taken_or_reserved_address_and_keeps_the_input(self) -> None:
        for slug in ("voorbeeldstad", "platform"):
            with self.subTest(slug=slug):
                response = self.approve(slug=slug)

                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'aria-invalid="true"')
                self.assertContains(response, f'value="{slug}"')
        self.assertFalse(Coalition.objects.filter(name="Online Coalitie Walcheren").exists())

    def test_it_handles_a_request_only_once(self) -> None:
        self.approve()

        again = self.approve(slug="walcheren-2")
        rejected = self.client.post(
            reverse("blueprint:reject", kwargs={"request_id": self.blueprint.pk}),
            {"note": "Toch niet."},
        )

        self.assertEqual(again.status_code, 302)
        self.assertEqual(rejected.status_code, 302)
        self.assertEqual(Coalition.objects.filter(name="Online Coalitie Walcheren").count(), 1)
        self.blueprint.refresh_from_db()
        self.assertEqual(self.blueprint.status, RequestStatus.APPROVED)

    def test_it_turns_a_request_down_with_a_note_the_requester_reads(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("blueprint:reject", kwargs={"request_id": self.blueprint.pk}),
                {"note": "Walcheren heeft al een coalitie; sluit je daar aan."},
            )

        self.assertRedirects(response, reverse("blueprint:requests"))
        self.blueprint.refresh_from_db()
        self.assertEqual(self.blueprint.status, RequestStatus.REJECTED)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.BLUEPRINT_REJECTED).exists())

    def test_it_needs_a_note_to_turn_down(self) -> None:
        response = self.client.post(
            reverse("blueprint:reject", kwargs={"request_id": self.blueprint.pk}), {"note": ""}
        )

        self.assertEqual(response.status_code, 200)
        self.blueprint.refresh_from_db()
        self.assertEqual(self.blueprint.status, RequestStatus.SUBMITTED)

    def test_it_does_not_show_unfinished_wizards_to_the_platform_admin(self) -> None:
        draft, _token = do_start_blueprint()

        response = self.client.get(reverse("blueprint:review", kwargs={"request_id": draft.pk}))

        self.assertEqual(response.status_code, 404)

    def test_it_refuses_coordinators(self) -> None:
        self.log_in(self.anna)

        response = self.client.get(reverse("blueprint:requests"))

        self.assertEqual(response.status_code, 403)

    def test_it_explains_an_address_taken_at_the_last_moment(self) -> None:
        with mock.patch(
            "weerbaar.blueprint.views.do_approve_blueprint", side_effect=IntegrityError
        ):
            response = self.approve()

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Een andere coalitie heeft dit webadres al.")
        self.blueprint.refresh_from_db()
        self.assertEqual(self.blueprint.status, RequestStatus.SUBMITTED)

    def test_it_gives_the_plan_to_an_existing_coalition_instead(self) -> None:
        do_add_plan_task(self.pieter, self.other_coalition, phase=Phase.URGENCY, title="Eigen taak")
        review = self.client.get(
            reverse("blueprint:review", kwargs={"request_id": self.blueprint.pk})
        )
        self.assertContains(review, "Of geef het plan aan een bestaande coalitie")

        response = self.client.post(
            reverse("blueprint:attach", kwargs={"request_id": self.blueprint.pk}),
            {"coalition": self.other_coalition.pk},
        )

        self.assertRedirects(response, reverse("blueprint:requests"))
        self.blueprint.refresh_from_db()
        self.assertEqual(
            (self.blueprint.status, self.blueprint.coalition),
            (RequestStatus.APPROVED, self.other_coalition),
        )
        tasks = PlanTask.objects.filter(coalition=self.other_coalition).order_by("position")
        self.assertEqual(tasks[0].title, "Eigen taak")
        self.assertGreater(tasks.count(), 20)
        self.assertFalse(Invitation.objects.filter(email="els@middelburg.example").exists())
        self.assertEqual(Coalition.objects.count(), 2)
        second = submitted_request()
        again = self.client.post(
            reverse("blueprint:attach", kwargs={"request_id": second.pk}),
            {"coalition": self.other_coalition.pk},
        )
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, 'aria-invalid="true"')
