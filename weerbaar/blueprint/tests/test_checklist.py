from __future__ import annotations

import datetime
from unittest import mock

from django.urls import reverse
from django.utils import timezone

from weerbaar.accounts.actions import do_accept_invitation, do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.blueprint.actions import do_add_plan_task, do_approve_blueprint
from weerbaar.blueprint.choices import Phase, TaskStatus
from weerbaar.blueprint.models import PlanTask
from weerbaar.blueprint.tests.test_review import submitted_request
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.models import Partner


class ChecklistTestCase(PersonasTestCase):
    def setUp(self) -> None:
        today = timezone.localdate()
        self.late = do_add_plan_task(
            self.anna,
            self.coalition,
            phase=Phase.URGENCY,
            title="Urgentienotitie schrijven",
            owner="Anna",
            due_date=today - datetime.timedelta(days=3),
        )
        self.later = do_add_plan_task(
            self.anna,
            self.coalition,
            phase=Phase.URGENCY,
            title="Wethouder spreken",
            due_date=today + datetime.timedelta(days=30),
        )
        self.other = do_add_plan_task(
            self.anna, self.other_coalition, phase=Phase.URGENCY, title="Elders"
        )
        self.url = reverse("blueprint:checklist", kwargs={"slug": "voorbeeldstad"})
        self.log_in(self.anna)

    def test_it_shows_tasks_by_phase_with_progress_and_overdue_flags(self) -> None:
        response = self.client.get(self.url)

        self.assertContains(response, "Urgentie en achtergrond")
        self.assertContains(response, "0 van 2 taken klaar")
        self.assertContains(response, '<progress class="weerbaar-progress"', count=1)
        self.assertContains(response, "Te laat", count=1)
        self.assertContains(response, "Geen taken in deze fase.", count=5)
        self.assertNotContains(response, "Elders")

    def test_it_marks_a_task_done(self) -> None:
        response = self.client.post(
            reverse(
                "blueprint:complete_task", kwargs={"slug": "voorbeeldstad", "task_id": self.late.pk}
            )
        )

        self.assertRedirects(response, f"{self.url}#task-{self.late.pk}")
        self.late.refresh_from_db()
        self.assertEqual(self.late.status, TaskStatus.DONE)
        self.assertIsNotNone(self.late.completed_at)
        page = self.client.get(self.url)
        self.assertContains(page, "1 van 2 taken klaar")
        self.assertNotContains(page, "Te laat")
        self.assertTrue(
            AuditEntry.objects.filter(
                action=AuditAction.PLAN_TASK_UPDATED, actor=self.anna
            ).exists()
        )

    def test_it_changes_status_owner_and_due_date(self) -> None:
        url = reverse(
            "blueprint:edit_task", kwargs={"slug": "voorbeeldstad", "task_id": self.later.pk}
        )

        response = self.client.post(
            url, {"status": "in_progress", "owner": "Bram (GGD)", "due_date": "2027-02-01"}
        )

        self.assertEqual(response.status_code, 302)
        self.later.refresh_from_db()
        self.assertEqual(
            (self.later.status, self.later.owner, self.later.due_date),
            (TaskStatus.IN_PROGRESS, "Bram (GGD)", datetime.date(2027, 2, 1)),
        )

    def test_it_keeps_input_when_a_change_is_wrong(self) -> None:
        url = reverse(
            "blueprint:edit_task", kwargs={"slug": "voorbeeldstad", "task_id": self.later.pk}
        )

        response = self.client.post(url, {"status": "nonsense", "owner": "Bram", "due_date": "x"})

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'value="Bram"')
        self.later.refresh_from_db()
        self.assertEqual(self.later.status, TaskStatus.OPEN)

    def test_it_adds_an_own_task(self) -> None:
        response = self.client.post(
            reverse("blueprint:add_task", kwargs={"slug": "voorbeeldstad"}),
            {"phase": "execution", "title": "Nieuwsbrief starten", "owner": "Cees", "due_date": ""},
        )

        self.assertEqual(response.status_code, 302)
        task = PlanTask.objects.get(title="Nieuwsbrief starten")
        self.assertEqual((task.coalition, task.phase), (self.coalition, Phase.EXECUTION))
        self.assertGreater(task.position, self.later.position)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.PLAN_TASK_ADDED).exists())

    def test_it_finds_no_task_of_another_coalition(self) -> None:
        for name in ("blueprint:edit_task", "blueprint:complete_task"):
            with self.subTest(name=name):
                url = reverse(name, kwargs={"slug": "voorbeeldstad", "task_id": self.other.pk})

                self.assertEqual(self.client.post(url).status_code, 404)
        self.other.refresh_from_db()
        self.assertEqual(self.other.status, TaskStatus.OPEN)


class InviteOrganisationsTestCase(PersonasTestCase):
    def test_it_invites_the_interested_organisations_once_after_confirmation(self) -> None:
        coalition = do_approve_blueprint(
            self.pieter, submitted_request(), slug="walcheren", name="Online Coalitie Walcheren"
        )
        coordinator = self.anna
        invitation, _token = do_invite_member(None, coalition, coordinator.email, Role.COORDINATOR)
        do_accept_invitation(invitation, user=coordinator)
        self.log_in(coordinator)
        url = reverse("blueprint:invite_organisations", kwargs={"slug": "walcheren"})

        self.assertContains(self.client.get(url), "Bibliotheek Walcheren (info@bieb.example)")
        self.assertContains(
            self.client.get(reverse("blueprint:checklist", kwargs={"slug": "walcheren"})),
            "Controleer en nodig ze uit",
        )
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url)
        self.client.post(url)

        partner = Partner.objects.get(coalition=coalition)
        self.assertEqual((partner.name, partner.is_public), ("Bibliotheek Walcheren", False))
        invitation = Invitation.objects.get(coalition=coalition, email="info@bieb.example")
        self.assertEqual((invitation.role, invitation.partner), (Role.PARTNER_ADMIN, partner))
        self.assertEqual(
            AuditEntry.objects.filter(action=AuditAction.PLAN_ORGANISATIONS_INVITED).count(), 1
        )


class PlanExportTestCase(PersonasTestCase):
    def setUp(self) -> None:
        do_add_plan_task(self.anna, self.coalition, phase=Phase.FOUNDING, title="Convenant tekenen")
        self.log_in(self.anna)

    def url(self, fmt: str) -> str:
        return reverse("blueprint:plan_export", kwargs={"slug": "voorbeeldstad", "fmt": fmt})

    def test_it_downloads_the_plan_as_html_and_logs_the_export(self) -> None:
        response = self.client.get(self.url("html"))

        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertContains(response, "Convenant tekenen")
        self.assertContains(response, "Oprichting en convenant")
        entry = AuditEntry.objects.get(action=AuditAction.DATA_EXPORTED)
        self.assertEqual(entry.detail, {"export": "plan", "rows": 1})

    def test_it_sends_to_the_printable_page_when_no_pdf_can_be_made(self) -> None:
        with mock.patch("weerbaar.blueprint.views.is_pdf_available", return_value=False):
            response = self.client.get(self.url("pdf"))

        self.assertRedirects(
            response, reverse("blueprint:checklist", kwargs={"slug": "voorbeeldstad"})
        )
        self.assertFalse(AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED).exists())

    def test_it_knows_only_html_and_pdf(self) -> None:
        self.assertEqual(self.client.get(self.url("docx")).status_code, 404)
