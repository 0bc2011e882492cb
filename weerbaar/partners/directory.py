"""How partners are grouped for the public page: under each domain they work in."""

from __future__ import annotations

from collections.abc import Iterable

from weerbaar.partners.choices import Domain
from weerbaar.partners.models import Partner


def group_by_domain(partners: Iterable[Partner]) -> list[tuple[str, list[Partner]]]:
    """``[(domain label, partners)]`` in the order of ``Domain``; empty domains are left out.

    A partner working in two domains appears under both; one without a domain under "Other".
    """
    groups: dict[str, list[Partner]] = {value: [] for value in Domain.values}
    for partner in partners:
        for value in [d for d in partner.domains if d in groups] or [Domain.OTHER.value]:
            groups[value].append(partner)
    return [(str(Domain(value).label), found) for value, found in groups.items() if found]
