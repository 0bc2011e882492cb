"""The main navigation: which links a visitor sees depends on their role in the coalition."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import Role
from weerbaar.accounts.policy import Permission, role_may


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str | Promise
    exact: bool = False


# The header shows the day-to-day work; everything about the coalition itself (people,
# organisations, agreements, management) sits one click away on the "Our coalition" page, so
# the header stays short enough to read and to tab through.
_COALITION_ITEMS: list[tuple[str, str | Promise, Permission, bool]] = [
    ("coalitions:member_home", _("Home"), Permission.VIEW_MEMBER_HOME, True),
    ("knowledge:items", _("Knowledge"), Permission.VIEW_KNOWLEDGE, False),
    ("interventions:interventions", _("Interventions"), Permission.VIEW_INTERVENTIONS, False),
    ("events:calendar", _("Events"), Permission.VIEW_PUBLIC_PAGES, False),
    ("signals:home", _("Signals"), Permission.REPORT_SIGNAL, False),
    ("trends:dashboard", _("Trends"), Permission.VIEW_TRENDS, False),
    ("referrals:referrals", _("Help and referrals"), Permission.VIEW_REFERRALS, False),
    ("campaigns:campaigns", _("Campaigns"), Permission.VIEW_PUBLIC_PAGES, False),
    ("coalitions:hub", _("Our coalition"), Permission.VIEW_MEMBER_HOME, False),
]

# What a visitor of a coalition (not a member of it) comes for: parents and young people
# looking for help first. Members reach the help finder from "Help and referrals".
_VISITOR_ITEMS: list[tuple[str, str | Promise]] = [
    ("referrals:finder", _("Find help")),
]


@dataclass(frozen=True)
class HubLink:
    url: str
    label: str | Promise
    description: str | Promise


# The "Our coalition" page, in the order a member looks for things: who takes part, what we
# agreed, what we send, then the coordinator's management pages.
_HUB_ITEMS: list[tuple[str, str | Promise, str | Promise, Permission]] = [
    (
        "accounts:members",
        _("Members"),
        _("Who works together in the coalition, and in which role."),
        Permission.VIEW_MEMBERS,
    ),
    (
        "partners:partners",
        _("Partners"),
        _("The organisations that take part, their expertise and contact people."),
        Permission.VIEW_PARTNERS,
    ),
    (
        "covenant:covenant",
        _("Covenant"),
        _("What the partners agreed, who signed and what each one contributes."),
        Permission.VIEW_COVENANT,
    ),
    (
        "newsflash:archive",
        _("Newsflash"),
        _("Past newsflashes, and whether you receive them."),
        Permission.VIEW_NEWSFLASHES,
    ),
    (
        "dashboard:dashboard",
        _("Dashboard"),
        _("Partners by domain, signatures, pledged and delivered, and embedding at a glance."),
        Permission.VIEW_DASHBOARD,
    ),
    (
        "covenant:overview",
        _("Commitments"),
        _("What every partner pledged and delivered."),
        Permission.VIEW_COMMITMENT_OVERVIEW,
    ),
    (
        "blueprint:checklist",
        _("Plan"),
        _("The coalition's plan as a checklist by phase."),
        Permission.MANAGE_PLAN,
    ),
    (
        "blueprint:maturity",
        _("Maturity scan"),
        _("How far the coalition has come, per dimension, year on year."),
        Permission.MANAGE_MATURITY_SCAN,
    ),
    (
        "partners:join_requests",
        _("Join requests"),
        _("Organisations that asked to join."),
        Permission.MANAGE_JOIN_REQUESTS,
    ),
    (
        "coalitions:settings",
        _("Coalition settings"),
        _("Ambition, principles, focus areas, themes, areas and look."),
        Permission.EDIT_COALITION,
    ),
    (
        "audit:log",
        _("Audit log"),
        _("Who did what, and when."),
        Permission.VIEW_AUDIT_LOG,
    ),
]


def get_hub_links(request: HttpRequest) -> list[HubLink]:
    """The links of the "Our coalition" page that the visitor's role may open."""
    coalition = request.coalition  # type: ignore[attr-defined]
    membership = getattr(request, "membership", None)
    role = Role(membership.role) if membership is not None else None
    return [
        HubLink(reverse(url_name, kwargs={"slug": coalition.slug}), label, description)
        for url_name, label, description, permission in _HUB_ITEMS
        if role_may(role, permission)
    ]


def get_main_navigation(request: HttpRequest) -> list[NavItem]:
    coalition = getattr(request, "coalition", None)
    membership = getattr(request, "membership", None)
    items: list[NavItem] = []
    if coalition is not None:
        slug = {"slug": coalition.slug}
        if membership is None:
            items.append(
                NavItem(coalition.get_absolute_url(), _("About the coalition"), exact=True)
            )
            items += [NavItem(reverse(name, kwargs=slug), label) for name, label in _VISITOR_ITEMS]
        # Members reach the public page through the site name and "Our coalition", so the
        # header keeps its room for their daily work.
        role = Role(membership.role) if membership is not None else None
        for url_name, label, permission, exact in _COALITION_ITEMS:
            if role_may(role, permission):
                items.append(NavItem(reverse(url_name, kwargs=slug), label, exact))
    else:
        items.append(NavItem(reverse("platform_home"), _("Coalitions"), exact=True))
    # Error pages can render before authentication ran; then there is no user yet.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "is_platform_admin", False):
        items.append(NavItem(reverse("coalitions:platform_admin"), _("Platform management")))
    return items
