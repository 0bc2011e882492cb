"""The permission policy: which role may do what. The one place to read and change it.

Every view declares one ``Permission`` (see ``weerbaar.accounts.access``); a view without one
is refused by ``AccessPolicyMiddleware``. A rule either admits everyone, every logged-in
person, platform admins, or holders of certain roles *in the coalition the URL names* —
a role in one coalition grants nothing in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from weerbaar.accounts.choices import Role


class Audience(StrEnum):
    ANYONE = "anyone"
    AUTHENTICATED = "authenticated"
    PLATFORM_ADMIN = "platform_admin"
    COALITION_ROLES = "coalition_roles"


@dataclass(frozen=True)
class Rule:
    audience: Audience
    roles: frozenset[Role] = frozenset()
    # Reachable before two-step verification is done (login, the verification pages).
    before_mfa: bool = False

    def admits_role(self, role: Role | None) -> bool:
        return role is not None and role in self.roles


class Permission(StrEnum):
    VIEW_PUBLIC_PAGES = "view_public_pages"
    LOG_IN = "log_in"
    MANAGE_OWN_MFA = "manage_own_mfa"
    VIEW_OWN_ACCOUNT = "view_own_account"
    MANAGE_COALITIONS = "manage_coalitions"
    VIEW_MEMBER_HOME = "view_member_home"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    EDIT_COALITION = "edit_coalition"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_ACCOUNT_AUDIT_LOG = "view_account_audit_log"
    VIEW_PARTNERS = "view_partners"
    EDIT_PARTNER = "edit_partner"
    MANAGE_JOIN_REQUESTS = "manage_join_requests"
    MANAGE_PARTNER_PEOPLE = "manage_partner_people"
    VIEW_COVENANT = "view_covenant"
    MANAGE_COVENANT = "manage_covenant"
    SIGN_COVENANT = "sign_covenant"
    MANAGE_COMMITMENTS = "manage_commitments"
    VIEW_COMMITMENT_OVERVIEW = "view_commitment_overview"
    VIEW_DASHBOARD = "view_dashboard"
    EXPORT_COALITION_DATA = "export_coalition_data"
    VIEW_KNOWLEDGE = "view_knowledge"
    CONTRIBUTE_KNOWLEDGE = "contribute_knowledge"
    MODERATE_KNOWLEDGE = "moderate_knowledge"
    # signals module
    REPORT_SIGNAL = "report_signal"
    TRIAGE_SIGNALS = "triage_signals"
    IMPORT_SIGNALS = "import_signals"
    VIEW_THEME_MODEL_CARD = "view_theme_model_card"
    # knowledge module (discussion, interventions, experiments)
    DISCUSS_KNOWLEDGE = "discuss_knowledge"
    VIEW_INTERVENTIONS = "view_interventions"
    CONTRIBUTE_INTERVENTIONS = "contribute_interventions"
    # events module
    REGISTER_FOR_EVENTS = "register_for_events"
    MANAGE_EVENTS = "manage_events"
    # campaigns module
    VIEW_CAMPAIGNS = "view_campaigns"
    MANAGE_CAMPAIGNS = "manage_campaigns"
    VIEW_LOBBY_AGENDA = "view_lobby_agenda"
    MANAGE_LOBBY_AGENDA = "manage_lobby_agenda"
    VIEW_NEWSFLASHES = "view_newsflashes"
    MANAGE_NEWSFLASHES = "manage_newsflashes"
    MANAGE_NEWSFLASH_SUBSCRIPTION = "manage_newsflash_subscription"
    # referrals module
    VIEW_REFERRALS = "view_referrals"
    MANAGE_HELP_OFFERS = "manage_help_offers"
    MANAGE_CRISIS_LINES = "manage_crisis_lines"
    IMPORT_HELP_OFFERS = "import_help_offers"
    REFER_CASES = "refer_cases"
    ANSWER_REFERRAL_LINK = "answer_referral_link"
    VIEW_REFERRAL_OVERVIEW = "view_referral_overview"
    # blueprint module
    USE_BLUEPRINT = "use_blueprint"
    REVIEW_BLUEPRINT_REQUESTS = "review_blueprint_requests"
    MANAGE_PLAN = "manage_plan"
    MANAGE_MATURITY_SCAN = "manage_maturity_scan"
    # trends module
    VIEW_TRENDS = "view_trends"
    MANAGE_TREND_SOURCES = "manage_trend_sources"
    ANALYSE_TRENDS = "analyse_trends"


EVERY_ROLE = frozenset(Role)


def _roles(*roles: Role) -> Rule:
    return Rule(Audience.COALITION_ROLES, frozenset(roles))


POLICY: dict[Permission, Rule] = {
    Permission.VIEW_PUBLIC_PAGES: Rule(Audience.ANYONE, before_mfa=True),
    Permission.LOG_IN: Rule(Audience.ANYONE, before_mfa=True),
    Permission.MANAGE_OWN_MFA: Rule(Audience.AUTHENTICATED, before_mfa=True),
    Permission.VIEW_OWN_ACCOUNT: Rule(Audience.AUTHENTICATED),
    Permission.MANAGE_COALITIONS: Rule(Audience.PLATFORM_ADMIN),
    Permission.VIEW_MEMBER_HOME: _roles(*EVERY_ROLE),
    Permission.VIEW_MEMBERS: _roles(*EVERY_ROLE),
    Permission.MANAGE_MEMBERS: _roles(Role.COORDINATOR),
    Permission.EDIT_COALITION: _roles(Role.COORDINATOR),
    Permission.VIEW_AUDIT_LOG: _roles(Role.COORDINATOR),
    # Logins, failed logins and two-step events belong to no coalition; the operator sees them.
    Permission.VIEW_ACCOUNT_AUDIT_LOG: Rule(Audience.PLATFORM_ADMIN),
    Permission.VIEW_PARTNERS: _roles(*EVERY_ROLE),
    # A partner admin only edits the partner their membership is linked to; the view checks
    # that with ``partners.access.access_partner_for_edit``.
    Permission.EDIT_PARTNER: _roles(Role.PARTNER_ADMIN, Role.COORDINATOR),
    Permission.MANAGE_JOIN_REQUESTS: _roles(Role.COORDINATOR),
    # Inviting, promoting and removing the people of one organisation; same object check.
    Permission.MANAGE_PARTNER_PEOPLE: _roles(Role.PARTNER_ADMIN, Role.COORDINATOR),
    Permission.VIEW_COVENANT: _roles(*EVERY_ROLE),
    Permission.MANAGE_COVENANT: _roles(Role.COORDINATOR),
    # A partner admin signs for the partner their membership is linked to; the view checks
    # that there is one with ``covenant.access.access_own_partner``.
    Permission.SIGN_COVENANT: _roles(Role.PARTNER_ADMIN),
    # Partner admins for their own partner, coordinators for every partner; the view checks
    # which with ``partners.access.access_partner_for_edit``.
    Permission.MANAGE_COMMITMENTS: _roles(Role.PARTNER_ADMIN, Role.COORDINATOR),
    Permission.VIEW_COMMITMENT_OVERVIEW: _roles(Role.COORDINATOR),
    # The dashboard and the embedding coverage across partners.
    Permission.VIEW_DASHBOARD: _roles(Role.COORDINATOR),
    Permission.EXPORT_COALITION_DATA: _roles(Role.COORDINATOR),
    Permission.VIEW_KNOWLEDGE: _roles(*EVERY_ROLE),
    # Everyone adds items; only the author or a coordinator edits one, which the view checks
    # with ``knowledge.access.access_item_for_edit``.
    Permission.CONTRIBUTE_KNOWLEDGE: _roles(*EVERY_ROLE),
    Permission.MODERATE_KNOWLEDGE: _roles(Role.COORDINATOR),
    # signals module: everyone reports and follows their own signals; analysts and
    # coordinators read all of them (each read audited), triage and retrain the theme model.
    Permission.REPORT_SIGNAL: _roles(*EVERY_ROLE),
    Permission.TRIAGE_SIGNALS: _roles(Role.ANALYST, Role.COORDINATOR),
    # Partners that collect signals elsewhere import them; so do analysts and coordinators.
    Permission.IMPORT_SIGNALS: _roles(Role.PARTNER_ADMIN, Role.ANALYST, Role.COORDINATOR),
    # The model card is published like an algorithm-register entry: every member reads it.
    Permission.VIEW_THEME_MODEL_CARD: _roles(*EVERY_ROLE),
    # knowledge module (discussion, interventions, experiments)
    # Everyone reacts; editing or removing a reaction is for its author, and removing also for
    # a coordinator (moderation); the views check that with ``knowledge.access``.
    Permission.DISCUSS_KNOWLEDGE: _roles(*EVERY_ROLE),
    Permission.VIEW_INTERVENTIONS: _roles(*EVERY_ROLE),
    # Everyone adds interventions and experiments; only who recorded one or a coordinator
    # changes it (``interventions.access``).
    Permission.CONTRIBUTE_INTERVENTIONS: _roles(*EVERY_ROLE),
    # events module: members register with one click and cancel their own registration
    # (visitors do both through public pages and personal links); coordinators organise.
    Permission.REGISTER_FOR_EVENTS: _roles(*EVERY_ROLE),
    Permission.MANAGE_EVENTS: _roles(Role.COORDINATOR),
    # campaigns module: every member reads campaigns, the lobby agenda and past newsflashes,
    # and chooses whether to receive the newsflash; coordinators keep them. Visitors see public
    # campaigns through VIEW_PUBLIC_PAGES (the view filters), and the unsubscribe link in a
    # newsflash mail uses it too: its signed token is the permission.
    Permission.VIEW_CAMPAIGNS: _roles(*EVERY_ROLE),
    Permission.MANAGE_CAMPAIGNS: _roles(Role.COORDINATOR),
    Permission.VIEW_LOBBY_AGENDA: _roles(*EVERY_ROLE),
    Permission.MANAGE_LOBBY_AGENDA: _roles(Role.COORDINATOR),
    Permission.VIEW_NEWSFLASHES: _roles(*EVERY_ROLE),
    Permission.MANAGE_NEWSFLASHES: _roles(Role.COORDINATOR),
    Permission.MANAGE_NEWSFLASH_SUBSCRIPTION: _roles(*EVERY_ROLE),
    # referrals module
    # The start page of help offers and referrals; what it lists depends on the role.
    Permission.VIEW_REFERRALS: _roles(*EVERY_ROLE),
    # Partner admins keep their own organisation's offers (``partners.access``), coordinators all.
    Permission.MANAGE_HELP_OFFERS: _roles(Role.PARTNER_ADMIN, Role.COORDINATOR),
    Permission.MANAGE_CRISIS_LINES: _roles(Role.COORDINATOR),
    Permission.IMPORT_HELP_OFFERS: _roles(Role.COORDINATOR),
    # Referring, and answering for one's own organisation: ``referrals.access`` admits only the
    # two organisations of a case. Coordinators and analysts see counts, never cases.
    Permission.REFER_CASES: _roles(Role.MEMBER, Role.PARTNER_ADMIN),
    # A partner without accounts answers through a single-use link; the token is the key.
    Permission.ANSWER_REFERRAL_LINK: Rule(Audience.ANYONE, before_mfa=True),
    Permission.VIEW_REFERRAL_OVERVIEW: _roles(Role.COORDINATOR),
    # blueprint module: a region tries the wizard without an account; the private link is
    # the key to its answers. A platform admin turns a request into a coalition.
    Permission.USE_BLUEPRINT: Rule(Audience.ANYONE, before_mfa=True),
    Permission.REVIEW_BLUEPRINT_REQUESTS: Rule(Audience.PLATFORM_ADMIN),
    Permission.MANAGE_PLAN: _roles(Role.COORDINATOR),
    # The yearly self-assessment; other coalitions are seen only as an average of several.
    Permission.MANAGE_MATURITY_SCAN: _roles(Role.COORDINATOR),
    # trends module: everyone sees the aggregated dashboard (small cells hidden) and the
    # sources register; analysts and coordinators keep the register and import; only analysts
    # see every count, emerging terms with examples, watch lists and early warnings.
    Permission.VIEW_TRENDS: _roles(*EVERY_ROLE),
    Permission.MANAGE_TREND_SOURCES: _roles(Role.ANALYST, Role.COORDINATOR),
    Permission.ANALYSE_TRENDS: _roles(Role.ANALYST),
}


def rule_for(permission: Permission) -> Rule:
    return POLICY[permission]


def role_may(role: Role | None, permission: Permission) -> bool:
    """Whether a coalition role grants ``permission`` (used by templates to show links)."""
    rule = POLICY[permission]
    if rule.audience == Audience.COALITION_ROLES:
        return rule.admits_role(role)
    return rule.audience in (Audience.ANYONE, Audience.AUTHENTICATED)
