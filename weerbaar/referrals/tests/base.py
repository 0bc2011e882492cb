"""Shared set-up for the referrals tests: two partners, offers, and Cees linked to one."""

from __future__ import annotations

from typing import Any

from weerbaar.accounts.models import Membership
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import do_create_partner, do_link_membership_to_partner
from weerbaar.partners.models import Partner
from weerbaar.referrals.actions import CaseDetails, do_refer_case, do_save_help_offer
from weerbaar.referrals.models import HelpOffer, Referral


def offer_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "Spreekuur online pesten",
        "description": "Je kunt langskomen of bellen als je online gepest wordt.",
        "themes": ["cyberbullying"],
        "audiences": ["young_people", "parents"],
        "minimum_age": 10,
        "maximum_age": 18,
        "area_served": "Voorbeeldstad",
        "phone": "030-1234567",
        "email": "spreekuur@bibliotheek.example",
        "hours": "Woensdag 14:00 tot 17:00",
    }
    fields.update(overrides)
    return fields


def case(**overrides: Any) -> CaseDetails:
    fields: dict[str, Any] = {
        "age_group": "12_17",
        "theme": "cyberbullying",
        "description": "Meisje van 14 wordt gepest in een klassenapp.",
        "urgency": "soon",
        "contact_preference": "phone",
        "sharing_basis": "other_basis",
        "legal_basis": "Jeugdwet, taak jeugdhulp",
    }
    fields.update(overrides)
    return CaseDetails(**fields)


class ReferralsTestCase(PersonasTestCase):
    library: Partner
    youth_work: Partner
    offer: HelpOffer
    youth_offer: HelpOffer
    cees_membership: Membership
    bram_membership: Membership

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.library = do_create_partner(cls.anna, cls.coalition, name="Bibliotheek", domains=[])
        cls.youth_work = do_create_partner(cls.anna, cls.coalition, name="Jongerenwerk", domains=[])
        cls.bram_membership = Membership.objects.get(user=cls.bram, coalition=cls.coalition)
        do_link_membership_to_partner(cls.anna, cls.bram_membership, cls.library)
        cls.bram_membership.refresh_from_db()
        cls.cees_membership = Membership.objects.get(user=cls.cees, coalition=cls.coalition)
        do_link_membership_to_partner(cls.anna, cls.cees_membership, cls.youth_work)
        cls.cees_membership.refresh_from_db()
        cls.offer = do_save_help_offer(cls.bram, cls.coalition, cls.library, **offer_fields())
        cls.youth_offer = do_save_help_offer(
            cls.anna,
            cls.coalition,
            cls.youth_work,
            **offer_fields(
                title="Gesprek met een jongerenwerker",
                description="Een jongerenwerker praat met je over wat er online gebeurt.",
                themes=["cyberbullying", "extremism", "gaming"],
                audiences=["young_people"],
                email="team@jongerenwerk.example",
                phone="",
            ),
        )

    def refer(self, **overrides: Any) -> Referral:
        return do_refer_case(self.cees, self.cees_membership, self.offer, case(**overrides))
