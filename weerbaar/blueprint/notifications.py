"""Mail about blueprint requests, in Dutch like the other mail to people outside a coalition."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from weerbaar.accounts.models import User
from weerbaar.blueprint.models import BlueprintRequest


def _send(template: str, context: dict[str, object], recipients: list[str]) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"blueprint/mail/{template}_subject.txt", context).strip()
        body = render_to_string(f"blueprint/mail/{template}.txt", context)
    for recipient in recipients:
        EmailMessage(subject, body, to=[recipient]).send()


def notify_platform_admins_of_request(blueprint: BlueprintRequest) -> None:
    url = str(settings.SITE_URL) + reverse("blueprint:review", kwargs={"request_id": blueprint.pk})
    admins = User.objects.filter(is_platform_admin=True, is_active=True)
    _send(
        "submitted",
        {"blueprint": blueprint, "url": url},
        sorted(admins.values_list("email", flat=True)),
    )


def notify_requester_of_rejection(blueprint: BlueprintRequest) -> None:
    _send("rejected", {"blueprint": blueprint}, [blueprint.contact_email])
