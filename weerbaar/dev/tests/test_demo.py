from __future__ import annotations

from django.core import mail
from django.test import TestCase
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation, Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.blueprint.choices import RequestStatus, TaskStatus
from weerbaar.blueprint.models import BlueprintRequest, MaturityScan, PlanTask
from weerbaar.coalitions.choices import AreaKind
from weerbaar.coalitions.models import Coalition
from weerbaar.covenant.models import Commitment, CovenantVersion, Delivery, Signature
from weerbaar.dev.demo import BRAM_PARTNER, DEMO_SLUG, load_demo
from weerbaar.interventions.models import Experiment, Intervention
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.knowledge.search import search_items
from weerbaar.partners.models import JoinRequest, Partner


class DemoTestCase(TestCase):
    def test_it_loads_partners_bram_s_organisation_and_pending_requests(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        partners = Partner.objects.filter(coalition=coalition)
        self.assertGreaterEqual(partners.count(), 12)
        self.assertGreater(partners.filter(is_public=True).count(), partners.count() // 2)
        bram = Membership.objects.get(user__email="bram@voorbeeldstad.example")
        self.assertEqual(bram.organisation, partners.get(name=BRAM_PARTNER))
        pending = JoinRequest.objects.pending().filter(coalition=coalition)
        self.assertEqual(pending.count(), 2)
        # The second request is a likely duplicate of the library, as a coordinator would meet.
        duplicate_partners, _requests = pending.get(
            contact_name="Karim El Amrani"
        ).get_possible_duplicates()
        self.assertEqual([p.name for p in duplicate_partners], [BRAM_PARTNER])
        self.assertTrue(mail.outbox)

    def test_it_loads_a_signed_covenant_and_this_year_s_pledges(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        version = CovenantVersion.objects.get(coalition=coalition)
        self.assertTrue(version.is_published())
        self.assertIn("<h2>Uitgangspunten</h2>", version.render_body())
        signatures = Signature.objects.filter(version=version)
        self.assertEqual(signatures.count(), 8)
        bram = signatures.get(partner__name=BRAM_PARTNER)
        self.assertEqual(
            bram.signed_by.email if bram.signed_by else "", "bram@voorbeeldstad.example"
        )
        self.assertGreater(Partner.objects.filter(coalition=coalition).count(), 8)
        self.assertGreaterEqual(Commitment.objects.filter(coalition=coalition).count(), 6)
        self.assertTrue(Delivery.objects.filter(coalition=coalition).exists())

    def test_it_loads_knowledge_items_some_shared_across_coalitions(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        visible = KnowledgeItem.objects.visible_in(coalition)
        self.assertGreaterEqual(visible.filter(coalition=coalition).count(), 15)
        self.assertTrue(visible.exclude(coalition=coalition).exists())
        titles = [r.item.title for r in search_items(visible, "complottheorie")]
        self.assertIn("Complottheorieën in de klas: wat we leerden", titles)

    def test_it_loads_a_blueprint_request_and_a_plan_half_way(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        waiting = BlueprintRequest.objects.get(status=RequestStatus.SUBMITTED)
        self.assertEqual(waiting.get_name(), "Online Coalitie Rivierenland")
        tasks = PlanTask.objects.filter(coalition__slug="zeeuwse-kust")
        done = tasks.filter(status=TaskStatus.DONE).count()
        # Half-way: between a third and two thirds of the checklist done, some tasks overdue.
        self.assertGreater(done, tasks.count() / 3)
        self.assertLess(done, tasks.count() * 2 / 3)
        self.assertGreaterEqual(len([t for t in tasks if t.is_overdue()]), 2)
        self.assertEqual(MaturityScan.objects.filter(coalition__slug="zeeuwse-kust").count(), 2)

    def test_zeeuwse_kust_was_started_through_the_blueprint(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug="zeeuwse-kust")
        started = BlueprintRequest.objects.get(coalition=coalition)
        self.assertEqual(started.status, RequestStatus.APPROVED)
        self.assertEqual(started.contact_email, "eva@zeeuwse-kust.example")
        self.assertEqual(
            started.decided_by.email if started.decided_by else "", "pieter@weerbaar.example"
        )
        answers = started.get_answers()
        self.assertEqual(answers.municipalities, ("Vlissingen", "Middelburg", "Veere"))
        self.assertTrue(answers.organisations)
        # Created by the approval, not by hand: audited as such, by the platform admin.
        created = AuditEntry.objects.get(coalition=coalition, action=AuditAction.COALITION_CREATED)
        self.assertEqual(created.actor.email if created.actor else "", "pieter@weerbaar.example")
        self.assertTrue(
            AuditEntry.objects.filter(
                coalition=coalition, action=AuditAction.BLUEPRINT_APPROVED
            ).exists()
        )
        # Themes and areas from the plan; the rest of the profile set by the coordinator.
        self.assertEqual(coalition.name, "Online Coalitie Zeeuwse Kust")
        self.assertEqual(list(coalition.themes), list(answers.priorities))
        self.assertEqual(
            sorted(coalition.areas.values_list("name", "kind")),
            [(m, AreaKind.MUNICIPALITY) for m in sorted(answers.municipalities)],
        )
        self.assertEqual(coalition.region, "Regio Zeeuwse Kust")
        self.assertIn("Vlissingen, Middelburg, Veere", coalition.ambition)
        # The plan's draft covenant, published by the coordinator.
        covenant = CovenantVersion.objects.get(coalition=coalition)
        self.assertTrue(covenant.is_published())
        self.assertIn("Vlissingen, Middelburg, Veere", covenant.body)
        # Eva accepted the coordinator invitation the approval sent; she has her TOTP.
        invitation = Invitation.objects.get(
            coalition=coalition, email="eva@zeeuwse-kust.example", role=Role.COORDINATOR
        )
        self.assertEqual(
            invitation.invited_by.email if invitation.invited_by else "",
            "pieter@weerbaar.example",
        )
        eva = Membership.objects.get(coalition=coalition, user__email="eva@zeeuwse-kust.example")
        self.assertEqual(eva.role, Role.COORDINATOR)
        self.assertTrue(TOTPDevice.objects.filter(user=eva.user, confirmed=True).exists())
        self.assertTrue(
            Membership.objects.filter(
                coalition=coalition, user__email="dirk@zeeuwse-kust.example"
            ).exists()
        )
        # The interested organisations from the wizard were invited as partners.
        self.assertIsNotNone(started.organisations_invited_at)
        self.assertEqual(
            sorted(Partner.objects.filter(coalition=coalition).values_list("name", flat=True)),
            sorted(name for name, _email in answers.organisations),
        )

    def test_it_loads_a_year_of_events_with_registrations(self) -> None:
        from django.utils import timezone

        from weerbaar.events.models import Event, Registration

        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        events = Event.objects.filter(coalition=coalition)
        now = timezone.now()
        self.assertGreaterEqual(events.past(now).count(), 5)
        self.assertGreaterEqual(events.upcoming(now).count(), 4)
        self.assertTrue(events.filter(report_item__isnull=False).exists())
        registrations = Registration.objects.filter(coalition=coalition)
        self.assertTrue(registrations.waitlisted().exists())
        self.assertTrue(registrations.filter(attended=True).exists())
        for event in events.exclude(capacity=None):
            self.assertLessEqual(event.count_confirmed(), event.capacity or 0)

    def test_it_loads_40_items_and_10_interventions_with_experiments_some_shared(self) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            load_demo()

        coalition = Coalition.objects.get(slug=DEMO_SLUG)
        other = Coalition.objects.get(slug="zeeuwse-kust")
        self.assertGreaterEqual(KnowledgeItem.objects.count(), 40)
        self.assertGreaterEqual(Intervention.objects.count(), 10)
        finished = Experiment.objects.filter(status="finished")
        self.assertGreaterEqual(finished.count(), 8)
        # Every finished experiment published its lessons, linked both ways.
        self.assertFalse(finished.filter(lesson_item__isnull=True).exists())
        shared_here = Intervention.objects.visible_in(coalition).exclude(coalition=coalition)
        shared_there = Intervention.objects.visible_in(other).exclude(coalition=other)
        self.assertTrue(shared_here.exists())
        self.assertTrue(shared_there.exists())
        # A shared lesson learned from the other coalition, found by an inflected word.
        rows = KnowledgeItem.objects.visible_in(coalition).filter(coalition=other)
        found = [r.item.title for r in search_items(rows, "windpark")]
        self.assertIn("Complottheorieën over windparken op zee", found)
