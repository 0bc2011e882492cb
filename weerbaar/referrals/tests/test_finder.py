from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from weerbaar.referrals.actions import (
    do_add_national_crisis_lines,
    do_save_crisis_line,
    do_save_help_offer,
)
from weerbaar.referrals.finder import FinderAnswers, find_offers, shows_crisis_lines_first
from weerbaar.referrals.models import HelpOffer
from weerbaar.referrals.tests.base import ReferralsTestCase, offer_fields


class FinderTestCase(ReferralsTestCase):
    def find(self, **params: str) -> str:
        response = self.client.get(reverse("referrals:finder", args=["voorbeeldstad"]), params)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_it_shows_the_guided_questions_to_a_visitor(self) -> None:
        page = self.find()

        self.assertIn("Waar kan ik terecht?", page)
        self.assertIn('name="situations"', page)
        self.assertNotIn("csrfmiddlewaretoken", page)

    def test_it_is_linked_from_the_public_page(self) -> None:
        response = self.client.get(reverse("coalitions:public_page", args=["voorbeeldstad"]))

        self.assertContains(response, 'href="/voorbeeldstad/hulp/"')

    def test_it_filters_by_who_and_what(self) -> None:
        page = self.find(visitor="parent", situations="bullying")

        self.assertIn("Spreekuur online pesten", page)
        # The youth worker's offer is for young people only.
        self.assertNotIn("Gesprek met een jongerenwerker", page)
        self.assertIn("tel:030-1234567".replace("-", ""), page)

    def test_it_finds_offers_by_dutch_words_in_another_form(self) -> None:
        page = self.find(q="mijn dochter wordt gepest")

        self.assertIn("Spreekuur online pesten", page)

    def test_it_shows_crisis_lines_first_when_someone_is_in_danger(self) -> None:
        page = self.find(situations="nudes", urgency="danger")

        self.assertIn("0800-0113", page)
        self.assertIn("Veilig Thuis", page)
        self.assertIn("Helpwanted", page)
        self.assertLess(page.index("crisis-heading"), page.index("results-heading"))

    def test_it_shows_crisis_lines_first_for_danger_words_in_free_text(self) -> None:
        self.assertTrue(shows_crisis_lines_first(FinderAnswers(query="hij denkt aan zelfmoord")))
        self.assertFalse(shows_crisis_lines_first(FinderAnswers(query="gamen tot laat")))

    def test_it_shows_the_lines_the_coordinator_keeps(self) -> None:
        do_add_national_crisis_lines(self.anna, self.coalition)
        line = do_save_crisis_line(
            self.anna,
            self.coalition,
            name="Crisisdienst Voorbeeldstad",
            phone="030-9999999",
            when_to_call="Bij een psychische crisis.",
            position=1,
        )

        page = self.find(urgency="danger")

        self.assertIn(line.name, page)
        self.assertIn("Kindertelefoon", page)

    def test_it_sinks_offers_nobody_confirmed_for_six_months(self) -> None:
        old = timezone.localdate() - datetime.timedelta(days=200)
        stale = do_save_help_offer(
            self.bram,
            self.coalition,
            self.library,
            assured_on=old,
            **offer_fields(title="Pesten: oude informatie"),
        )

        results = find_offers(HelpOffer.objects.active(), FinderAnswers(situations=("bullying",)))

        self.assertEqual(results[-1].offer, stale)
        self.assertTrue(results[-1].stale)
        self.assertContains(
            self.client.get(
                reverse("referrals:finder", args=["voorbeeldstad"]), {"situations": "bullying"}
            ),
            "Zes maanden niet bevestigd",
        )

    def test_it_leaves_out_inactive_offers_and_says_so_for_radicalisation(self) -> None:
        do_save_help_offer(
            self.bram,
            self.coalition,
            self.library,
            **offer_fields(title="Gestopt", is_active=False),
        )

        page = self.find(situations="extremism")

        self.assertNotIn("Gestopt", page)
        self.assertIn("Gesprek met een jongerenwerker", page)
        self.assertIn("casusoverleg radicalisering", page)

    def test_it_survives_odd_input(self) -> None:
        page = self.find(visitor="alien", q="*" * 500, situations="nope")

        self.assertIn('aria-invalid="true"', page)
