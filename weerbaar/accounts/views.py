from __future__ import annotations

import base64
import io
from typing import cast

import qrcode
import qrcode.image.svg
from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.access import requires
from weerbaar.accounts.actions import (
    InvitationError,
    do_accept_invitation,
    do_change_role,
    do_confirm_totp_device,
    do_end_membership,
    do_forget_session,
    do_invite_member,
    do_remember_session,
    do_revoke_invitation,
    do_start_totp_enrolment,
    get_invitation_by_token,
)
from weerbaar.accounts.choices import Role
from weerbaar.accounts.forms import (
    ChooseNewPasswordForm,
    InviteForm,
    LoginForm,
    NewAccountForm,
    ResetPasswordForm,
    RoleForm,
    TokenForm,
)
from weerbaar.accounts.models import Invitation, Membership, User
from weerbaar.accounts.policy import Permission
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction, AuditResult
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition


def get_safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


login = requires(Permission.LOG_IN)(
    auth_views.LoginView.as_view(
        form_class=LoginForm,
        template_name="accounts/login.html",
        redirect_authenticated_user=True,
        extra_context={"oidc_enabled": django_settings.OIDC_ENABLED},
    )
)
logout = requires(Permission.LOG_IN)(auth_views.LogoutView.as_view())
password_reset = requires(Permission.LOG_IN)(
    auth_views.PasswordResetView.as_view(
        form_class=ResetPasswordForm,
        template_name="accounts/password_reset.html",
        email_template_name="accounts/mail/password_reset.txt",
        subject_template_name="accounts/mail/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_sent"),
    )
)
password_reset_sent = requires(Permission.LOG_IN)(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html")
)
password_reset_confirm = requires(Permission.LOG_IN)(
    auth_views.PasswordResetConfirmView.as_view(
        form_class=ChooseNewPasswordForm,
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = requires(Permission.LOG_IN)(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)


@requires(Permission.VIEW_OWN_ACCOUNT)
def home(request: HttpRequest) -> HttpResponse:
    """Where login lands: straight to the coalition when there is only one."""
    user = cast(User, request.user)
    memberships = list(Membership.objects.for_user(user).order_by("coalition__name"))
    if len(memberships) == 1 and not user.is_platform_admin:
        return redirect("coalitions:member_home", slug=memberships[0].coalition.slug)
    if not memberships and user.is_platform_admin:
        return redirect("coalitions:platform_admin")
    return render(request, "accounts/home.html", {"memberships": memberships})


def _qr_code_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def pass_mfa(request: HttpRequest, device: TOTPDevice) -> None:
    """Mark the session verified under a new key: more rights, so a fresh session id."""
    old_key = request.session.session_key
    request.session.cycle_key()
    do_forget_session(old_key)
    do_remember_session(cast(User, request.user), request.session.session_key)
    otp_login(request, device)


@requires(Permission.MANAGE_OWN_MFA)
def mfa_setup(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('accounts:mfa_verify')}?next={get_safe_next(request, '')}")
    device = do_start_totp_enrolment(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            do_confirm_totp_device(user, device, request)
            pass_mfa(request, device)
            messages.success(request, _("Two-step verification is set up."))
            return redirect(get_safe_next(request, reverse("accounts:home")))
        form.add_error(
            "token",
            _(
                "This code is not right. Check the clock of your phone, "
                "wait for a new code and try again."
            ),
        )
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/mfa_setup.html",
        {
            "form": form,
            "qr_code": _qr_code_svg(device),
            "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
            "next": get_safe_next(request, ""),
        },
    )


@requires(Permission.MANAGE_OWN_MFA)
def mfa_verify(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect(f"{reverse('accounts:mfa_setup')}?next={get_safe_next(request, '')}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            allowed, _reason = device.verify_is_allowed()
            if allowed and device.verify_token(form.cleaned_data["token"]):
                pass_mfa(request, device)
                do_record_audit_entry(AuditAction.MFA_VERIFIED, actor=user, request=request)
                return redirect(get_safe_next(request, reverse("accounts:home")))
        do_record_audit_entry(
            AuditAction.MFA_FAILED, actor=user, request=request, result=AuditResult.FAILURE
        )
        form.add_error(
            "token",
            _(
                "This code is not right, or you tried too quickly after a "
                "wrong code. Wait for a new code and try again."
            ),
        )
    return render(
        request, "accounts/mfa_verify.html", {"form": form, "next": get_safe_next(request, "")}
    )


@requires(Permission.LOG_IN)
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_invitation_by_token(token)
    if invitation is None or not invitation.is_usable():
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"invitation": invitation},
            status=410 if invitation else 404,
        )
    user = request.user if request.user.is_authenticated else None
    account_exists = User.objects.filter(email__iexact=invitation.email).exists()
    form = (
        None
        if (user or account_exists)
        else NewAccountForm(request.POST or None, email=invitation.email)
    )
    error = ""
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if user is not None:
                membership = do_accept_invitation(invitation, user=user, request=request)
            elif form is not None:
                membership = do_accept_invitation(
                    invitation,
                    user=None,
                    full_name=form.cleaned_data["full_name"],
                    password=form.cleaned_data["password1"],
                    request=request,
                )
                auth_login(
                    request, membership.user, backend="django.contrib.auth.backends.ModelBackend"
                )
            else:
                raise InvitationError
        except InvitationError:
            error = _(
                "This invitation cannot be accepted with this account. Log in with the "
                "invited e-mail address, or ask the coordinator for a new invitation."
            )
        else:
            messages.success(
                request, _("Welcome to %(coalition)s.") % {"coalition": invitation.coalition.name}
            )
            return redirect("coalitions:member_home", slug=invitation.coalition.slug)
    return render(
        request,
        "accounts/accept_invitation.html",
        {
            "invitation": invitation,
            "form": form,
            "account_exists": account_exists,
            "error": error,
        },
    )


@requires(Permission.VIEW_MEMBERS)
def members(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    memberships = (
        for_coalition(Membership.objects.all(), coalition)
        .select_related("user")
        .order_by("user__full_name")
    )
    invitations = for_coalition(Invitation.objects.pending(), coalition).order_by("email")
    return render(
        request,
        "accounts/members.html",
        {
            "memberships": memberships,
            "invitations": invitations,
            "can_manage": request.membership.role == Role.COORDINATOR,  # type: ignore[attr-defined]
        },
    )


@requires(Permission.MANAGE_MEMBERS)
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_invite_member(
            cast(User, request.user),
            coalition,
            form.cleaned_data["email"],
            Role(form.cleaned_data["role"]),
            request,
        )
        messages.success(
            request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]}
        )
        return redirect("accounts:members", slug=coalition.slug)
    return render(
        request,
        "accounts/invite.html",
        {"form": form, "invitation_days": django_settings.INVITATION_VALID_DAYS},
    )


@requires(Permission.MANAGE_MEMBERS)
def change_role(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    membership = get_object_or_404(
        for_coalition(Membership.objects.all(), coalition).select_related("user"), pk=membership_id
    )
    form = RoleForm(request.POST or None, instance=membership)
    if request.method == "POST":
        if "end_membership" in request.POST:
            if membership.user_id == request.user.pk:
                messages.error(request, _("You cannot end your own membership here."))
                return redirect("accounts:change_role", slug=slug, membership_id=membership.pk)
            do_end_membership(cast(User, request.user), membership, request)
            messages.success(
                request, _("%(name)s is no longer a member.") % {"name": membership.user}
            )
            return redirect("accounts:members", slug=slug)
        if form.is_valid():
            do_change_role(
                cast(User, request.user), membership, Role(form.cleaned_data["role"]), request
            )
            messages.success(
                request,
                _("The role of %(name)s is now %(role)s.")
                % {"name": membership.user, "role": membership.get_role_display()},
            )
            return redirect("accounts:members", slug=slug)
    return render(request, "accounts/change_role.html", {"form": form, "membership": membership})


# The policy comes first, so outsiders get 403 (or the login page) rather than 405.
@requires(Permission.MANAGE_MEMBERS)
@require_POST
def revoke_invitation(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    invitation = get_object_or_404(
        for_coalition(Invitation.objects.pending(), coalition), pk=invitation_id
    )
    do_revoke_invitation(cast(User, request.user), invitation, request)
    messages.success(
        request, _("The invitation for %(email)s was revoked.") % {"email": invitation.email}
    )
    return HttpResponseRedirect(reverse("accounts:members", kwargs={"slug": slug}))
