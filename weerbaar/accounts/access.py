"""How views declare and enforce their permission.

Decorate every view with ``@requires(Permission.X)``. The decorator resolves the coalition
from the URL's ``slug`` (404 when unknown), finds the visitor's membership there, applies the
rule from ``policy.POLICY`` and sends privileged people through two-step verification first.
``AccessPolicyMiddleware`` refuses any view that carries no declaration, so forgetting the
decorator denies access instead of granting it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership, User
from weerbaar.accounts.policy import Audience, Permission, rule_for
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.coalitions.models import Coalition

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

PERMISSION_ATTRIBUTE = "weerbaar_permission"


def get_declared_permission(view: Callable[..., Any]) -> Permission | None:
    return cast(Permission | None, getattr(view, PERMISSION_ATTRIBUTE, None))


def get_membership(request: HttpRequest, coalition: Coalition) -> Membership | None:
    """The visitor's membership of ``coalition`` (``None`` for visitors and outsiders)."""
    user = request.user
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, coalition=coalition).order_by().first()


def is_mfa_pending(user: User) -> bool:
    """Logged in, holds a role that requires two-step verification, and has not passed it yet."""
    return user.needs_mfa() and not user.is_verified()  # type: ignore[attr-defined]  # set by OTPMiddleware


def mfa_redirect(request: HttpRequest, user: User) -> HttpResponseRedirect:
    from django_otp import devices_for_user

    has_device = any(True for _ in devices_for_user(user, confirmed=True))
    target = reverse("accounts:mfa_verify" if has_device else "accounts:mfa_setup")
    return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def deny_access(
    request: HttpRequest, permission: str, *, target: models.Model | None = None
) -> NoReturn:
    """Record a refused visit in the coalition's audit log and answer 403.

    Used by ``@requires`` and by the object-level checks of the apps (``access_*``), so every
    refusal is logged the same way.
    """
    user = request.user
    do_record_audit_entry(
        AuditAction.ACCESS_DENIED,
        actor=user if user.is_authenticated else None,
        request=request,
        coalition=getattr(request, "coalition", None),
        target=target,
        result=AuditResult.DENIED,
        detail={"permission": str(permission), "path": request.path[:200]},
    )
    raise PermissionDenied


def requires(permission: Permission) -> Callable[[View], View]:
    """Declare and enforce the permission a view needs (see the module docstring)."""
    rule = rule_for(permission)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            coalition = None
            if "slug" in kwargs:
                coalition = get_object_or_404(Coalition, slug=kwargs["slug"])
                request.coalition = coalition  # type: ignore[attr-defined]
                request.membership = get_membership(request, coalition)  # type: ignore[attr-defined]

            if rule.audience == Audience.ANYONE:
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            user = request.user
            if not rule.before_mfa and is_mfa_pending(user):
                return mfa_redirect(request, user)

            if rule.audience == Audience.AUTHENTICATED:
                allowed = True
            elif rule.audience == Audience.PLATFORM_ADMIN:
                allowed = user.is_platform_admin
            else:
                membership = getattr(request, "membership", None)
                allowed = (
                    coalition is not None
                    and membership is not None
                    and rule.admits_role(Role(membership.role))
                )
            if not allowed:
                deny_access(request, permission)
            return view(request, *args, **kwargs)

        setattr(wrapped, PERMISSION_ATTRIBUTE, permission)
        return cast(View, wrapped)

    return decorator
