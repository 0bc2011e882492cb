"""Pledged against delivered: the sums the coordinator and the reminder job look at.

Time is counted in hours and money in euros; knowledge and other means have no unit, so a
pledge of those counts as delivered once anything was recorded against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from weerbaar.covenant.choices import CommitmentKind
from weerbaar.covenant.models import Commitment
from weerbaar.partners.models import Partner

ZERO = Decimal(0)


@dataclass
class KindBalance:
    kind: CommitmentKind
    pledges: int = 0
    open_pledges: int = 0
    pledged: Decimal = ZERO
    delivered: Decimal = ZERO

    @property
    def label(self) -> str:
        return str(self.kind.label)

    @property
    def unit(self) -> str:
        return {CommitmentKind.TIME: "hours", CommitmentKind.MONEY: "euros"}.get(self.kind, "")

    @property
    def gap(self) -> Decimal:
        return max(self.pledged - self.delivered, ZERO)

    @property
    def has_gap(self) -> bool:
        return self.open_pledges > 0


def _amounts(commitment: Commitment) -> tuple[Decimal, Decimal]:
    """(pledged, delivered) in the unit of the pledge's kind; zero for kinds without a unit."""
    deliveries = list(commitment.deliveries.all())
    if commitment.kind == CommitmentKind.TIME:
        return commitment.hours or ZERO, sum((d.hours or ZERO for d in deliveries), ZERO)
    if commitment.kind == CommitmentKind.MONEY:
        return commitment.euros or ZERO, sum((d.euros or ZERO for d in deliveries), ZERO)
    return ZERO, ZERO


def is_open(commitment: Commitment) -> bool:
    """Whether less was delivered than pledged (or, without a unit, nothing yet)."""
    if commitment.kind in (CommitmentKind.TIME, CommitmentKind.MONEY):
        pledged, delivered = _amounts(commitment)
        return delivered < pledged
    return not commitment.deliveries.all()


@dataclass
class PartnerBalance:
    """One partner's row in the coordinator's overview."""

    partner: Partner
    by_kind: dict[str, KindBalance]

    @property
    def pledges(self) -> int:
        return sum(row.pledges for row in self.by_kind.values())

    @property
    def open_pledges(self) -> int:
        return sum(row.open_pledges for row in self.by_kind.values())

    @property
    def other_pledges(self) -> int:
        """Pledges of knowledge and other means, which have no unit to add up."""
        return sum(
            self.by_kind[k].pledges for k in (CommitmentKind.KNOWLEDGE, CommitmentKind.OTHER)
        )

    @property
    def other_delivered(self) -> int:
        return sum(
            self.by_kind[k].pledges - self.by_kind[k].open_pledges
            for k in (CommitmentKind.KNOWLEDGE, CommitmentKind.OTHER)
        )


def get_partner_balances(
    partners: Iterable[Partner], commitments: Iterable[Commitment]
) -> list[PartnerBalance]:
    """A row per partner (also those without pledges: the coordinator should see them)."""
    by_partner: dict[int, list[Commitment]] = {}
    for commitment in commitments:
        by_partner.setdefault(commitment.partner_id, []).append(commitment)
    return [
        PartnerBalance(
            partner, {row.kind: row for row in get_balances(by_partner.get(partner.pk, []))}
        )
        for partner in partners
    ]


def get_balances(commitments: Iterable[Commitment]) -> list[KindBalance]:
    """One row per kind, in the order of ``CommitmentKind``; prefetch ``deliveries`` first."""
    rows = {kind: KindBalance(kind) for kind in CommitmentKind}
    for commitment in commitments:
        row = rows[CommitmentKind(commitment.kind)]
        pledged, delivered = _amounts(commitment)
        row.pledges += 1
        row.pledged += pledged
        row.delivered += delivered
        row.open_pledges += int(is_open(commitment))
    return list(rows.values())
