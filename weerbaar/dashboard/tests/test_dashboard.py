from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_pledge_commitment,
    do_publish_covenant_version,
    do_record_delivery,
    do_sign_covenant,
)
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.dashboard.figures import count_partners_by_domain, get_missing_key_domains
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_update_embedding
from weerbaar.partners.choices import Domain


class DashboardTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(
            None, self.coalition, name="Bibliotheek Voorbeeldstad", domains=["library", "education"]
        )
        self.health = do_create_partner(
            None, self.coalition, name="GGD Regio Voorbeeldstad", domains=["public_health"]
        )
        do_create_partner(None, self.other_coalition, name="Politie Zeeland", domains=["police"])
        draft = do_create_covenant_draft(self.anna, self.coalition, title="Convenant", body="Tekst")
        self.version = do_publish_covenant_version(self.anna, draft)
        do_sign_covenant(
            None,
            self.version,
            self.library,
            signer_name="Bram Jansen",
            signer_function="Directeur",
            confirmed=True,
        )

    def test_it_counts_partners_per_domain_and_names_the_missing_key_domains(self) -> None:
        counts = count_partners_by_domain([self.library, self.health])

        by_domain = {row.domain: row.value for row in counts}
        self.assertEqual(by_domain[Domain.EDUCATION], 1)
        self.assertEqual(by_domain[Domain.POLICE], 0)
        self.assertEqual(
            get_missing_key_domains(counts),
            [Domain.PUBLIC_ORDER_SAFETY, Domain.SOCIAL_DEVELOPMENT],
        )

    def test_it_shows_the_coordinator_the_state_of_the_coalition(self) -> None:
        year = timezone.localdate().year
        pledge = do_pledge_commitment(
            self.anna,
            self.health,
            year=year,
            kind=CommitmentKind.TIME,
            description="Workshops",
            hours=Decimal(40),
        )
        do_record_delivery(
            self.anna, pledge, date=timezone.localdate(), description="Eén", hours=Decimal(8)
        )
        do_update_embedding(self.anna, self.health, endorsed_by_management=True)
        self.log_in(self.anna)

        response = self.client.get("/voorbeeldstad/beheer/dashboard/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<svg", count=1)
        self.assertNotContains(response, "style=")
        self.assertNotContains(response, "Politie Zeeland")
        self.assertContains(response, "2 partners werken in 3 van 13 domeinen")
        self.assertContains(response, "Openbare orde en veiligheid, Sociaal domein")
        self.assertContains(response, "1 van 2 partners ondertekend")
        self.assertEqual(response.context["unsigned_partners"], [self.health])
        time = next(b for b in response.context["balances"] if b.kind == CommitmentKind.TIME)
        self.assertEqual((time.pledged, time.delivered), (Decimal(40), Decimal(8)))
        endorsed = response.context["coverage"][0]
        self.assertEqual((endorsed.count, endorsed.total), (1, 2))

    def test_it_links_the_dashboard_from_the_coordinators_home_only(self) -> None:
        self.log_in(self.anna)
        self.assertContains(self.client.get("/voorbeeldstad/start/"), "/beheer/dashboard/")
        self.log_in(self.bram)
        self.assertNotContains(self.client.get("/voorbeeldstad/start/"), "/beheer/dashboard/")
