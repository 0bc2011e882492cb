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


_COALITION_ITEMS: list[tuple[str, str | Promise, Permission, bool]] = [
    ("coalitions:member_home", _("Home"), Permission.VIEW_MEMBER_HOME, True),
    ("accounts:members", _("Members"), Permission.VIEW_MEMBERS, False),
    ("partners:partners", _("Partners"), Permission.VIEW_PARTNERS, False),
    ("knowledge:items", _("Knowledge"), Permission.VIEW_KNOWLEDGE, False),
    ("covenant:covenant", _("Covenant"), Permission.VIEW_COVENANT, False),
    ("signals:home", _("Signals"), Permission.REPORT_SIGNAL, False),
    ("trends:dashboard", _("Trends"), Permission.VIEW_TRENDS, False),
    ("dashboard:dashboard", _("Dashboard"), Permission.VIEW_DASHBOARD, False),
    ("partners:join_requests", _("Join requests"), Permission.MANAGE_JOIN_REQUESTS, False),
    ("covenant:overview", _("Commitments"), Permission.VIEW_COMMITMENT_OVERVIEW, False),
    ("coalitions:settings", _("Settings"), Permission.EDIT_COALITION, False),
    ("audit:log", _("Audit log"), Permission.VIEW_AUDIT_LOG, False),
]


def get_main_navigation(request: HttpRequest) -> list[NavItem]:
    coalition = getattr(request, "coalition", None)
    membership = getattr(request, "membership", None)
    items: list[NavItem] = []
    if coalition is not None:
        items.append(NavItem(coalition.get_absolute_url(), _("About the coalition"), exact=True))
        role = Role(membership.role) if membership is not None else None
        for url_name, label, permission, exact in _COALITION_ITEMS:
            if role_may(role, permission):
                items.append(
                    NavItem(reverse(url_name, kwargs={"slug": coalition.slug}), label, exact)
                )
    else:
        items.append(NavItem(reverse("platform_home"), _("Coalitions"), exact=True))
    # Error pages can render before authentication ran; then there is no user yet.
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "is_platform_admin", False):
        items.append(NavItem(reverse("coalitions:platform_admin"), _("Platform management")))
    return items
