from __future__ import annotations

from django.core import mail

from weerbaar.accounts.models import Membership
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.covenant.actions import do_create_covenant_draft, do_publish_covenant_version
from weerbaar.covenant.choices import CovenantStatus
from weerbaar.covenant.models import CovenantVersion
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner

BODY = "## Ambitie\n\nEen veilige, gezonde en weerbare (online) samenleving.\n\n- kennis\n- tijd"


class CovenantVersionsTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(None, self.coalition, name="Bibliotheek", domains=[])
        bram = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(None, bram, self.library)
        self.log_in(self.anna)

    def draft(self, title: str = "Convenant") -> CovenantVersion:
        return do_create_covenant_draft(self.anna, self.coalition, title=title, body=BODY)

    def test_it_lets_the_coordinator_write_a_draft(self) -> None:
        response = self.client.post(
            "/voorbeeldstad/beheer/convenant/nieuw/", {"title": "Convenant 2026", "body": BODY}
        )

        version = CovenantVersion.objects.get(coalition=self.coalition)
        self.assertRedirects(response, "/voorbeeldstad/beheer/convenant/1/bewerken/")
        self.assertEqual((version.number, version.status), (1, CovenantStatus.DRAFT))
        self.assertEqual(version.body, BODY)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.COVENANT_DRAFTED).exists())

    def test_it_keeps_the_input_when_the_title_is_missing(self) -> None:
        response = self.client.post(
            "/voorbeeldstad/beheer/convenant/nieuw/", {"title": "", "body": BODY}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Een veilige, gezonde en weerbare")
        self.assertFalse(CovenantVersion.objects.exists())

    def test_it_numbers_versions_per_coalition(self) -> None:
        self.draft()
        self.draft()
        other = do_create_covenant_draft(self.anna, self.other_coalition, title="Z", body="Z")

        self.assertEqual(
            list(CovenantVersion.objects.filter(coalition=self.coalition).values_list("number")),
            [(2,), (1,)],
        )
        self.assertEqual(other.number, 1)

    def test_it_edits_a_draft_and_shows_a_sanitised_preview(self) -> None:
        version = self.draft()

        self.client.post(
            "/voorbeeldstad/beheer/convenant/1/bewerken/",
            {"title": "Nieuw", "body": "Tekst <script>alert(1)</script>"},
        )
        response = self.client.get("/voorbeeldstad/beheer/convenant/1/bewerken/")

        version.refresh_from_db()
        self.assertEqual(version.title, "Nieuw")
        self.assertNotContains(response, "<script>alert")
        self.assertTrue(
            AuditEntry.objects.filter(action=AuditAction.COVENANT_DRAFT_UPDATED).exists()
        )

    def test_it_publishes_and_asks_every_partner_admin_to_sign(self) -> None:
        self.draft()

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/voorbeeldstad/beheer/convenant/1/publiceren/")

        self.assertRedirects(response, "/voorbeeldstad/convenant/")
        version = CovenantVersion.objects.get()
        self.assertEqual(version.status, CovenantStatus.PUBLISHED)
        self.assertEqual(version.published_by, self.anna)
        self.assertIsNotNone(version.published_at)
        self.assertEqual([m.to for m in mail.outbox], [["bram@example.org"]])
        self.assertIn("/voorbeeldstad/convenant/ondertekenen/", mail.outbox[0].body)
        entry = AuditEntry.objects.get(action=AuditAction.COVENANT_PUBLISHED)
        self.assertEqual(entry.detail, {"number": 1, "superseded": None})

    def test_it_supersedes_the_previous_version_when_publishing(self) -> None:
        first = do_publish_covenant_version(self.anna, self.draft())
        second = self.draft("Convenant, herzien")

        self.client.post("/voorbeeldstad/beheer/convenant/2/publiceren/")

        first.refresh_from_db()
        second.refresh_from_db()
        self.assertEqual(first.status, CovenantStatus.SUPERSEDED)
        self.assertEqual(second.status, CovenantStatus.PUBLISHED)

    def test_it_refuses_to_publish_or_edit_a_version_twice(self) -> None:
        version = do_publish_covenant_version(self.anna, self.draft())

        publish = self.client.post("/voorbeeldstad/beheer/convenant/1/publiceren/", follow=True)
        edit = self.client.post(
            "/voorbeeldstad/beheer/convenant/1/bewerken/", {"title": "Anders", "body": "x"}
        )

        self.assertContains(publish, "kan niet meer worden gewijzigd")
        self.assertRedirects(edit, "/voorbeeldstad/convenant/versies/1/")
        version.refresh_from_db()
        self.assertEqual((version.title, version.status), ("Convenant", CovenantStatus.PUBLISHED))

    def test_it_refuses_drafting_to_members_and_partner_admins(self) -> None:
        for user in (self.cees, self.bram):
            with self.subTest(user=user.email):
                self.log_in(user)

                response = self.client.post(
                    "/voorbeeldstad/beheer/convenant/nieuw/", {"title": "X", "body": "Y"}
                )

                self.assertEqual(response.status_code, 403)
        self.assertFalse(CovenantVersion.objects.exists())

    def test_it_answers_404_for_a_version_of_another_coalition(self) -> None:
        do_create_covenant_draft(self.anna, self.other_coalition, title="Z", body="Z")

        response = self.client.get("/voorbeeldstad/beheer/convenant/1/bewerken/")

        self.assertEqual(response.status_code, 404)
