from __future__ import annotations

import datetime
import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.signals.actions import do_change_signal_status, get_retention_cutoff
from weerbaar.signals.choices import SignalStatus as S
from weerbaar.signals.models import Signal, SignalDeletion, SignalEvent
from weerbaar.signals.tests.helpers import report

TEXT = "Een groepsapp van brugklassers deelt haatdragende memes over een docent."


class RetentionTestCase(PersonasTestCase):
    def close(self, months_ago: int) -> Signal:
        signal = report(self.cees, self.coalition, TEXT)
        for status in (S.IN_TRIAGE, S.ACTIONED, S.CLOSED):
            signal = do_change_signal_status(self.femke, signal, status, note="Afgehandeld.")
        Signal.objects.filter(pk=signal.pk).update(
            closed_at=timezone.now() - datetime.timedelta(days=31 * months_ago)
        )
        return signal

    def test_it_deletes_closed_signals_after_the_period_with_a_log_without_content(self) -> None:
        old = self.close(25)
        recent = self.close(3)
        still_open = report(self.cees, self.coalition, TEXT)
        Signal.objects.filter(pk=still_open.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=900)
        )
        out = io.StringIO()

        call_command("delete_expired_signals", stdout=out)

        self.assertIn("1 signal(s) deleted", out.getvalue())
        self.assertFalse(Signal.objects.filter(pk=old.pk).exists())
        self.assertFalse(SignalEvent.objects.filter(signal_id=old.pk).exists())
        self.assertTrue(Signal.objects.filter(pk__in=[recent.pk, still_open.pk]).count() == 2)
        deletion = SignalDeletion.objects.get()
        self.assertEqual(deletion.signal_id, old.pk)
        entry = AuditEntry.objects.get(action=AuditAction.SIGNALS_DELETED)
        self.assertEqual(entry.detail["count"], 1)
        self.assertNotIn("haatdragende", str(entry.detail) + str(deletion.__dict__))

    @override_settings(SIGNAL_RETENTION_MONTHS=2)
    def test_it_follows_the_configured_period(self) -> None:
        self.close(3)
        now = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)

        call_command("delete_expired_signals", stdout=io.StringIO())

        self.assertEqual(Signal.objects.count(), 0)
        self.assertEqual(get_retention_cutoff(now).date(), datetime.date(2026, 1, 28))
