from __future__ import annotations

from django.test import override_settings

from weerbaar.coalitions.choices import Theme
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner
from weerbaar.signals.actions import do_decide_similar
from weerbaar.signals.choices import ClusterLink
from weerbaar.signals.models import Cluster
from weerbaar.signals.tests.helpers import days_ago, report

YOUTH_WORKER = (
    "Een meisje van 14 wordt op Instagram afgeperst: iemand heeft naaktfoto's van haar en eist "
    "200 euro, anders stuurt hij ze naar haar klasgenoten."
)
TEACHER = (
    "Een leerling van 14 vertelde dat ze via Instagram wordt afgeperst. Iemand heeft naaktfoto's "
    "van haar en wil 200 euro, anders gaan de foto's naar haar klas."
)
UNRELATED = "Ouders delen in WhatsApp-groepen een nepbericht dat een vaccin onvruchtbaar maakt."


class ClusterTestCase(PersonasTestCase):
    def test_it_puts_a_paraphrase_from_another_organisation_in_the_same_cluster(self) -> None:
        first = report(self.cees, self.coalition, YOUTH_WORKER)
        second = report(self.bram, self.coalition, TEACHER)
        third = report(self.bram, self.coalition, UNRELATED)

        self.assertIsNotNone(second.cluster_id)
        first.refresh_from_db()
        self.assertEqual(first.cluster_id, second.cluster_id)
        self.assertEqual(second.cluster_link, ClusterLink.AUTOMATIC)
        self.assertIsNone(third.cluster_id)
        self.assertIsNone(third.similar_to)

    def test_it_compares_only_within_the_window_and_the_coalition(self) -> None:
        report(self.cees, self.coalition, YOUTH_WORKER, created_at=days_ago(120))
        report(self.dirk, self.other_coalition, YOUTH_WORKER)

        later = report(self.bram, self.coalition, TEACHER)

        self.assertIsNone(later.cluster_id)

    @override_settings(SIGNAL_CLUSTER_HIGH_PERCENT=100, SIGNAL_CLUSTER_LOW_PERCENT=20)
    def test_it_asks_the_analyst_between_the_thresholds(self) -> None:
        first = report(self.cees, self.coalition, YOUTH_WORKER)
        second = report(self.bram, self.coalition, TEACHER)
        self.assertEqual(second.similar_to, first)
        self.assertIsNone(second.cluster_id)
        self.log_in(self.femke)

        page = self.client.get(f"/voorbeeldstad/signalen/{second.pk}/")
        response = self.client.post(
            f"/voorbeeldstad/signalen/{second.pk}/vergelijkbaar/", {"decision": "accept"}
        )
        again = self.client.post(
            f"/voorbeeldstad/signalen/{second.pk}/vergelijkbaar/", {"decision": "accept"}
        )

        self.assertEqual(page.context["similar"], first)
        self.assertEqual(response.status_code, 302)
        second.refresh_from_db()
        first.refresh_from_db()
        self.assertEqual(second.cluster_link, ClusterLink.CONFIRMED)
        self.assertEqual(first.cluster_id, second.cluster_id)
        self.assertEqual(again.status_code, 200)
        self.assertTrue(again.context["error"])

    @override_settings(SIGNAL_CLUSTER_HIGH_PERCENT=100, SIGNAL_CLUSTER_LOW_PERCENT=20)
    def test_it_lets_the_analyst_dismiss_a_suggestion(self) -> None:
        report(self.cees, self.coalition, YOUTH_WORKER)
        second = report(self.bram, self.coalition, TEACHER)
        self.log_in(self.femke)

        self.client.post(
            f"/voorbeeldstad/signalen/{second.pk}/vergelijkbaar/", {"decision": "dismiss"}
        )

        second.refresh_from_db()
        self.assertIsNone(second.similar_to)
        self.assertIsNone(second.cluster_id)

    def test_it_summarises_a_cluster(self) -> None:
        library = do_create_partner(self.anna, self.coalition, name="Bibliotheek", domains=[])
        school = do_create_partner(self.anna, self.coalition, name="Het Lyceum", domains=[])
        area = self.coalition.areas.get()
        first = report(self.cees, self.coalition, YOUTH_WORKER, organisation=library, area=area)
        report(self.bram, self.coalition, TEACHER, organisation=school, platforms=["snapchat"])
        first.refresh_from_db()
        self.log_in(self.femke)

        response = self.client.get(f"/voorbeeldstad/signalen/clusters/{first.cluster_id}/")

        self.assertEqual(len(response.context["members"]), 2)
        self.assertEqual(response.context["organisation_count"], 2)
        self.assertIn(("Binnenstad", 1), response.context["areas"])
        self.assertIn(("Snapchat", 1), response.context["platforms"])

    @override_settings(SIGNAL_CLUSTER_HIGH_PERCENT=100, SIGNAL_CLUSTER_LOW_PERCENT=20)
    def test_it_merges_clusters_when_an_analyst_links_two_of_them(self) -> None:
        first = report(self.cees, self.coalition, YOUTH_WORKER)
        second = report(self.bram, self.coalition, TEACHER)  # similar to first, unconfirmed
        with override_settings(SIGNAL_CLUSTER_HIGH_PERCENT=60):
            third = report(self.anna, self.coalition, TEACHER)  # joins second by itself
        self.assertIsNotNone(third.cluster_id)

        do_decide_similar(self.femke, second, accept=True)

        first.refresh_from_db()
        second.refresh_from_db()
        third.refresh_from_db()
        self.assertEqual(
            {first.cluster_id, second.cluster_id, third.cluster_id}, {first.cluster_id}
        )
        self.assertIsNotNone(first.cluster_id)
        self.assertEqual(Cluster.objects.count(), 1)

    def test_it_lists_the_current_clusters_in_the_queue(self) -> None:
        first = report(self.cees, self.coalition, YOUTH_WORKER)
        report(self.bram, self.coalition, TEACHER)
        first.refresh_from_db()
        self.log_in(self.femke)

        response = self.client.get("/voorbeeldstad/signalen/triage/")

        clusters = list(response.context["clusters"])
        self.assertEqual([(c.pk, c.size) for c in clusters], [(first.cluster_id, 2)])
        self.assertContains(response, f"/voorbeeldstad/signalen/clusters/{first.cluster_id}/")
        # Named by the theme most of its signals carry, so a list of clusters can be scanned.
        first_theme = first.suggested_themes[0][0]
        self.assertEqual(clusters[0].get_main_theme_display(), Theme(first_theme).label)
        self.assertContains(response, f" · {Theme(first_theme).label}")
