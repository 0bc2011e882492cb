from __future__ import annotations

from django.test import SimpleTestCase

from weerbaar.covenant.choices import CovenantStatus
from weerbaar.covenant.workflow import (
    CovenantError,
    can_transition,
    check_draft,
    check_signable,
    check_transition,
)

DRAFT, PUBLISHED, SUPERSEDED = (
    CovenantStatus.DRAFT,
    CovenantStatus.PUBLISHED,
    CovenantStatus.SUPERSEDED,
)

# (from, to, allowed): every pair of statuses, so a new status cannot slip in untested.
SCENARIOS = [
    (DRAFT, DRAFT, False),
    (DRAFT, PUBLISHED, True),
    (DRAFT, SUPERSEDED, False),
    (PUBLISHED, DRAFT, False),
    (PUBLISHED, PUBLISHED, False),
    (PUBLISHED, SUPERSEDED, True),
    (SUPERSEDED, DRAFT, False),
    (SUPERSEDED, PUBLISHED, False),
    (SUPERSEDED, SUPERSEDED, False),
]


class CovenantWorkflowTestCase(SimpleTestCase):
    def test_it_allows_exactly_the_transitions_in_the_table(self) -> None:
        self.assertEqual(len(SCENARIOS), len(CovenantStatus) ** 2)
        for current, target, allowed in SCENARIOS:
            with self.subTest(current=current, target=target):
                self.assertEqual(can_transition(current, target), allowed)
                if allowed:
                    check_transition(current, target)
                else:
                    with self.assertRaises(CovenantError):
                        check_transition(current, target)

    def test_it_lets_only_drafts_be_edited(self) -> None:
        check_draft(DRAFT)
        for status in (PUBLISHED, SUPERSEDED):
            with self.subTest(status=status), self.assertRaises(CovenantError):
                check_draft(status)

    def test_it_lets_only_the_published_version_be_signed(self) -> None:
        check_signable(PUBLISHED)
        for status in (DRAFT, SUPERSEDED):
            with self.subTest(status=status), self.assertRaises(CovenantError):
                check_signable(status)
