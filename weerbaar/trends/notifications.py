"""Mail about early warnings, to the analysts of the coalition, in Dutch like other mail."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.trends.models import Alert


def get_analyst_emails(alert: Alert) -> list[str]:
    memberships = for_coalition(Membership.objects.all(), alert.coalition).filter(
        role=Role.ANALYST, user__is_active=True
    )
    return sorted(set(memberships.values_list("user__email", flat=True)))


def notify_analysts_of_alert(alert: Alert) -> None:
    """One mail per analyst, with the numbers that made the rule fire."""
    url = str(settings.SITE_URL) + reverse(
        "trends:alert", kwargs={"slug": alert.coalition.slug, "alert_id": alert.pk}
    )
    context = {"alert": alert, "rule": alert.rule, "x": alert.explanation, "url": url}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("trends/mail/alert_subject.txt", context).strip()
        body = render_to_string("trends/mail/alert.txt", context)
    for recipient in get_analyst_emails(alert):
        EmailMessage(subject, body, to=[recipient]).send()
