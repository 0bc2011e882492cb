from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.audit.models import AppendOnlyError, AuditEntry
from weerbaar.lib.testing import PersonasTestCase

LOG_URL = "/voorbeeldstad/beheer/logboek/"


class AuditLogTestCase(PersonasTestCase):
    def record(
        self,
        action: AuditAction,
        label: str,
        *,
        result: AuditResult = AuditResult.SUCCESS,
        other_coalition: bool = False,
    ) -> AuditEntry:
        return do_record_audit_entry(
            action,
            actor=None,
            actor_label=label,
            coalition=self.other_coalition if other_coalition else self.coalition,
            result=result,
        )

    def shown(self, query: str = "") -> list[AuditEntry]:
        response = self.client.get(f"{LOG_URL}{query}")
        self.assertEqual(response.status_code, 200)
        return list(response.context["page"].object_list)

    def test_it_refuses_to_change_a_stored_entry(self) -> None:
        entry = self.record(AuditAction.LOGIN, "anna@example.org")
        entry.actor_label = "someone-else@example.org"

        with self.assertRaises(AppendOnlyError):
            entry.save()
        with self.assertRaises(AppendOnlyError):
            AuditEntry.objects.filter(pk=entry.pk).update(actor_label="x")

        entry.refresh_from_db()
        self.assertEqual(entry.actor_label, "anna@example.org")

    def test_it_refuses_to_delete_an_entry(self) -> None:
        entry = self.record(AuditAction.LOGIN, "anna@example.org")

        with self.assertRaises(AppendOnlyError):
            entry.delete()
        with self.assertRaises(AppendOnlyError):
            AuditEntry.objects.filter(pk=entry.pk).delete()
        with self.assertRaises(AppendOnlyError):
            AuditEntry.objects.all().delete()

        self.assertTrue(AuditEntry.objects.filter(pk=entry.pk).exists())

    def test_it_shows_a_coordinator_only_her_own_coalitions_entries(self) -> None:
        ours = self.record(AuditAction.ROLE_CHANGED, "ours@example.org")
        theirs = self.record(AuditAction.ROLE_CHANGED, "theirs@example.org", other_coalition=True)
        self.log_in(self.anna)

        entries = self.shown()

        self.assertIn(ours, entries)
        self.assertNotIn(theirs, entries)
        self.assertTrue(all(entry.coalition_id == self.coalition.pk for entry in entries))
        self.assertNotContains(self.client.get(LOG_URL), "theirs@example.org")

    def test_it_refuses_the_log_to_an_analyst(self) -> None:
        self.log_in(self.femke)

        response = self.client.get(LOG_URL)

        self.assertEqual(response.status_code, 403)

    def test_it_filters_by_action_result_and_who(self) -> None:
        role = self.record(AuditAction.ROLE_CHANGED, "anna@example.org")
        denied = self.record(
            AuditAction.ACCESS_DENIED, "visitor@partner.example", result=AuditResult.DENIED
        )
        ended = self.record(AuditAction.MEMBERSHIP_ENDED, "anna@example.org")
        self.log_in(self.anna)

        by_action = self.shown("?action=role_changed")
        by_result = self.shown("?result=denied")
        by_who = self.shown("?who=VISITOR@partner")
        combined = self.shown("?who=anna@example.org&action=membership_ended")

        self.assertIn(role, by_action)
        self.assertTrue(all(e.action == AuditAction.ROLE_CHANGED for e in by_action))
        self.assertIn(denied, by_result)
        self.assertTrue(all(e.result == AuditResult.DENIED for e in by_result))
        self.assertEqual(by_who, [denied])
        self.assertEqual(combined, [ended])

    def test_it_filters_by_date(self) -> None:
        entry = self.record(AuditAction.ROLE_CHANGED, "anna@example.org")
        today = timezone.localdate()
        yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
        self.log_in(self.anna)

        from_today = self.shown(f"?since={today}&until={today}")
        from_tomorrow = self.shown(f"?since={tomorrow}")
        until_yesterday = self.shown(f"?until={yesterday}")

        self.assertIn(entry, from_today)
        self.assertEqual(from_tomorrow, [])
        self.assertEqual(until_yesterday, [])

    def test_it_explains_an_end_date_before_the_start_date(self) -> None:
        self.record(AuditAction.ROLE_CHANGED, "anna@example.org")
        self.log_in(self.anna)
        today = timezone.localdate()

        response = self.client.get(f"{LOG_URL}?since={today}&until={today - timedelta(days=3)}")

        self.assertEqual(response.status_code, 200)
        self.assertIn("until", response.context["form"].errors)
        self.assertContains(response, 'aria-invalid="true"')

    def test_it_explains_a_date_that_is_not_a_date(self) -> None:
        self.log_in(self.anna)

        response = self.client.get(f"{LOG_URL}?since=gisteren&action=bestaat-niet")

        self.assertEqual(response.status_code, 200)
        self.assertIn("since", response.context["form"].errors)
        self.assertIn("action", response.context["form"].errors)

    def test_it_answers_an_htmx_request_with_only_the_results(self) -> None:
        self.record(AuditAction.ROLE_CHANGED, "anna@example.org")
        self.log_in(self.anna)

        response = self.client.get(f"{LOG_URL}?action=role_changed", HTTP_HX_REQUEST="true")

        self.assertEqual(response.status_code, 200)
        used = [template.name for template in response.templates]
        self.assertIn("audit/_results.html", used)
        self.assertNotIn("audit/log.html", used)
        self.assertNotContains(response, "<html")
        self.assertContains(response, "anna@example.org")

    def test_it_audits_a_refused_visit(self) -> None:
        self.log_in(self.cees)

        self.client.get(LOG_URL)

        entry = AuditEntry.objects.get(action=AuditAction.ACCESS_DENIED)
        self.assertEqual(entry.actor, self.cees)
        self.assertEqual(entry.coalition, self.coalition)
        self.assertEqual(entry.result, AuditResult.DENIED)
        self.assertEqual(entry.detail, {"permission": "view_audit_log", "path": LOG_URL})

    def test_it_shows_the_platform_admin_account_events_and_no_coalition_entries(self) -> None:
        self.client.post("/account/inloggen/", {"username": "cees@example.org", "password": "x"})
        coalition_entry = self.record(AuditAction.ROLE_CHANGED, "ours@example.org")
        self.log_in(self.pieter)

        response = self.client.get("/platform/logboek/")

        entries = list(response.context["page"].object_list)
        self.assertTrue(
            any(
                e.action == AuditAction.LOGIN_FAILED and e.actor_label == "cees@example.org"
                for e in entries
            )
        )
        self.assertNotIn(coalition_entry, entries)
        self.assertTrue(all(entry.coalition_id is None for entry in entries))

    def test_it_keeps_account_events_out_of_a_coalitions_log(self) -> None:
        self.client.post("/account/inloggen/", {"username": "cees@example.org", "password": "x"})
        self.log_in(self.anna)

        entries = self.shown()

        self.assertFalse(any(e.action == AuditAction.LOGIN_FAILED for e in entries))
