"""The access matrix: every URL, every persona and two tenants, checked against ``policy.POLICY``.

Expected outcomes are computed from the rule a view declares, never written down per URL, so
the test keeps up with the policy. A URL pattern without a sample in ``SAMPLE_KWARGS`` fails
the test: a new page is not done until it is in the matrix.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponseBase
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from weerbaar.accounts.access import get_declared_permission
from weerbaar.accounts.actions import do_invite_member
from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Invitation, Membership, User
from weerbaar.accounts.policy import POLICY, Audience, Rule
from weerbaar.coalitions.models import Coalition
from weerbaar.covenant.actions import (
    do_create_covenant_draft,
    do_pledge_commitment,
    do_publish_covenant_version,
)
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.covenant.models import Commitment
from weerbaar.knowledge.actions import do_add_attachment, do_create_knowledge_item
from weerbaar.knowledge.choices import KnowledgeKind, Visibility
from weerbaar.knowledge.files import CleanFile
from weerbaar.knowledge.models import Attachment, KnowledgeItem
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.partners.actions import (
    do_create_partner,
    do_link_membership_to_partner,
    do_submit_join_request,
)
from weerbaar.partners.models import JoinRequest, Partner
from weerbaar.signals.actions import do_report_signal
from weerbaar.signals.models import Signal
from weerbaar.trends.tests.fixtures import TrendObjects, make_trend_objects

Kwargs = dict[str, Any]
Sample = Kwargs | Callable[["AccessPolicyTestCase"], Kwargs]

FAKE_TOKEN = "not-a-real-token"

# One sample per URL name, in the coalition Voorbeeldstad where the coalition matters.
SAMPLE_KWARGS: dict[str, Sample] = {
    "platform_home": {},
    "accessibility": {},
    "help": {},
    "switch_language": {"language": "en"},
    "oidc_authentication_init": {},
    "oidc_authentication_callback": {},
    "accounts:home": {},
    "accounts:login": {},
    "accounts:logout": {},
    "accounts:password_reset": {},
    "accounts:password_reset_sent": {},
    "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "set-password"},
    "accounts:password_reset_complete": {},
    "accounts:accept_invitation": {"token": FAKE_TOKEN},
    "accounts:mfa_setup": {},
    "accounts:mfa_verify": {},
    "accounts:members": {"slug": "voorbeeldstad"},
    "accounts:invite": {"slug": "voorbeeldstad"},
    "accounts:change_role": lambda t: {
        "slug": "voorbeeldstad",
        "membership_id": t.cees_membership.pk,
    },
    "accounts:revoke_invitation": lambda t: {
        "slug": "voorbeeldstad",
        "invitation_id": t.invitation.pk,
    },
    "audit:log": {"slug": "voorbeeldstad"},
    "audit:platform_log": {},
    "coalitions:platform_admin": {},
    "coalitions:create": {},
    "coalitions:public_page": {"slug": "voorbeeldstad"},
    "coalitions:member_home": {"slug": "voorbeeldstad"},
    "coalitions:settings": {"slug": "voorbeeldstad"},
    "knowledge:items": {"slug": "voorbeeldstad"},
    "knowledge:search": {"slug": "voorbeeldstad"},
    "knowledge:create": {"slug": "voorbeeldstad"},
    "knowledge:item": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:edit": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:delete": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:add_attachment": lambda t: {"slug": "voorbeeldstad", "item_id": t.knowledge_item.pk},
    "knowledge:attachment": lambda t: {
        "slug": "voorbeeldstad",
        "item_id": t.knowledge_item.pk,
        "attachment_id": t.attachment.pk,
    },
    "knowledge:remove_attachment": lambda t: {
        "slug": "voorbeeldstad",
        "item_id": t.knowledge_item.pk,
        "attachment_id": t.attachment.pk,
    },
    "partners:join": {"slug": "voorbeeldstad"},
    "partners:join_thanks": {"slug": "voorbeeldstad"},
    "partners:join_requests": {"slug": "voorbeeldstad"},
    "partners:join_request": lambda t: {
        "slug": "voorbeeldstad",
        "join_request_id": t.join_request.pk,
    },
    "partners:partners": {"slug": "voorbeeldstad"},
    "partners:partner": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    # Bram's own organisation, so the partner admin is admitted as the policy says.
    "partners:edit_partner": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:logo": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:embedding": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:embedding_overview": {"slug": "voorbeeldstad"},
    "partners:invite_colleague": lambda t: {"slug": "voorbeeldstad", "partner_id": t.partner.pk},
    "partners:manage_colleague": lambda t: {
        "slug": "voorbeeldstad",
        "partner_id": t.partner.pk,
        "membership_id": Membership.objects.get(user=t.bram, coalition=t.coalition).pk,
    },
    # Version 1 is published, version 2 a draft, in both coalitions.
    "covenant:covenant": {"slug": "voorbeeldstad"},
    "covenant:version": {"slug": "voorbeeldstad", "number": 1},
    "covenant:print": {"slug": "voorbeeldstad"},
    "covenant:pdf": {"slug": "voorbeeldstad"},
    "covenant:sign": {"slug": "voorbeeldstad"},
    "covenant:manage": {"slug": "voorbeeldstad"},
    "covenant:new_draft": {"slug": "voorbeeldstad"},
    "covenant:edit_draft": {"slug": "voorbeeldstad", "number": 2},
    "covenant:publish": {"slug": "voorbeeldstad", "number": 2},
    "covenant:overview": {"slug": "voorbeeldstad"},
    "dashboard:dashboard": {"slug": "voorbeeldstad"},
    "dashboard:export_partners": {"slug": "voorbeeldstad"},
    "dashboard:export_signatures": {"slug": "voorbeeldstad"},
    "dashboard:export_commitments": {"slug": "voorbeeldstad"},
    # signals module
    "signals:home": {"slug": "voorbeeldstad"},
    "signals:report": {"slug": "voorbeeldstad"},
    "signals:preview": {"slug": "voorbeeldstad"},
    # Cees reported it: only he reads it on "my signals".
    "signals:my_signal": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:queue": {"slug": "voorbeeldstad"},
    "signals:import": {"slug": "voorbeeldstad"},
    "signals:model_card": {"slug": "voorbeeldstad"},
    "signals:train_model": {"slug": "voorbeeldstad"},
    "signals:cluster": lambda t: {"slug": "voorbeeldstad", "cluster_id": t.signal.cluster_id},
    "signals:signal": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:status": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:assign": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:themes": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:note": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:follow_up": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "signals:similar": lambda t: {"slug": "voorbeeldstad", "signal_id": t.signal.pk},
    "covenant:partner_commitments": lambda t: {
        "slug": "voorbeeldstad",
        "partner_id": t.partner.pk,
    },
    "covenant:record_delivery": lambda t: {
        "slug": "voorbeeldstad",
        "partner_id": t.partner.pk,
        "commitment_id": t.commitment.pk,
    },
    # trends module
    "trends:dashboard": {"slug": "voorbeeldstad"},
    "trends:sources": {"slug": "voorbeeldstad"},
    "trends:export_sources": {"slug": "voorbeeldstad"},
    "trends:create_source": {"slug": "voorbeeldstad"},
    "trends:edit_source": lambda t: {
        "slug": "voorbeeldstad",
        "source_id": t.trends["voorbeeldstad"].source.pk,
    },
    "trends:source_status": lambda t: {
        "slug": "voorbeeldstad",
        "source_id": t.trends["voorbeeldstad"].source.pk,
    },
    "trends:import": lambda t: {
        "slug": "voorbeeldstad",
        "source_id": t.trends["voorbeeldstad"].source.pk,
    },
    "trends:settings": {"slug": "voorbeeldstad"},
    "trends:terms": {"slug": "voorbeeldstad"},
    "trends:watch_lists": {"slug": "voorbeeldstad"},
    "trends:create_watch_list": {"slug": "voorbeeldstad"},
    "trends:edit_watch_list": lambda t: {
        "slug": "voorbeeldstad",
        "list_id": t.trends["voorbeeldstad"].watch_list.pk,
    },
    "trends:alerts": {"slug": "voorbeeldstad"},
    "trends:alert": lambda t: {
        "slug": "voorbeeldstad",
        "alert_id": t.trends["voorbeeldstad"].alert.pk,
    },
    "trends:alert_rules": {"slug": "voorbeeldstad"},
    "trends:create_alert_rule": {"slug": "voorbeeldstad"},
    "trends:edit_alert_rule": lambda t: {
        "slug": "voorbeeldstad",
        "rule_id": t.trends["voorbeeldstad"].rule.pk,
    },
    "trends:reports": {"slug": "voorbeeldstad"},
    "trends:create_report": {"slug": "voorbeeldstad"},
    "trends:report": lambda t: {
        "slug": "voorbeeldstad",
        "report_id": t.trends["voorbeeldstad"].report.pk,
    },
    "trends:report_pdf": lambda t: {
        "slug": "voorbeeldstad",
        "report_id": t.trends["voorbeeldstad"].report.pk,
    },
}

# The same URLs in the other coalition, Zeeuwse Kust, where only Dirk has a role.
OTHER_TENANT_KWARGS: dict[str, Sample] = {
    "knowledge:items": {"slug": "zeeuwse-kust"},
    "knowledge:search": {"slug": "zeeuwse-kust"},
    "knowledge:create": {"slug": "zeeuwse-kust"},
    "knowledge:item": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_knowledge_item.pk},
    "knowledge:edit": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_knowledge_item.pk},
    "knowledge:delete": lambda t: {"slug": "zeeuwse-kust", "item_id": t.other_knowledge_item.pk},
    "knowledge:add_attachment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
    },
    "knowledge:attachment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
        "attachment_id": t.other_attachment.pk,
    },
    "knowledge:remove_attachment": lambda t: {
        "slug": "zeeuwse-kust",
        "item_id": t.other_knowledge_item.pk,
        "attachment_id": t.other_attachment.pk,
    },
    "accounts:members": {"slug": "zeeuwse-kust"},
    "accounts:invite": {"slug": "zeeuwse-kust"},
    "accounts:change_role": lambda t: {
        "slug": "zeeuwse-kust",
        "membership_id": t.dirk_membership.pk,
    },
    "accounts:revoke_invitation": lambda t: {
        "slug": "zeeuwse-kust",
        "invitation_id": t.other_invitation.pk,
    },
    "audit:log": {"slug": "zeeuwse-kust"},
    "coalitions:public_page": {"slug": "zeeuwse-kust"},
    "coalitions:member_home": {"slug": "zeeuwse-kust"},
    "coalitions:settings": {"slug": "zeeuwse-kust"},
    "partners:join": {"slug": "zeeuwse-kust"},
    "partners:join_thanks": {"slug": "zeeuwse-kust"},
    "partners:join_requests": {"slug": "zeeuwse-kust"},
    "partners:join_request": lambda t: {
        "slug": "zeeuwse-kust",
        "join_request_id": t.other_join_request.pk,
    },
    "partners:partners": {"slug": "zeeuwse-kust"},
    "partners:partner": lambda t: {"slug": "zeeuwse-kust", "partner_id": t.other_partner.pk},
    "partners:edit_partner": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
    },
    "partners:logo": lambda t: {"slug": "zeeuwse-kust", "partner_id": t.other_partner.pk},
    "partners:embedding": lambda t: {"slug": "zeeuwse-kust", "partner_id": t.other_partner.pk},
    "partners:embedding_overview": {"slug": "zeeuwse-kust"},
    "partners:invite_colleague": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
    },
    "partners:manage_colleague": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
        "membership_id": Membership.objects.get(user=t.dirk, coalition=t.other_coalition).pk,
    },
    "covenant:covenant": {"slug": "zeeuwse-kust"},
    "covenant:version": {"slug": "zeeuwse-kust", "number": 1},
    "covenant:print": {"slug": "zeeuwse-kust"},
    "covenant:pdf": {"slug": "zeeuwse-kust"},
    "covenant:sign": {"slug": "zeeuwse-kust"},
    "covenant:manage": {"slug": "zeeuwse-kust"},
    "covenant:new_draft": {"slug": "zeeuwse-kust"},
    "covenant:edit_draft": {"slug": "zeeuwse-kust", "number": 2},
    "covenant:publish": {"slug": "zeeuwse-kust", "number": 2},
    "covenant:overview": {"slug": "zeeuwse-kust"},
    "dashboard:dashboard": {"slug": "zeeuwse-kust"},
    "dashboard:export_partners": {"slug": "zeeuwse-kust"},
    "dashboard:export_signatures": {"slug": "zeeuwse-kust"},
    "dashboard:export_commitments": {"slug": "zeeuwse-kust"},
    # signals module
    "signals:home": {"slug": "zeeuwse-kust"},
    "signals:report": {"slug": "zeeuwse-kust"},
    "signals:preview": {"slug": "zeeuwse-kust"},
    "signals:my_signal": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:queue": {"slug": "zeeuwse-kust"},
    "signals:import": {"slug": "zeeuwse-kust"},
    "signals:model_card": {"slug": "zeeuwse-kust"},
    "signals:train_model": {"slug": "zeeuwse-kust"},
    "signals:cluster": lambda t: {
        "slug": "zeeuwse-kust",
        "cluster_id": t.other_signal.cluster_id,
    },
    "signals:signal": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:status": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:assign": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:themes": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:note": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:follow_up": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "signals:similar": lambda t: {"slug": "zeeuwse-kust", "signal_id": t.other_signal.pk},
    "covenant:partner_commitments": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
    },
    "covenant:record_delivery": lambda t: {
        "slug": "zeeuwse-kust",
        "partner_id": t.other_partner.pk,
        "commitment_id": t.other_commitment.pk,
    },
    # trends module
    "trends:dashboard": {"slug": "zeeuwse-kust"},
    "trends:sources": {"slug": "zeeuwse-kust"},
    "trends:export_sources": {"slug": "zeeuwse-kust"},
    "trends:create_source": {"slug": "zeeuwse-kust"},
    "trends:edit_source": lambda t: {
        "slug": "zeeuwse-kust",
        "source_id": t.trends["zeeuwse-kust"].source.pk,
    },
    "trends:source_status": lambda t: {
        "slug": "zeeuwse-kust",
        "source_id": t.trends["zeeuwse-kust"].source.pk,
    },
    "trends:import": lambda t: {
        "slug": "zeeuwse-kust",
        "source_id": t.trends["zeeuwse-kust"].source.pk,
    },
    "trends:settings": {"slug": "zeeuwse-kust"},
    "trends:terms": {"slug": "zeeuwse-kust"},
    "trends:watch_lists": {"slug": "zeeuwse-kust"},
    "trends:create_watch_list": {"slug": "zeeuwse-kust"},
    "trends:edit_watch_list": lambda t: {
        "slug": "zeeuwse-kust",
        "list_id": t.trends["zeeuwse-kust"].watch_list.pk,
    },
    "trends:alerts": {"slug": "zeeuwse-kust"},
    "trends:alert": lambda t: {
        "slug": "zeeuwse-kust",
        "alert_id": t.trends["zeeuwse-kust"].alert.pk,
    },
    "trends:alert_rules": {"slug": "zeeuwse-kust"},
    "trends:create_alert_rule": {"slug": "zeeuwse-kust"},
    "trends:edit_alert_rule": lambda t: {
        "slug": "zeeuwse-kust",
        "rule_id": t.trends["zeeuwse-kust"].rule.pk,
    },
    "trends:reports": {"slug": "zeeuwse-kust"},
    "trends:create_report": {"slug": "zeeuwse-kust"},
    "trends:report": lambda t: {
        "slug": "zeeuwse-kust",
        "report_id": t.trends["zeeuwse-kust"].report.pk,
    },
    "trends:report_pdf": lambda t: {
        "slug": "zeeuwse-kust",
        "report_id": t.trends["zeeuwse-kust"].report.pk,
    },
}

# Pages that answer "gone" or "not found" for a made-up token while still being reachable, and
# the logo of the sample partner, which has none (partners/tests/test_partner_logo.py covers
# who may see a logo).
TOKEN_PAGES = frozenset(
    {"accounts:accept_invitation", "accounts:password_reset_confirm", "partners:logo"}
)

# Pages where a role the policy admits may still be refused by an object check: only the
# author (or a coordinator) edits a knowledge item (knowledge/tests cover who exactly).
OBJECT_CHECKED_PAGES = frozenset(
    {"knowledge:edit", "knowledge:add_attachment", "knowledge:remove_attachment"}
    # signals module: only the reporter reads a signal on "my signals".
    | {"signals:my_signal"}
)

ALLOWED_STATUSES = frozenset({200, 302, 405})
TOKEN_PAGE_STATUSES = frozenset({404, 410})


@dataclass(frozen=True)
class Route:
    name: str | None
    description: str
    pattern: URLPattern

    @property
    def takes_slug(self) -> bool:
        converters: dict[str, Any] = getattr(self.pattern.pattern, "converters", {})
        return "slug" in converters


def walk_patterns(
    patterns: list[URLPattern | URLResolver], namespace: str = "", prefix: str = ""
) -> Iterator[Route]:
    """Every ``URLPattern`` below ``patterns``, with its full (namespaced) name."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}{entry.namespace}:"
            yield from walk_patterns(entry.url_patterns, inner, prefix + str(entry.pattern))
        else:
            name = f"{namespace}{entry.name}" if entry.name else None
            yield Route(name, prefix + str(entry.pattern), entry)


class AccessPolicyTestCase(PersonasTestCase):
    cees_membership: Membership
    dirk_membership: Membership
    invitation: Invitation
    other_invitation: Invitation
    partner: Partner
    other_partner: Partner
    join_request: JoinRequest
    other_join_request: JoinRequest
    commitment: Commitment
    other_commitment: Commitment
    knowledge_item: KnowledgeItem
    other_knowledge_item: KnowledgeItem
    attachment: Attachment
    other_attachment: Attachment
    signal: Signal
    other_signal: Signal
    trends: dict[str, TrendObjects]

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.cees_membership = Membership.objects.get(user=cls.cees, coalition=cls.coalition)
        cls.dirk_membership = Membership.objects.get(user=cls.dirk, coalition=cls.other_coalition)
        cls.invitation, _token = do_invite_member(
            cls.anna, cls.coalition, "nieuw@example.org", Role.MEMBER
        )
        cls.other_invitation, _token = do_invite_member(
            None, cls.other_coalition, "nieuw@example.org", Role.MEMBER
        )
        cls.partner = do_create_partner(cls.anna, cls.coalition, name="Bibliotheek", domains=[])
        cls.other_partner = do_create_partner(None, cls.other_coalition, name="GGD", domains=[])
        do_link_membership_to_partner(
            cls.anna, Membership.objects.get(user=cls.bram, coalition=cls.coalition), cls.partner
        )
        cls.join_request, cls.other_join_request = (
            do_submit_join_request(
                coalition,
                organisation_name="Buurthuis",
                domains=["civil_society"],
                website="",
                contact_name="Els",
                contact_email="els@example.org",
                motivation="Wij doen graag mee.",
                endorsed_principles=[],
            )
            for coalition in (cls.coalition, cls.other_coalition)
        )
        for coalition in (cls.coalition, cls.other_coalition):
            first = do_create_covenant_draft(cls.anna, coalition, title="Convenant", body="Tekst")
            do_publish_covenant_version(cls.anna, first)
            do_create_covenant_draft(cls.anna, coalition, title="Convenant 2", body="Tekst")
        cls.commitment, cls.other_commitment = (
            do_pledge_commitment(
                cls.anna, partner, year=2026, kind=CommitmentKind.KNOWLEDGE, description="Kennis"
            )
            for partner in (cls.partner, cls.other_partner)
        )
        cls.knowledge_item, cls.other_knowledge_item = (
            do_create_knowledge_item(
                author,
                coalition,
                kind=KnowledgeKind.ARTICLE,
                themes=[],
                target_groups=[],
                title="Nepnieuws",
                summary="Over nepnieuws.",
                body="",
                links="",
                author_organisation=None,
                published_on=datetime.date(2026, 1, 1),
                tags="",
                visibility=Visibility.PUBLIC,
            )
            for author, coalition in ((cls.anna, cls.coalition), (cls.dirk, cls.other_coalition))
        )
        cls.attachment, cls.other_attachment = (
            do_add_attachment(
                cls.anna, item, CleanFile(b"%PDF-1.4 test", "pdf", "application/pdf", "a.pdf")
            )
            for item in (cls.knowledge_item, cls.other_knowledge_item)
        )
        cls.trends = {c.slug: make_trend_objects(c) for c in (cls.coalition, cls.other_coalition)}

        # signals module: two identical reports per coalition, so they share a cluster.
        for reporter, coalition, name in (
            (cls.cees, cls.coalition, "signal"),
            (cls.dirk, cls.other_coalition, "other_signal"),
        ):
            for _number in range(2):
                reported = do_report_signal(
                    reporter,
                    coalition,
                    text="Een filmpje met een nepbericht over de school gaat rond op TikTok.",
                    platforms=["tiktok"],
                    space="open",
                    age_group="12_15",
                    area=None,
                    first_seen=None,
                    urgency="concern",
                )
            setattr(cls, name, reported)

    # Helpers

    def routes(self) -> list[Route]:
        return list(walk_patterns(get_resolver().url_patterns))

    def personas(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "cees (member)": self.cees,
            "bram (partner admin)": self.bram,
            "femke (analyst)": self.femke,
            "anna (coordinator)": self.anna,
            "dirk (other coalition)": self.dirk,
            "pieter (platform admin)": self.pieter,
        }

    def client_for(self, user: User | None, *, verified: bool = True) -> Client:
        client = Client()
        if user is not None:
            self.log_in(user, verified=verified, client=client)
        return client

    def build_url(self, name: str, sample: Sample) -> tuple[str, Kwargs]:
        kwargs = sample(self) if callable(sample) else sample
        return reverse(name, kwargs=kwargs), kwargs

    def rule_of(self, route: Route) -> Rule:
        permission = get_declared_permission(route.pattern.callback)
        assert permission is not None, f"{route.description} declares no permission"
        return POLICY[permission]

    def role_in(self, user: User, kwargs: Kwargs) -> Role | None:
        if "slug" not in kwargs:
            return None
        membership = Membership.objects.filter(
            user=user, coalition=Coalition.objects.get(slug=kwargs["slug"])
        ).first()
        return Role(membership.role) if membership is not None else None

    def expects_access(self, rule: Rule, user: User | None, kwargs: Kwargs) -> bool | None:
        """True: allowed; False: 403; None: sent to the login page."""
        if rule.audience == Audience.ANYONE:
            return True
        if user is None:
            return None
        if rule.audience == Audience.AUTHENTICATED:
            return True
        if rule.audience == Audience.PLATFORM_ADMIN:
            return user.is_platform_admin
        return rule.admits_role(self.role_in(user, kwargs))

    def redirect_path(self, response: HttpResponseBase) -> str:
        if response.status_code != 302:
            return ""
        return urlsplit(response["Location"]).path

    def is_login_redirect(self, response: HttpResponseBase) -> bool:
        return self.redirect_path(response) == reverse("accounts:login")

    def is_mfa_redirect(self, response: HttpResponseBase) -> bool:
        return self.redirect_path(response) in {
            reverse("accounts:mfa_verify"),
            reverse("accounts:mfa_setup"),
        }

    def assert_allowed(self, route_name: str, rule: Rule, response: HttpResponseBase) -> None:
        statuses = ALLOWED_STATUSES | (TOKEN_PAGE_STATUSES if route_name in TOKEN_PAGES else set())
        if route_name in OBJECT_CHECKED_PAGES:
            statuses |= {403}
        self.assertIn(response.status_code, statuses)
        self.assertFalse(self.is_login_redirect(response), "sent to the login page")
        if not rule.before_mfa:
            self.assertFalse(self.is_mfa_redirect(response), "sent to two-step verification")

    def check_matrix(self, samples: dict[str, Sample], *, only_slug_routes: bool) -> set[str]:
        """GET every route as every persona; returns the names of the routes checked."""
        clients = {label: self.client_for(user) for label, user in self.personas().items()}
        checked: set[str] = set()
        for route in self.routes():
            if only_slug_routes and not route.takes_slug:
                continue
            with self.subTest(url=route.description):
                self.assertIsNotNone(
                    get_declared_permission(route.pattern.callback),
                    f"The view of {route.description!r} declares no permission; decorate it "
                    "with @requires(Permission.…).",
                )
                if route.name is None or route.name not in samples:
                    table = "OTHER_TENANT_KWARGS" if only_slug_routes else "SAMPLE_KWARGS"
                    self.fail(
                        f"URL pattern {route.description!r} (name {route.name!r}) is not covered "
                        f"by the access matrix: give it a name and add it to {table} in "
                        "weerbaar/accounts/tests/test_access_policy.py."
                    )
            if route.name is None or route.name not in samples:
                continue
            url, kwargs = self.build_url(route.name, samples[route.name])
            rule = self.rule_of(route)
            checked.add(route.name)
            for label, user in self.personas().items():
                with self.subTest(url=url, persona=label):
                    response = clients[label].get(url)
                    self.assertLess(response.status_code, 500)
                    expected = self.expects_access(rule, user, kwargs)
                    if expected is None:
                        self.assertTrue(
                            self.is_login_redirect(response),
                            f"expected a redirect to the login page, got {response.status_code}",
                        )
                    elif expected:
                        self.assert_allowed(route.name, rule, response)
                    else:
                        self.assertEqual(response.status_code, 403)
        return checked

    # Tests

    def test_it_gives_every_persona_what_the_policy_says_on_every_url(self) -> None:
        checked = self.check_matrix(SAMPLE_KWARGS, only_slug_routes=False)

        self.assertEqual(checked, {route.name for route in self.routes()})

    def test_it_keeps_every_persona_to_their_own_coalition(self) -> None:
        checked = self.check_matrix(OTHER_TENANT_KWARGS, only_slug_routes=True)

        self.assertEqual(checked, {route.name for route in self.routes() if route.takes_slug})

    def test_it_refuses_anna_every_coordinator_page_of_another_coalition(self) -> None:
        client = self.client_for(self.anna)
        coordinator_pages = 0
        for route in self.routes():
            if route.name not in OTHER_TENANT_KWARGS:
                continue
            rule = self.rule_of(route)
            if rule.audience != Audience.COALITION_ROLES or Role.COORDINATOR not in rule.roles:
                continue
            url, _kwargs = self.build_url(route.name, OTHER_TENANT_KWARGS[route.name])
            with self.subTest(url=url):
                coordinator_pages += 1
                self.assertEqual(client.get(url).status_code, 403)

        self.assertGreaterEqual(coordinator_pages, 4)

    def test_it_sends_privileged_people_through_two_step_verification_first(self) -> None:
        for user in (self.anna, self.femke, self.pieter):
            client = self.client_for(user, verified=False)
            for route in self.routes():
                if route.name not in SAMPLE_KWARGS:
                    continue
                rule = self.rule_of(route)
                if rule.audience == Audience.ANYONE or rule.before_mfa:
                    continue
                url, _kwargs = self.build_url(route.name, SAMPLE_KWARGS[route.name])
                with self.subTest(url=url, persona=user.email):
                    response = client.get(url)

                    self.assertEqual(self.redirect_path(response), reverse("accounts:mfa_verify"))
                    self.assertIn("next=", response["Location"])

    def test_it_finds_patterns_in_included_namespaces(self) -> None:
        names = {route.name for route in self.routes()}

        self.assertIn("accounts:change_role", names)
        self.assertIn("audit:log", names)
        self.assertIn("platform_home", names)
