"""Mail about join requests. Sent in Dutch: applicants and coordinators chose no language here."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.models import JoinRequest


def _send(
    template: str, context: dict[str, object], recipients: list[str], reply_to: str = ""
) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"partners/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"partners/mail/{template}.txt", context)
    EmailMessage(subject, body, to=recipients, reply_to=[reply_to] if reply_to else None).send()


def notify_coordinators_of_join_request(join_request: JoinRequest) -> None:
    """Tell every coordinator of the coalition that an organisation wants to join."""
    coalition = join_request.coalition
    recipients = sorted(
        for_coalition(Membership.objects.all(), coalition)
        .filter(role=Role.COORDINATOR, user__is_active=True)
        .values_list("user__email", flat=True)
    )
    url = str(settings.SITE_URL) + reverse(
        "partners:join_request",
        kwargs={"slug": coalition.slug, "join_request_id": join_request.pk},
    )
    _send("join_request_received", {"join_request": join_request, "url": url}, recipients)


def notify_join_request_question(join_request: JoinRequest, question: str, reply_to: str) -> None:
    """Mail the coordinator's question to the applicant's contact person; replies go to them."""
    _send(
        "join_request_question",
        {"join_request": join_request, "question": question},
        [join_request.contact_email],
        reply_to,
    )


def notify_join_request_rejected(join_request: JoinRequest) -> None:
    _send("join_request_rejected", {"join_request": join_request}, [join_request.contact_email])
