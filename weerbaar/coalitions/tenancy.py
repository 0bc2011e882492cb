"""The one scoping helper every coalition-owned query goes through.

``for_coalition(Model.objects.all(), coalition)`` is the only sanctioned way to read rows that
belong to a coalition. Keeping it in one place means tenant isolation is one function to
review, and the access test can exercise it for every model at once.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from weerbaar.coalitions.models import Coalition

Q = TypeVar("Q", bound=models.QuerySet[Any])


def for_coalition(queryset: Q, coalition: Coalition) -> Q:
    """Rows of ``queryset`` that belong to ``coalition`` and to no other."""
    return queryset.filter(coalition=coalition)
