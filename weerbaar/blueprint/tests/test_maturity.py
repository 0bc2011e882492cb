from __future__ import annotations

from django.test import SimpleTestCase
from django.urls import reverse
from django.utils import timezone

from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.blueprint.actions import do_save_maturity_scan
from weerbaar.blueprint.choices import Dimension
from weerbaar.blueprint.maturity import Facts, get_aggregate, get_next_steps, suggest_levels
from weerbaar.blueprint.models import MaturityScan
from weerbaar.covenant.actions import do_create_covenant_draft, do_publish_covenant_version
from weerbaar.lib.testing import PersonasTestCase, create_coalition
from weerbaar.partners.actions import do_create_partner

EMPTY = Facts(
    partners=0,
    key_domains=0,
    covenant_published=False,
    signed_percentage=None,
    pledges=0,
    delivered_percentage=None,
    knowledge_items=0,
    embedding_percentage=None,
)


def levels(value: int) -> dict[str, int]:
    return {d.value: value for d in Dimension}


class MaturityRulesTestCase(SimpleTestCase):
    def test_it_suggests_levels_only_where_the_data_says_something(self) -> None:
        self.assertEqual(suggest_levels(EMPTY), {"partners": 0, "knowledge": 0, "covenant": 0})
        strong = Facts(12, 4, True, 95, 10, 80, 14, 80)
        self.assertEqual(
            suggest_levels(strong),
            {"partners": 4, "knowledge": 4, "covenant": 4, "embedding": 4},
        )
        half = Facts(8, 2, True, 60, 0, None, 4, 30)
        self.assertEqual(
            suggest_levels(half),
            {"partners": 2, "knowledge": 2, "covenant": 2, "embedding": 2},
        )

    def test_it_gives_next_steps_for_weak_dimensions_weakest_first(self) -> None:
        scores = {**levels(3), "referral": 2, "signalling": 0}

        steps = get_next_steps(scores)

        self.assertEqual([d for d, _step in steps], [Dimension.SIGNALLING, Dimension.REFERRAL])

    def test_it_shows_others_only_as_an_average_of_at_least_three(self) -> None:
        self.assertIsNone(get_aggregate([levels(1), levels(3)]))
        rows = get_aggregate([levels(1), levels(3), levels(2)])
        assert rows is not None
        self.assertEqual({(r.average, r.coalitions) for r in rows}, {(2.0, 3)})


class MaturityScanTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.year = timezone.localdate().year
        self.url = reverse(
            "blueprint:maturity_scan", kwargs={"slug": "voorbeeldstad", "year": self.year}
        )
        self.log_in(self.anna)

    def test_it_suggests_levels_from_the_coalitions_own_data(self) -> None:
        for name, domains in (
            ("Politie", ["police", "public_order_safety"]),
            ("GGD", ["public_health"]),
        ):
            do_create_partner(self.anna, self.coalition, name=name, domains=domains)
        version = do_create_covenant_draft(self.anna, self.coalition, title="C", body="Tekst")
        do_publish_covenant_version(self.anna, version)

        response = self.client.get(self.url)

        self.assertContains(response, "2 partners; 2 van de 4 sleuteldomeinen doen mee.")
        self.assertContains(
            response, "Convenant gepubliceerd; ondertekend door 0% van de partners."
        )
        self.assertRegex(response.content.decode(), r'name="partners" value="2"[^>]* checked')
        self.assertRegex(response.content.decode(), r'name="covenant" value="1"[^>]* checked')

    def test_it_saves_a_scan_once_a_year_and_shows_history_and_next_steps(self) -> None:
        do_save_maturity_scan(
            self.anna, self.coalition, year=self.year - 1, levels=levels(1), facts={}
        )

        response = self.client.post(self.url, {**levels(3), "referral": "1"})

        self.assertRedirects(
            response, reverse("blueprint:maturity", kwargs={"slug": "voorbeeldstad"})
        )
        scan = MaturityScan.objects.get(coalition=self.coalition, year=self.year)
        self.assertEqual(scan.levels["referral"], 1)
        self.assertEqual(scan.facts["partners"], 0)
        self.client.post(self.url, levels(4))
        self.assertEqual(MaturityScan.objects.filter(coalition=self.coalition).count(), 2)
        self.assertEqual(
            AuditEntry.objects.filter(action=AuditAction.MATURITY_SCAN_SAVED).count(), 3
        )
        page = self.client.get(reverse("blueprint:maturity", kwargs={"slug": "voorbeeldstad"}))
        self.assertContains(page, "Gemiddeld niveau per jaar")
        self.assertContains(page, "Geen enkel onderdeel staat op niveau 2 of lager.")
        self.assertNotContains(page, "Gemiddelde van")

    def test_it_compares_with_at_least_three_other_coalitions_only(self) -> None:
        do_save_maturity_scan(self.anna, self.coalition, year=self.year, levels=levels(1), facts={})
        others = [self.other_coalition] + [
            create_coalition(f"regio-{n}", f"Regio {n}") for n in range(2)
        ]
        page_url = reverse("blueprint:maturity", kwargs={"slug": "voorbeeldstad"})
        for index, coalition in enumerate(others):
            self.assertNotContains(self.client.get(page_url), "Gemiddelde van")
            do_save_maturity_scan(
                self.anna, coalition, year=self.year, levels=levels(index + 2), facts={}
            )

        page = self.client.get(page_url)

        self.assertContains(page, "Gemiddelde van 3 andere coalities")
        self.assertContains(page, '<td class="utrecht-table__cell">3,0</td>', count=7)
        self.assertNotContains(page, "Regio 0")

    def test_it_refuses_a_future_year_and_an_invalid_level(self) -> None:
        future = reverse(
            "blueprint:maturity_scan", kwargs={"slug": "voorbeeldstad", "year": self.year + 1}
        )
        self.assertRedirects(
            self.client.get(future), reverse("blueprint:maturity", kwargs={"slug": "voorbeeldstad"})
        )

        response = self.client.post(self.url, {**levels(2), "knowledge": "9"})

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'aria-invalid="true"')
        self.assertFalse(MaturityScan.objects.exists())

    def test_it_exports_a_years_scan_with_next_steps(self) -> None:
        do_save_maturity_scan(
            self.anna, self.coalition, year=self.year, levels=levels(3), facts=EMPTY.as_json()
        )
        url = reverse(
            "blueprint:maturity_export",
            kwargs={"slug": "voorbeeldstad", "year": self.year, "fmt": "html"},
        )

        response = self.client.get(url)

        self.assertContains(response, "3 — werkt goed", count=7)
        self.assertContains(response, "Nog geen convenant gepubliceerd.")
        missing = reverse(
            "blueprint:maturity_export",
            kwargs={"slug": "voorbeeldstad", "year": self.year - 3, "fmt": "html"},
        )
        self.assertEqual(self.client.get(missing).status_code, 404)
