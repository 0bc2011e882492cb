"""Visits, digest subscriptions and the weekly digest mail."""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from weerbaar.accounts.models import Membership
from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.updates.models import DigestSubscription, Visit
from weerbaar.updates.registry import UpdateGroup, collect_updates

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

logger = logging.getLogger(__name__)

# A first visit (or a first digest) looks back this far.
FIRST_LOOK_BACK = datetime.timedelta(days=14)
DIGEST_PERIOD = datetime.timedelta(days=7)


def do_record_visit(
    user: User, coalition: Coalition, *, now: datetime.datetime | None = None
) -> datetime.datetime | None:
    """Note that ``user`` opened the home of ``coalition`` now; the previous time, if any."""
    now = now or timezone.now()
    visit, created = Visit.objects.get_or_create(
        user=user, coalition=coalition, defaults={"last_seen_at": now}
    )
    if created:
        return None
    previous = visit.last_seen_at
    Visit.objects.filter(pk=visit.pk).update(last_seen_at=now)
    return previous


def is_subscribed(user: User, coalition: Coalition) -> bool:
    return DigestSubscription.objects.filter(user=user, coalition=coalition).exists()


@transaction.atomic
def do_set_digest_subscription(
    user: User, coalition: Coalition, subscribed: bool, *, request: HttpRequest | None = None
) -> None:
    """Opt in to or out of the weekly digest; a change is audited, no change is not."""
    if subscribed == is_subscribed(user, coalition):
        return
    if subscribed:
        DigestSubscription.objects.create(user=user, coalition=coalition)
    else:
        DigestSubscription.objects.filter(user=user, coalition=coalition).delete()
    do_record_audit_entry(
        AuditAction.DIGEST_SUBSCRIBED if subscribed else AuditAction.DIGEST_UNSUBSCRIBED,
        actor=user,
        request=request,
        coalition=coalition,
    )


def _send_digest(subscription: DigestSubscription, groups: list[UpdateGroup]) -> None:
    coalition = subscription.coalition
    site = str(settings.SITE_URL)
    context = {
        "coalition": coalition,
        "groups": groups,
        "site": site,
        "home_url": site + reverse("coalitions:member_home", args=[coalition.slug]),
        "settings_url": site + reverse("updates:digest", args=[coalition.slug]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("updates/mail/digest_subject.txt", context).strip()
        body = render_to_string("updates/mail/digest.txt", context)
    EmailMessage(subject, body, to=[subscription.user.email]).send()


def do_send_weekly_digests(*, now: datetime.datetime | None = None) -> int:
    """Mail every subscriber what is new in their coalition since their last digest (at
    most a week back at the first one); nothing is sent when nothing is new. Subscriptions of
    people no longer member (or no longer active) are dropped. Returns the number sent."""
    now = now or timezone.now()
    sent = 0
    for subscription in DigestSubscription.objects.select_related("user", "coalition"):
        user = subscription.user
        member = Membership.objects.filter(user=user, coalition=subscription.coalition).exists()
        if not member or not user.is_active:
            subscription.delete()
            continue
        since = subscription.last_sent_at or now - DIGEST_PERIOD
        groups = collect_updates(subscription.coalition, user, since)
        if groups:
            try:
                _send_digest(subscription, groups)
            except Exception:  # one broken address must not stop the others
                logger.exception("Weekly digest to subscription %s failed", subscription.pk)
                continue
            sent += 1
        DigestSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
    return sent
