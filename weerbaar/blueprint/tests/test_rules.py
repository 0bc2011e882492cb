from __future__ import annotations

import datetime
from typing import Any

from django.test import SimpleTestCase
from django.utils import translation

from weerbaar.blueprint.choices import Phase, ProgrammeSize
from weerbaar.blueprint.rules import Answers, Plan, make_plan
from weerbaar.partners.choices import Domain

TODAY = datetime.date(2027, 1, 4)

# A big city that has most things in place and people with time.
CITY: dict[str, Any] = {
    "region": {"municipalities": ["Utrecht"], "population": "over_250k", "urbanity": "urban"},
    "existing": {"provisions": ["programme", "safety_network", "case_meeting", "youth_work"]},
    "domains": {
        "on_board": ["public_order_safety", "social_development", "public_health", "education"],
        "reachable": ["library"],
    },
    "priorities": {"themes": ["extremism", "polarisation"]},
    "capacity": {"coordinator_hours": 24, "budget": "large", "programme_size": "large"},
    "organisations": {"organisations": []},
    "start": {"start": "2027-03-01"},
}

# Three rural municipalities starting from scratch with little time.
ISLANDS: dict[str, Any] = {
    "region": {
        "municipalities": ["Middelburg", "Vlissingen", "Veere"],
        "population": "100k_250k",
        "urbanity": "rural",
    },
    "existing": {"provisions": []},
    "domains": {"on_board": ["public_order_safety"], "reachable": ["education"]},
    "priorities": {"themes": ["disinformation", "cyberbullying", "scams"]},
    "capacity": {"coordinator_hours": 4, "budget": "none", "programme_size": "large"},
    "organisations": {"organisations": [{"name": "Bibliotheek", "email": "b@example.org"}]},
    "start": {"start": "2027-03-01"},
}


def plan_for(data: dict[str, Any]) -> Plan:
    return make_plan(Answers.from_json(data), TODAY)


def titles(plan: Plan) -> set[str]:
    return {str(task.title) for task in plan.all_tasks()}


class RulesTestCase(SimpleTestCase):
    def setUp(self) -> None:
        # The texts are lazy: they are read in English when the test reads them.
        translation.activate("en")
        self.addCleanup(translation.deactivate)

    def test_it_makes_materially_different_plans_for_different_regions(self) -> None:
        city, islands = plan_for(CITY), plan_for(ISLANDS)

        self.assertNotEqual(titles(city), titles(islands))
        self.assertNotEqual([a.domain for a in city.partners], [a.domain for a in islands.partners])
        self.assertNotEqual(
            [str(a.title) for a in city.activities], [str(a.title) for a in islands.activities]
        )
        self.assertNotEqual(city.ambition, islands.ambition)
        self.assertGreater(
            islands.phases[-1].last_week, city.phases[-1].last_week, "less time, slower path"
        )

    def test_it_builds_on_what_exists_or_starts_with_the_case(self) -> None:
        self.assertIn("Link the coalition to the existing local programme", titles(plan_for(CITY)))
        islands = titles(plan_for(ISLANDS))
        self.assertIn("Write a short urgency memo on online polarisation here", islands)
        self.assertIn("Set up a referral route so that nobody stands alone", islands)

    def test_it_asks_a_regional_coalition_to_agree_who_carries_it(self) -> None:
        islands = plan_for(ISLANDS)

        self.assertIn("Agree per municipality who carries the coalition", titles(islands))
        self.assertIn("Hold one regional meeting instead of one per municipality", titles(islands))
        self.assertEqual(len(islands.principles), 7)

    def test_it_invites_missing_key_domains_first_with_utrechts_lesson(self) -> None:
        islands = plan_for(ISLANDS)
        first = [a for a in islands.partners if a.first]

        self.assertEqual(
            [a.domain for a in first][:3],
            [Domain.SOCIAL_DEVELOPMENT, Domain.PUBLIC_HEALTH, Domain.EDUCATION],
        )
        education = next(a for a in first if a.domain == Domain.EDUCATION)
        self.assertIn("bring in health and education", str(education.reason))
        self.assertIn("You can reach them already", str(education.reason))
        self.assertFalse([a for a in plan_for(CITY).partners if a.rule == "R8"])

    def test_it_sizes_the_programme_to_capacity_and_says_so(self) -> None:
        islands = plan_for(ISLANDS)

        self.assertEqual(islands.programme_size, ProgrammeSize.SMALL)
        self.assertEqual(len(islands.activities), 4)
        self.assertTrue([w for w in islands.warnings if w.rule == "R10"])
        city = plan_for(CITY)
        self.assertEqual(city.programme_size, ProgrammeSize.LARGE)
        self.assertEqual(len(city.activities), 10)
        self.assertFalse(city.warnings)

    def test_it_dates_tasks_from_the_desired_start(self) -> None:
        city = plan_for(CITY)

        self.assertEqual(city.start, datetime.date(2027, 3, 1))
        _task, due = city.phases[0].dated_tasks[0]
        self.assertEqual(due, datetime.date(2027, 3, 1))
        self.assertEqual([p.phase for p in city.phases], list(Phase))
        for phase in city.phases:
            self.assertTrue(phase.tasks, phase.phase)
            weeks = [task.week for task in phase.tasks]
            self.assertEqual(weeks, sorted(weeks), phase.phase)

    def test_it_makes_a_general_plan_when_every_step_was_skipped(self) -> None:
        plan = plan_for({})

        self.assertEqual(plan.start, TODAY)
        self.assertEqual(plan.programme_size, ProgrammeSize.SMALL)
        self.assertTrue(plan.partners)
        self.assertIn("Ambition", plan.covenant_markdown())
        self.assertTrue([w for w in plan.warnings if w.rule == "R11"])
        self.assertFalse([w for w in plan.warnings if w.rule == "R8"], "domains unknown")

    def test_it_ignores_a_broken_start_date(self) -> None:
        answers = Answers.from_json({"start": {"start": "not a date"}})

        self.assertIsNone(answers.start)
