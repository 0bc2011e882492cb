from __future__ import annotations

from weerbaar.signals.actions import do_confirm_themes
from weerbaar.signals.models import Signal
from weerbaar.trends.actions import do_ensure_signals_source, do_save_watch_list
from weerbaar.trends.models import Rollup, SignalFact, WatchMatch
from weerbaar.trends.rollups import do_rebuild_rollups, do_roll_up_pending
from weerbaar.trends.tests.fixtures import REGISTER, EnglishPersonasTestCase, report_signal


class SignalRollupsTestCase(EnglishPersonasTestCase):
    def activate_signals_source(self) -> None:
        source = do_ensure_signals_source(self.coalition)
        for name, value in REGISTER.items():
            setattr(source, name, value)
        source.status = "active"
        source.save()

    def week_counts(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for cell in Rollup.objects.filter(period="week"):
            totals[cell.theme] = totals.get(cell.theme, 0) + cell.count
        return {k: v for k, v in totals.items() if v}

    def test_it_counts_signals_only_while_the_signals_source_is_on(self) -> None:
        report_signal(self.cees, self.coalition, "Nepwinkel op Instagram verkoopt sneakers")
        do_roll_up_pending()
        self.assertFalse(Rollup.objects.exists())
        self.activate_signals_source()
        do_roll_up_pending()
        self.assertEqual(sum(self.week_counts().values()), 1)
        cell = Rollup.objects.get(period="week")
        self.assertEqual((cell.platform, cell.age_group), ("instagram", "12_15"))

    def test_it_moves_a_signal_to_its_confirmed_theme_and_matches_watch_lists(self) -> None:
        self.activate_signals_source()
        do_save_watch_list(self.femke, self.coalition, None, name="Winkels", terms="nepwinkel")
        signal = report_signal(self.cees, self.coalition, "Nepwinkel op Instagram, geld kwijt")
        do_roll_up_pending()
        first = SignalFact.objects.get(signal_id=signal.pk).theme
        self.assertEqual(self.week_counts(), {first: 1})
        self.assertEqual(WatchMatch.objects.get().count, 1)

        do_confirm_themes(self.femke, Signal.objects.get(pk=signal.pk), ["hate"])
        do_roll_up_pending()
        self.assertEqual(self.week_counts(), {"hate": 1})
        # A second run finds nothing new and does not count the match again.
        do_roll_up_pending()
        self.assertEqual(WatchMatch.objects.get().count, 1)
        incremental = self.week_counts()
        do_rebuild_rollups(self.coalition)
        self.assertEqual(self.week_counts(), incremental)

    def test_it_counts_every_signal_when_batches_cut_through_them(self) -> None:
        self.activate_signals_source()
        for n in range(7):
            report_signal(self.cees, self.coalition, f"Nepwinkel nummer {n} op Instagram")
        # Give some the same moment of change, as a bulk import would.
        moment = Signal.objects.order_by("pk")[2].updated_at
        Signal.objects.filter(pk__in=list(Signal.objects.values_list("pk", flat=True)[2:5])).update(
            updated_at=moment
        )
        do_roll_up_pending(batch=3)
        self.assertEqual(SignalFact.objects.count(), 7)
        self.assertEqual(sum(self.week_counts().values()), 7)
