"""Logins, failed logins and logouts go to the audit log, whichever view or backend caused them."""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from weerbaar.accounts.actions import do_forget_session, do_remember_session
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction, AuditResult


@receiver(user_logged_in)
def record_login(sender: object, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    do_record_audit_entry(AuditAction.LOGIN, actor=user, request=request)
    if request is not None and hasattr(request, "session"):
        do_remember_session(user, request.session.session_key)


@receiver(user_logged_out)
def record_logout(sender: object, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is not None:
        do_record_audit_entry(AuditAction.LOGOUT, actor=user, request=request)
    if request is not None and hasattr(request, "session"):
        do_forget_session(request.session.session_key)


@receiver(user_login_failed)
def record_failed_login(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # The attempted address is kept (what BIO asks for); the password never is.
    do_record_audit_entry(
        AuditAction.LOGIN_FAILED,
        actor=None,
        request=request,
        result=AuditResult.FAILURE,
        actor_label=str(credentials.get("username", ""))[:254],
    )


@receiver(user_locked_out)
def record_lockout(
    sender: object, request: HttpRequest | None, username: str | None = None, **kwargs: Any
) -> None:
    do_record_audit_entry(
        AuditAction.LOGIN_LOCKED_OUT,
        actor=None,
        request=request,
        result=AuditResult.DENIED,
        actor_label=(username or "")[:254],
    )
