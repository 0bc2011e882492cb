from __future__ import annotations

from django.core import mail
from django.test import Client

from weerbaar.accounts.actions import do_accept_invitation, get_invitation_by_token
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation, Membership, UserSession
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase, create_member
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner


class PartnerPeopleTestCase(PersonasTestCase):
    def setUp(self) -> None:
        self.library = do_create_partner(
            None, self.coalition, name="Bibliotheek Voorbeeldstad", domains=["library"]
        )
        self.health = do_create_partner(
            None, self.coalition, name="GGD Regio Voorbeeldstad", domains=["public_health"]
        )
        self.bram_membership = Membership.objects.get(user=self.bram, coalition=self.coalition)
        do_link_membership_to_partner(self.anna, self.bram_membership, self.library)
        self.colleague = create_member(
            self.coalition, "els@example.org", "Els de Boer", Role.MEMBER
        )
        self.colleague_membership = Membership.objects.get(user=self.colleague)
        do_link_membership_to_partner(self.anna, self.colleague_membership, self.library)
        self.people_url = f"/voorbeeldstad/partners/{self.library.pk}/mensen/"

    def manage_url(self, membership: Membership) -> str:
        return f"{self.people_url}{membership.pk}/"

    def test_it_lets_a_partner_admin_invite_a_colleague_for_the_organisation(self) -> None:
        self.log_in(self.bram)

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"{self.people_url}uitnodigen/", {"email": "Joost@Example.org", "role": "member"}
            )

        self.assertRedirects(
            response, f"/voorbeeldstad/partners/{self.library.pk}/", fetch_redirect_response=False
        )
        invitation = Invitation.objects.get(email="joost@example.org")
        self.assertEqual((invitation.partner, invitation.role), (self.library, Role.MEMBER))
        self.assertEqual(invitation.invited_by, self.bram)
        self.assertEqual(mail.outbox[-1].to, ["joost@example.org"])
        token = mail.outbox[-1].body.split("/account/uitnodiging/")[1].split("/")[0]
        joost = create_member(None, "joost@example.org", "Joost Smit")
        found = get_invitation_by_token(token)
        assert found is not None
        membership = do_accept_invitation(found, user=joost)
        self.assertEqual(membership.organisation, self.library)

    def test_it_offers_a_partner_admin_no_coalition_wide_roles(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(
            f"{self.people_url}uitnodigen/", {"email": "joost@example.org", "role": "coordinator"}
        )

        self.assertIn("role", response.context["form"].errors)
        self.assertContains(response, "joost@example.org")
        self.assertFalse(Invitation.objects.filter(email="joost@example.org").exists())

    def test_it_lets_a_partner_admin_make_a_colleague_partner_admin(self) -> None:
        self.log_in(self.bram)

        self.client.post(self.manage_url(self.colleague_membership), {"role": "partner_admin"})

        self.colleague_membership.refresh_from_db()
        self.assertEqual(self.colleague_membership.role, Role.PARTNER_ADMIN)
        entry = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED)
        self.assertEqual((entry.actor, entry.detail["to"]), (self.bram, "partner_admin"))

    def test_it_removes_a_colleague_and_logs_them_out(self) -> None:
        els_browser = self.log_in(self.colleague, client=Client())
        self.log_in(self.bram)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.manage_url(self.colleague_membership), {"remove": "1"})

        self.assertFalse(Membership.objects.filter(pk=self.colleague_membership.pk).exists())
        self.assertFalse(UserSession.objects.filter(user=self.colleague).exists())
        self.assertEqual(els_browser.get("/voorbeeldstad/start/").status_code, 302)
        self.assertTrue(AuditEntry.objects.filter(action=AuditAction.MEMBERSHIP_ENDED).exists())

    def test_it_does_not_let_a_partner_admin_remove_themselves(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.manage_url(self.bram_membership), {"remove": "1"})

        self.assertEqual(response.status_code, 200)
        self.assertTrue(Membership.objects.filter(pk=self.bram_membership.pk).exists())
        self.assertContains(response, "utrecht-alert--error")

    def test_it_leaves_analysts_and_coordinators_to_the_coordinator(self) -> None:
        femke = Membership.objects.get(user=self.femke, coalition=self.coalition)
        do_link_membership_to_partner(self.anna, femke, self.library)
        self.log_in(self.bram)

        self.client.post(self.manage_url(femke), {"role": "member"})
        self.client.post(self.manage_url(femke), {"remove": "1"})

        femke.refresh_from_db()
        self.assertEqual(femke.role, Role.ANALYST)

    def test_it_refuses_a_partner_admin_the_people_of_another_organisation(self) -> None:
        self.log_in(self.bram)

        response = self.client.get(f"/voorbeeldstad/partners/{self.health.pk}/mensen/uitnodigen/")

        self.assertEqual(response.status_code, 403)

    def test_it_answers_404_for_someone_who_does_not_work_for_the_organisation(self) -> None:
        cees = Membership.objects.get(user=self.cees, coalition=self.coalition)
        self.log_in(self.bram)

        self.assertEqual(self.client.get(self.manage_url(cees)).status_code, 404)

    def test_it_refuses_a_member_the_people_pages(self) -> None:
        self.log_in(self.colleague)

        response = self.client.get(f"{self.people_url}uitnodigen/")

        self.assertEqual(response.status_code, 403)
