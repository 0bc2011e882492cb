"""The coordinator dashboard's figures about partners, computed from rows already loaded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from weerbaar.partners.choices import Domain
from weerbaar.partners.models import Partner

# The domains the coalition exists to link (DESIGN.md §1): without one of them it misses a leg.
KEY_DOMAINS = (
    Domain.PUBLIC_ORDER_SAFETY,
    Domain.SOCIAL_DEVELOPMENT,
    Domain.PUBLIC_HEALTH,
    Domain.EDUCATION,
)


@dataclass(frozen=True)
class DomainCount:
    domain: Domain
    value: int

    @property
    def label(self) -> str:
        return str(self.domain.label)


def count_partners_by_domain(partners: Iterable[Partner]) -> list[DomainCount]:
    """Partners per domain, in the order of ``Domain``; a partner counts in each of its domains."""
    counts = dict.fromkeys(Domain, 0)
    for partner in partners:
        for value in set(partner.domains):
            if value in Domain.values:
                counts[Domain(value)] += 1
    return [DomainCount(domain, count) for domain, count in counts.items()]


def get_missing_key_domains(counts: Iterable[DomainCount]) -> list[Domain]:
    """The key domains no partner works in yet."""
    present = {row.domain for row in counts if row.value}
    return [domain for domain in KEY_DOMAINS if domain not in present]
