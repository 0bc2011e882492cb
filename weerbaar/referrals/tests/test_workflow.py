from __future__ import annotations

from django.test import SimpleTestCase

from weerbaar.referrals.workflow import Side, TransitionError, allowed_targets, check_transition

R, S = Side.REFERRER, Side.RECEIVER

# (from, to, who acts, message, decline reason, allowed)
SCENARIOS = [
    ("sent", "accepted", {S}, "", "", True),
    ("sent", "accepted", {R}, "", "", False),
    ("sent", "declined", {S}, "", "capacity", True),
    ("sent", "declined", {S}, "Vol", "", False),
    ("sent", "info_requested", {S}, "Welke school?", "", True),
    ("sent", "info_requested", {S}, "  ", "", False),
    ("sent", "withdrawn", {R}, "", "", True),
    ("sent", "closed", {R, S}, "", "", False),
    ("info_requested", "sent", {R}, "Het Voorbeeldcollege", "", True),
    ("info_requested", "sent", {R}, "", "", False),
    ("info_requested", "accepted", {S}, "", "", True),
    ("accepted", "accepted", {S}, "", "", False),
    ("accepted", "closed", {R}, "", "", True),
    ("accepted", "closed", {S}, "", "", True),
    ("declined", "sent", {R}, "", "", True),
    ("declined", "closed", {R}, "", "", True),
    ("declined", "accepted", {S}, "", "", False),
    ("closed", "sent", {R}, "", "", False),
    ("withdrawn", "accepted", {S}, "", "", False),
]


class WorkflowTestCase(SimpleTestCase):
    def test_it_allows_exactly_the_steps_of_the_table(self) -> None:
        for current, target, sides, message, reason, allowed in SCENARIOS:
            with self.subTest(current=current, target=target, sides=sides):
                if allowed:
                    check_transition(current, target, sides, message, reason)
                else:
                    with self.assertRaises(TransitionError):
                        check_transition(current, target, sides, message, reason)

    def test_it_offers_each_side_only_its_own_buttons(self) -> None:
        self.assertEqual(allowed_targets("sent", {S}), ["accepted", "declined", "info_requested"])
        self.assertEqual(allowed_targets("sent", {R}), ["withdrawn"])
        self.assertEqual(allowed_targets("closed", {R, S}), [])
