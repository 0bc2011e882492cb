"""When a receiving partner is expected to answer a referral, by its urgency."""

from __future__ import annotations

import datetime

from weerbaar.referrals.choices import ReferralUrgency

ANSWER_WITHIN = {
    ReferralUrgency.URGENT: datetime.timedelta(hours=24),
    ReferralUrgency.SOON: datetime.timedelta(days=3),
    ReferralUrgency.REGULAR: datetime.timedelta(days=10),
}
# An overdue referral is reminded at most this often.
REMIND_EVERY = datetime.timedelta(hours=24)


def get_deadline(urgency: str, start: datetime.datetime) -> datetime.datetime:
    return start + ANSWER_WITHIN[ReferralUrgency(urgency)]


def is_reminder_due(
    deadline: datetime.datetime,
    last_reminded_at: datetime.datetime | None,
    now: datetime.datetime,
) -> bool:
    if now <= deadline:
        return False
    return last_reminded_at is None or now - last_reminded_at >= REMIND_EVERY
