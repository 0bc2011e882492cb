from __future__ import annotations

import datetime

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.actions import do_change_signal_status
from weerbaar.signals.choices import SignalStatus as S
from weerbaar.signals.deadlines import add_working_days
from weerbaar.signals.models import Signal
from weerbaar.signals.tests.helpers import days_ago, report
from weerbaar.signals.workflow import TRANSITIONS, TransitionError, check_transition

TEXT = "Leerlingen worden via Instagram afgeperst met naaktfoto's en moeten betalen."


class TriageTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.signal = report(self.cees, self.coalition, TEXT, urgency="urgent")
        self.url = f"/voorbeeldstad/signalen/{self.signal.pk}/"

    def test_it_follows_the_transition_table(self) -> None:
        scenarios = [
            ([S.IN_TRIAGE, S.NEEDS_INFORMATION, S.IN_TRIAGE, S.ACTIONED, S.CLOSED], True),
            ([S.IN_TRIAGE, S.REFERRED, S.CLOSED], True),
            ([S.DUPLICATE, S.CLOSED], True),
            ([S.CLOSED], False),
            ([S.IN_TRIAGE, S.ACTIONED, S.IN_TRIAGE], False),
            ([S.IN_TRIAGE, S.REFERRED, S.CLOSED, S.IN_TRIAGE], False),
        ]
        for steps, allowed in scenarios:
            with self.subTest(steps=steps):
                current = S.NEW
                try:
                    for step in steps:
                        check_transition(current, step)
                        current = step
                    self.assertTrue(allowed)
                except TransitionError:
                    self.assertFalse(allowed)
        self.assertEqual(set(TRANSITIONS), set(S))

    def test_it_changes_status_with_history_and_feedback_for_the_reporter(self) -> None:
        self.log_in(self.femke)

        response = self.client.post(
            f"{self.url}status/",
            {
                "status": "in_triage",
                "expected": "new",
                "note": "We kijken ernaar.",
                "is_feedback": "on",
            },
        )

        self.assertRedirects(response, self.url)
        self.signal.refresh_from_db()
        self.assertEqual(self.signal.status, S.IN_TRIAGE)
        event = self.signal.events.last()
        assert event is not None
        self.assertEqual((event.from_status, event.to_status), (S.NEW, S.IN_TRIAGE))
        self.assertEqual(event.actor, self.femke)
        self.log_in(self.cees)
        mine = self.client.get(f"/voorbeeldstad/signalen/mijn/{self.signal.pk}/")
        self.assertContains(mine, "We kijken ernaar.")

    def test_it_refuses_a_transition_that_is_not_allowed_without_a_500(self) -> None:
        self.log_in(self.femke)

        response = self.client.post(f"{self.url}status/", {"status": "closed", "expected": "new"})

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["error"])
        self.signal.refresh_from_db()
        self.assertEqual(self.signal.status, S.NEW)

    def test_it_tells_the_second_of_two_analysts_that_the_status_changed_meanwhile(self) -> None:
        do_change_signal_status(self.anna, self.signal, S.IN_TRIAGE, expected=S.NEW)
        self.log_in(self.femke)

        response = self.client.post(
            f"{self.url}status/", {"status": "duplicate", "expected": "new", "note": "Dubbel."}
        )

        self.assertTrue(response.context["error"])
        self.signal.refresh_from_db()
        self.assertEqual(self.signal.status, S.IN_TRIAGE)
        self.assertEqual(self.signal.events.count(), 2)

    def test_it_assigns_confirms_themes_notes_and_follow_up(self) -> None:
        self.log_in(self.femke)

        self.client.post(f"{self.url}toewijzen/", {"assigned_to": self.femke.pk})
        self.client.post(f"{self.url}themas/", {"themes": ["sextortion", "cyberbullying"]})
        self.client.post(f"{self.url}notitie/", {"note": "Navraag bij de school."})
        self.client.post(f"{self.url}vervolg/", {"follow_up": "Voorlichting sextortion in klas 2"})

        self.signal.refresh_from_db()
        self.assertEqual(self.signal.assigned_to, self.femke)
        self.assertEqual(self.signal.themes, ["sextortion", "cyberbullying"])
        self.assertIsNotNone(self.signal.themes_confirmed_at)
        self.assertEqual(self.signal.follow_up, "Voorlichting sextortion in klas 2")
        self.assertTrue(self.signal.events.filter(note="Navraag bij de school.").exists())

    def test_it_refuses_assigning_a_member_who_is_no_analyst(self) -> None:
        self.log_in(self.femke)

        response = self.client.post(f"{self.url}toewijzen/", {"assigned_to": self.cees.pk})

        self.assertEqual(response.status_code, 200)
        self.signal.refresh_from_db()
        self.assertIsNone(self.signal.assigned_to)

    def test_it_audits_every_read_of_a_signal(self) -> None:
        self.log_in(self.femke)

        self.client.get(self.url)
        self.client.get("/voorbeeldstad/signalen/triage/")

        reads = AuditEntry.objects.filter(
            action=AuditAction.SIGNAL_VIEWED, object_id=str(self.signal.pk), actor=self.femke
        )
        self.assertEqual(reads.count(), 2)
        self.assertNotIn("naaktfoto", str(list(reads.values())))

    def test_it_lists_the_queue_with_filters_counts_and_overdue_highlighting(self) -> None:
        late = report(
            self.cees, self.coalition, "Haatberichten over een moskee op X.", urgency="acute"
        )
        Signal.objects.filter(pk=late.pk).update(deadline=datetime.date(2026, 1, 1))
        report(
            self.cees,
            self.coalition,
            "Oplichting met nepwinkels op Instagram.",
            urgency="information",
        )
        self.log_in(self.femke)

        everything = self.client.get("/voorbeeldstad/signalen/triage/")
        overdue = self.client.get("/voorbeeldstad/signalen/triage/?overdue=on")
        htmx = self.client.get(
            "/voorbeeldstad/signalen/triage/?urgency=urgent", headers={"HX-Request": "true"}
        )

        self.assertEqual(everything.context["page"].paginator.count, 3)
        self.assertEqual(everything.context["overdue_count"], 1)
        self.assertEqual(list(everything.context["page"])[-1].urgency, "information")
        self.assertEqual([s.pk for s in overdue.context["page"]], [late.pk])
        self.assertTemplateUsed(htmx, "signals/_queue_results.html")
        self.assertEqual([s.pk for s in htmx.context["page"]], [self.signal.pk])

    def test_it_keeps_other_coalitions_signals_out(self) -> None:
        other = report(self.dirk, self.other_coalition, TEXT)
        self.log_in(self.femke)

        response = self.client.get(f"/voorbeeldstad/signalen/{other.pk}/")

        self.assertEqual(response.status_code, 404)

    def test_it_sets_deadlines_in_working_days(self) -> None:
        friday = datetime.date(2026, 11, 27)
        self.assertEqual(add_working_days(friday, 2), datetime.date(2026, 12, 1))
        self.assertEqual(add_working_days(friday, 0), friday)
        self.assertEqual(
            add_working_days(datetime.date(2026, 11, 28), 0), datetime.date(2026, 11, 30)
        )
        self.assertEqual(add_working_days(friday, 10), datetime.date(2026, 12, 11))
        signal = report(
            self.cees, self.coalition, TEXT, urgency="information", created_at=days_ago(0)
        )
        self.assertIsNone(signal.deadline)
