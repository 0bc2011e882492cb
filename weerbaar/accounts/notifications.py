from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from weerbaar.accounts.models import Invitation


def get_invitation_url(token: str) -> str:
    return str(settings.SITE_URL) + reverse("accounts:accept_invitation", kwargs={"token": token})


def notify_invitation(invitation: Invitation, token: str) -> None:
    """Mail the invitation link. Sent in Dutch: the invitee has chosen no language yet."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "url": get_invitation_url(token),
            "inviter": invitation.invited_by,
        }
        subject = render_to_string("accounts/mail/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/mail/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
