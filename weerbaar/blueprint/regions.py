"""Whether a region named in the wizard already has a coalition on this installation."""

from __future__ import annotations

from collections.abc import Iterable

from weerbaar.coalitions.models import Coalition


def _key(name: str) -> str:
    return " ".join(name.lower().replace("gemeente", " ").split())


def get_coalitions_for_region(municipalities: Iterable[str]) -> list[Coalition]:
    """Coalitions whose region, or one of whose areas, names one of ``municipalities``."""
    wanted = {_key(name) for name in municipalities if _key(name)}
    if not wanted:
        return []
    found = []
    for coalition in Coalition.objects.prefetch_related("areas").order_by("name"):
        names = {_key(coalition.region), *(_key(area.name) for area in coalition.areas.all())}
        region_words = set(_key(coalition.region).replace(",", " ").split())
        if wanted & names or wanted & region_words:
            found.append(coalition)
    return found
