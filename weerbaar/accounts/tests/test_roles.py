from __future__ import annotations

from django.test import Client

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, UserSession
from weerbaar.audit.choices import AuditAction
from weerbaar.audit.models import AuditEntry
from weerbaar.lib.testing import PersonasTestCase


class RolesTestCase(PersonasTestCase):
    cees_membership: Membership
    anna_membership: Membership
    dirk_membership: Membership

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.cees_membership = Membership.objects.get(user=cls.cees, coalition=cls.coalition)
        cls.anna_membership = Membership.objects.get(user=cls.anna, coalition=cls.coalition)
        cls.dirk_membership = Membership.objects.get(user=cls.dirk, coalition=cls.other_coalition)

    def role_url(self, membership: Membership, slug: str = "voorbeeldstad") -> str:
        return f"/{slug}/leden/{membership.pk}/"

    def test_it_lets_a_coordinator_change_a_role(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(self.role_url(self.cees_membership), {"role": Role.ANALYST})

        self.assertRedirects(response, "/voorbeeldstad/leden/", fetch_redirect_response=False)
        self.cees_membership.refresh_from_db()
        self.assertEqual(self.cees_membership.role, Role.ANALYST)
        entry = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED)
        self.assertEqual(entry.actor, self.anna)
        self.assertEqual(entry.coalition, self.coalition)
        self.assertEqual(entry.object_id, str(self.cees_membership.pk))
        self.assertEqual(entry.detail, {"from": "member", "to": "analyst"})

    def test_it_makes_a_new_analyst_set_up_two_step_verification(self) -> None:
        self.log_in(self.anna)
        self.client.post(self.role_url(self.cees_membership), {"role": Role.ANALYST})

        self.log_in(self.cees, verified=False)
        response = self.client.get("/voorbeeldstad/start/")

        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/account/tweestapsverificatie/"))

    def test_it_lifts_two_step_verification_when_an_analyst_becomes_a_member(self) -> None:
        femke_membership = Membership.objects.get(user=self.femke, coalition=self.coalition)
        self.log_in(self.anna)
        self.client.post(self.role_url(femke_membership), {"role": Role.MEMBER})

        self.femke.refresh_from_db()
        self.assertFalse(self.femke.needs_mfa())
        self.log_in(self.femke, verified=False)
        self.assertEqual(self.client.get("/voorbeeldstad/start/").status_code, 200)

    def test_it_refuses_an_unknown_role_and_keeps_the_old_one(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(self.role_url(self.cees_membership), {"role": "emperor"})

        self.assertEqual(response.status_code, 200)
        self.assertIn("role", response.context["form"].errors)
        self.cees_membership.refresh_from_db()
        self.assertEqual(self.cees_membership.role, Role.MEMBER)
        self.assertFalse(AuditEntry.objects.filter(action=AuditAction.ROLE_CHANGED).exists())

    def test_it_ends_a_membership_and_audits_it(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(self.role_url(self.cees_membership), {"end_membership": "1"})

        self.assertRedirects(response, "/voorbeeldstad/leden/", fetch_redirect_response=False)
        self.assertFalse(Membership.objects.filter(pk=self.cees_membership.pk).exists())
        self.cees.refresh_from_db()
        self.assertTrue(self.cees.is_active)
        entry = AuditEntry.objects.get(action=AuditAction.MEMBERSHIP_ENDED)
        self.assertEqual(entry.actor, self.anna)
        self.assertEqual(entry.object_id, str(self.cees_membership.pk))
        self.assertEqual(entry.detail, {"role": "member"})
        self.log_in(self.cees)
        self.assertEqual(self.client.get("/voorbeeldstad/start/").status_code, 403)

    def test_it_logs_a_removed_person_out_of_every_session(self) -> None:
        cees_browser = self.log_in(self.cees, client=Client())
        self.assertEqual(cees_browser.get("/voorbeeldstad/start/").status_code, 200)
        self.log_in(self.anna)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.role_url(self.cees_membership), {"end_membership": "1"})

        response = cees_browser.get("/account/")
        self.assertRedirects(
            response, "/account/inloggen/?next=/account/", fetch_redirect_response=False
        )
        self.assertFalse(UserSession.objects.filter(user=self.cees).exists())

    def test_it_does_not_let_a_coordinator_end_her_own_membership(self) -> None:
        self.log_in(self.anna)

        response = self.client.post(self.role_url(self.anna_membership), {"end_membership": "1"})

        self.assertRedirects(
            response, self.role_url(self.anna_membership), fetch_redirect_response=False
        )
        self.assertTrue(Membership.objects.filter(pk=self.anna_membership.pk).exists())
        self.assertFalse(AuditEntry.objects.filter(action=AuditAction.MEMBERSHIP_ENDED).exists())

    def test_it_does_not_find_a_membership_of_another_coalition(self) -> None:
        self.log_in(self.anna)

        page = self.client.get(self.role_url(self.dirk_membership))
        change = self.client.post(self.role_url(self.dirk_membership), {"role": Role.COORDINATOR})
        end = self.client.post(self.role_url(self.dirk_membership), {"end_membership": "1"})

        self.assertEqual((page.status_code, change.status_code, end.status_code), (404, 404, 404))
        self.dirk_membership.refresh_from_db()
        self.assertEqual(self.dirk_membership.role, Role.MEMBER)

    def test_it_refuses_role_changes_by_a_partner_admin(self) -> None:
        self.log_in(self.bram)

        response = self.client.post(self.role_url(self.cees_membership), {"role": Role.COORDINATOR})

        self.assertEqual(response.status_code, 403)
        self.cees_membership.refresh_from_db()
        self.assertEqual(self.cees_membership.role, Role.MEMBER)
        denied = AuditEntry.objects.get(action=AuditAction.ACCESS_DENIED)
        self.assertEqual(denied.actor, self.bram)
        self.assertEqual(denied.detail["permission"], "manage_members")
