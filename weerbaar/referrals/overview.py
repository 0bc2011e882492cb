"""The coordinator's figures about referrals: counts only, never a case."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from weerbaar.coalitions.choices import Theme
from weerbaar.referrals.choices import DeclineReason, ReferralEventKind, ReferralStatus
from weerbaar.referrals.models import Referral, ReferralEvent


@dataclass(frozen=True)
class ReferralFigures:
    total: int
    by_theme: list[tuple[str, int]]
    by_partner: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    accepted: int
    decided: int
    median_hours_to_accept: float | None
    decline_count: int

    @property
    def acceptance_rate(self) -> int | None:
        """Accepted out of those the partner decided on (accepted or declined), in percent."""
        return round(100 * self.accepted / self.decided) if self.decided else None


def get_referral_figures(referrals: QuerySet[Referral]) -> ReferralFigures:
    rows = list(
        referrals.values_list(
            "pk", "theme", "offer__partner__name", "status", "created_at", "accepted_at"
        )
    )
    ids = [row[0] for row in rows]
    declined = ReferralEvent.objects.filter(referral_id__in=ids, kind=ReferralEventKind.DECLINED)
    decline_count = declined.count()
    accepted_hours = [
        (accepted_at - created_at) / datetime.timedelta(hours=1)
        for _pk, _theme, _partner, _status, created_at, accepted_at in rows
        if accepted_at is not None
    ]
    accepted = len(accepted_hours)
    themes = Counter(row[1] for row in rows)
    return ReferralFigures(
        total=len(rows),
        by_theme=[(str(Theme(k).label), v) for k, v in themes.most_common() if k in Theme.values],
        by_partner=Counter(row[2] for row in rows).most_common(),
        by_status=[
            (str(ReferralStatus(k).label), v)
            for k, v in Counter(row[3] for row in rows).most_common()
        ],
        accepted=accepted,
        decided=accepted + decline_count,
        median_hours_to_accept=round(statistics.median(accepted_hours), 1)
        if accepted_hours
        else None,
        decline_count=decline_count,
    )


def get_decline_reasons(referrals: QuerySet[Referral]) -> list[tuple[str, int]]:
    """How often partners gave each reason for declining (the list, not their own words)."""
    counts = Counter(
        ReferralEvent.objects.filter(
            referral__in=referrals, kind=ReferralEventKind.DECLINED
        ).values_list("decline_reason", flat=True)
    )
    return [
        (str(DeclineReason(k).label), v)
        for k, v in counts.most_common()
        if k in DeclineReason.values
    ]
