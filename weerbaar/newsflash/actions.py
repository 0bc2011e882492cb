"""Every change to newsflashes, their recipients and subscriptions goes through these functions.

Sending is split in two. ``do_send_newsflash`` (in the coordinator's request) freezes the
recipient list as one ``NewsflashDelivery`` row per person and enqueues the job.
``do_deliver_newsflash`` (the job) then works through the rows one at a time: it *claims* a
pending row with a conditional UPDATE (``… WHERE status = 'pending'``), which only one
process can win, sends the mail, and marks the row sent at once. So

- a second worker, or the same job enqueued twice, never sends a row twice;
- a worker killed between rows leaves only pending rows, which the next run picks up
  (``do_resume_newsflashes``, every few minutes and ``manage.py resume_newsflashes``);
- a worker killed *during* one send leaves that one row "sending": whether the mail left is
  unknown, so it is marked failed after ``STALE_CLAIM`` and not sent again by itself; the
  coordinator sees it and may choose to retry failed rows.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.models import Coalition
from weerbaar.newsflash.choices import DeliveryStatus, NewsflashStatus
from weerbaar.newsflash.models import (
    Newsflash,
    NewsflashDelivery,
    NewsflashEntry,
    NewsflashSubscription,
)
from weerbaar.newsflash.notifications import notify_newsflash
from weerbaar.newsflash.recipients import get_recipients
from weerbaar.newsflash.sources import Candidate

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

logger = logging.getLogger(__name__)

# A claim older than this belongs to a worker that died while sending.
STALE_CLAIM = datetime.timedelta(minutes=10)
INTERRUPTED = "interrupted"


class NewsflashError(Exception):
    """A refusal the coordinator should read (already sent, nobody to send to, …)."""


def _set_entries(newsflash: Newsflash, entries: Sequence[Candidate]) -> None:
    newsflash.entries.all().delete()
    NewsflashEntry.objects.bulk_create(
        NewsflashEntry(
            newsflash=newsflash,
            source=c.source,
            object_id=c.object_id,
            position=position,
            title=c.title[:200],
            summary=c.summary[:2000],
            path=c.path,
        )
        for position, c in enumerate(entries)
    )


def _apply(
    newsflash: Newsflash, *, title: str, intro: str, roles: list[str], domains: list[str]
) -> None:
    newsflash.title = title.strip()
    newsflash.intro = intro
    newsflash.roles = list(roles)
    newsflash.domains = list(domains)


@transaction.atomic
def do_create_newsflash(
    actor: User | None,
    coalition: Coalition,
    *,
    title: str,
    intro: str,
    roles: list[str],
    domains: list[str],
    entries: Sequence[Candidate],
    request: HttpRequest | None = None,
) -> Newsflash:
    """Draft the coalition's next issue; its number is one more than the last one's."""
    # Locking the coalition row makes two coordinators drafting at once take turns for a number.
    Coalition.objects.select_for_update().filter(pk=coalition.pk).first()
    last = Newsflash.objects.filter(coalition=coalition).aggregate(n=models.Max("number"))["n"]
    newsflash = Newsflash(coalition=coalition, number=(last or 0) + 1, created_by=actor)
    _apply(newsflash, title=title, intro=intro, roles=roles, domains=domains)
    newsflash.full_clean()
    newsflash.save()
    _set_entries(newsflash, entries)
    do_record_audit_entry(
        AuditAction.NEWSFLASH_DRAFTED,
        actor=actor,
        request=request,
        coalition=coalition,
        target=newsflash,
        detail={"number": newsflash.number, "entries": len(entries)},
    )
    return newsflash


@transaction.atomic
def do_update_newsflash(
    actor: User,
    newsflash: Newsflash,
    *,
    title: str,
    intro: str,
    roles: list[str],
    domains: list[str],
    entries: Sequence[Candidate],
    request: HttpRequest | None = None,
) -> Newsflash:
    """Change a draft; an issue that went out stays as it was sent."""
    locked = Newsflash.objects.select_for_update().get(pk=newsflash.pk)
    if not locked.is_draft():
        raise NewsflashError(_("This newsflash has been sent and can no longer be changed."))
    _apply(locked, title=title, intro=intro, roles=roles, domains=domains)
    locked.full_clean()
    locked.save()
    _set_entries(locked, entries)
    do_record_audit_entry(
        AuditAction.NEWSFLASH_UPDATED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"entries": len(entries)},
    )
    return locked


def _enqueue_delivery(newsflash_id: int) -> None:
    from weerbaar.newsflash.tasks import deliver_newsflash

    transaction.on_commit(lambda: deliver_newsflash.enqueue(newsflash_id))


@transaction.atomic
def do_send_newsflash(
    actor: User, newsflash: Newsflash, *, request: HttpRequest | None = None
) -> int:
    """Freeze the recipients of a draft and start the background job; returns how many."""
    locked = Newsflash.objects.select_for_update().get(pk=newsflash.pk)
    if not locked.is_draft():
        raise NewsflashError(_("This newsflash has already been sent."))
    recipients = get_recipients(locked)
    if not recipients:
        raise NewsflashError(
            _(
                "Nobody would receive this newsflash: no member who chose to receive it "
                "fits the choice of roles and domains."
            )
        )
    NewsflashDelivery.objects.bulk_create(
        NewsflashDelivery(newsflash=locked, user_id=r.user_id, email=r.email) for r in recipients
    )
    locked.status = NewsflashStatus.SENDING
    locked.sent_at = timezone.now()
    locked.save(update_fields=["status", "sent_at", "updated_at"])
    do_record_audit_entry(
        AuditAction.NEWSFLASH_SENT,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"recipients": len(recipients), "roles": locked.roles, "domains": locked.domains},
    )
    _enqueue_delivery(locked.pk)
    return len(recipients)


def claim_next_delivery(newsflash_id: int) -> NewsflashDelivery | None:
    """Take the next pending row for this process, or None when there is none left.

    The UPDATE only changes a row that is still pending; when another worker was first it
    changes nothing and we try the next row. Runs in autocommit, so the claim is committed
    (and visible to every other worker) before the mail is sent.
    """
    while True:
        candidate = (
            NewsflashDelivery.objects.filter(newsflash_id=newsflash_id)
            .pending()
            .values_list("pk", flat=True)
            .first()
        )
        if candidate is None:
            return None
        claimed = NewsflashDelivery.objects.filter(
            pk=candidate, status=DeliveryStatus.PENDING
        ).update(
            status=DeliveryStatus.SENDING,
            claimed_at=timezone.now(),
            attempts=models.F("attempts") + 1,
        )
        if claimed:
            return NewsflashDelivery.objects.get(pk=candidate)


def _mark(delivery: NewsflashDelivery, status: DeliveryStatus, error: str = "") -> None:
    NewsflashDelivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENDING).update(
        status=status,
        error=error[:200],
        sent_at=timezone.now() if status == DeliveryStatus.SENT else None,
    )


def do_deliver_newsflash(newsflash_id: int) -> int:
    """Send the pending rows of one issue, one claim at a time; returns how many were sent.

    Safe to run in several workers at once and to run again after a crash.
    """
    newsflash = Newsflash.objects.select_related("coalition").filter(pk=newsflash_id).first()
    if newsflash is None or newsflash.status != NewsflashStatus.SENDING:
        return 0
    sent = 0
    while (delivery := claim_next_delivery(newsflash_id)) is not None:
        try:
            notify_newsflash(newsflash, delivery.email, delivery.user_id or 0)
        except Exception as error:  # one bad address must not stop the rest
            logger.warning("Newsflash %s to row %s failed: %r", newsflash_id, delivery.pk, error)
            _mark(delivery, DeliveryStatus.FAILED, type(error).__name__)
        else:
            _mark(delivery, DeliveryStatus.SENT)
            sent += 1
    do_finish_newsflash(newsflash_id)
    return sent


def do_finish_newsflash(newsflash_id: int) -> bool:
    """Mark an issue sent once no row is waiting or being sent; True when it did."""
    open_rows = NewsflashDelivery.objects.filter(
        newsflash_id=newsflash_id,
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING],
    )
    return bool(
        Newsflash.objects.filter(pk=newsflash_id, status=NewsflashStatus.SENDING)
        .exclude(models.Exists(open_rows))
        .update(status=NewsflashStatus.SENT)
    )


def do_resume_newsflashes(now: datetime.datetime | None = None) -> int:
    """After a crash: give up on claims of dead workers (marked failed, never resent by
    themselves) and start a job for every issue with pending rows; returns how many jobs."""
    from weerbaar.newsflash.tasks import deliver_newsflash

    now = now or timezone.now()
    NewsflashDelivery.objects.filter(
        status=DeliveryStatus.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=DeliveryStatus.FAILED, error=INTERRUPTED)
    started = 0
    for newsflash_id in Newsflash.objects.filter(status=NewsflashStatus.SENDING).values_list(
        "pk", flat=True
    ):
        if NewsflashDelivery.objects.filter(newsflash_id=newsflash_id).pending().exists():
            deliver_newsflash.enqueue(newsflash_id)
            started += 1
        else:
            do_finish_newsflash(newsflash_id)
    return started


@transaction.atomic
def do_retry_failed_deliveries(
    actor: User, newsflash: Newsflash, *, request: HttpRequest | None = None
) -> int:
    """Put the failed rows of an issue back in the queue (the coordinator's decision, since an
    interrupted row may have been delivered); returns how many."""
    locked = Newsflash.objects.select_for_update().get(pk=newsflash.pk)
    if locked.is_draft():
        raise NewsflashError(_("This newsflash has not been sent yet."))
    count = NewsflashDelivery.objects.filter(newsflash=locked, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, error="", claimed_at=None
    )
    if not count:
        raise NewsflashError(_("There are no failed mails to send again."))
    locked.status = NewsflashStatus.SENDING
    locked.save(update_fields=["status", "updated_at"])
    do_record_audit_entry(
        AuditAction.NEWSFLASH_DELIVERIES_RETRIED,
        actor=actor,
        request=request,
        coalition=locked.coalition,
        target=locked,
        detail={"retried": count},
    )
    _enqueue_delivery(locked.pk)
    return count


@transaction.atomic
def do_set_subscription(
    actor: User | None,
    coalition: Coalition,
    user: User,
    subscribed: bool,
    *,
    request: HttpRequest | None = None,
) -> NewsflashSubscription:
    """Opt ``user`` in to or out of ``coalition``'s newsflash (``actor`` is None when the
    unsubscribe link was used without logging in)."""
    try:
        with transaction.atomic():
            subscription, _created = (
                NewsflashSubscription.objects.select_for_update().get_or_create(
                    coalition=coalition, user=user
                )
            )
    except IntegrityError:  # created by a simultaneous request
        subscription = NewsflashSubscription.objects.select_for_update().get(
            coalition=coalition, user=user
        )
    if subscription.subscribed != subscribed:
        subscription.subscribed = subscribed
        subscription.save()
        do_record_audit_entry(
            AuditAction.NEWSFLASH_SUBSCRIBED if subscribed else AuditAction.NEWSFLASH_UNSUBSCRIBED,
            actor=actor,
            actor_label=user.email if actor is None else "",
            request=request,
            coalition=coalition,
            target=user,
        )
    return subscription


def is_subscribed(coalition: Coalition, user: User) -> bool:
    return NewsflashSubscription.objects.filter(
        coalition=coalition, user=user, subscribed=True
    ).exists()
