"""The yearly maturity scan: figures from the coalition's own data, the level they suggest per
dimension, next steps for weak dimensions, and the aggregate across coalitions.

``get_facts`` reads the database; everything else is pure. Dimensions without data in this
installation yet (interventions, signalling, referral) are self-assessed only; their modules
can add a figure here when they arrive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weerbaar.blueprint.choices import Dimension
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.balance import is_open
from weerbaar.covenant.models import Commitment, CovenantVersion, Signature
from weerbaar.dashboard.figures import KEY_DOMAINS
from weerbaar.knowledge.models import KnowledgeItem
from weerbaar.partners.embedding import get_embedding_coverage
from weerbaar.partners.models import Embedding, Partner

# Below this many coalitions with a scan of a year, no average is shown: with fewer, an
# average would give away one coalition's own levels.
MIN_COALITIONS_FOR_AGGREGATE = 3

WEAK = 2

NEXT_STEPS: dict[str, str | Promise] = {
    Dimension.PARTNERS: _(
        "Invite the key domains that are missing (safety, social development, public health, "
        "education) and ask each new partner what it brings."
    ),
    Dimension.COVENANT: _(
        "Publish the covenant, ask every partner to sign it, and agree concrete pledges for "
        "this year; follow up on what was not delivered."
    ),
    Dimension.KNOWLEDGE: _(
        "Hold a knowledge meeting every quarter and ask each partner to add one lesson "
        "learned to the knowledge base."
    ),
    Dimension.INTERVENTIONS: _(
        "Choose one intervention from the catalogue that fits your priorities and try it for "
        "half a year, with a question you want answered."
    ),
    Dimension.SIGNALLING: _(
        "Agree with the partners which online phenomena they report and who looks at the "
        "signals each week."
    ),
    Dimension.REFERRAL: _("Write down who helps with what, and test the route with one real case."),
    Dimension.EMBEDDING: _(
        "Ask each partner to fill in the embedding checklist, and make structural funding a "
        "topic with the management of each partner."
    ),
}


@dataclass(frozen=True)
class Facts:
    """Figures from the coalition's own data for one year (``None``: not available)."""

    partners: int
    key_domains: int
    covenant_published: bool
    signed_percentage: int | None
    pledges: int
    delivered_percentage: int | None
    knowledge_items: int
    embedding_percentage: int | None

    def as_json(self) -> dict[str, int | bool | None]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, int | bool | None]) -> Facts | None:
        try:
            return cls(**data)  # type: ignore[arg-type]  # the keys are the fields, as stored
        except TypeError:
            return None


def _percentage(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def get_facts(coalition: Coalition, year: int) -> Facts:
    partners = list(for_coalition(Partner.objects.all(), coalition))
    domains = {d for p in partners for d in p.domains}
    published = for_coalition(CovenantVersion.objects.all(), coalition).published().first()
    signed = 0
    if published is not None:
        signed = for_coalition(Signature.objects.all(), coalition).filter(version=published).count()
    commitments = list(
        for_coalition(Commitment.objects.all(), coalition)
        .for_year(year)
        .prefetch_related("deliveries")
    )
    delivered = sum(1 for c in commitments if not is_open(c))
    items = (
        for_coalition(KnowledgeItem.objects.all(), coalition)
        .filter(published_on__year=year)
        .count()
    )
    coverage = get_embedding_coverage(partners, for_coalition(Embedding.objects.all(), coalition))
    embedding = (
        round(sum(row.percentage for row in coverage) / len(coverage))
        if partners and coverage
        else None
    )
    return Facts(
        partners=len(partners),
        key_domains=sum(1 for d in KEY_DOMAINS if d.value in domains),
        covenant_published=published is not None,
        signed_percentage=_percentage(signed, len(partners)) if published else None,
        pledges=len(commitments),
        delivered_percentage=_percentage(delivered, len(commitments)),
        knowledge_items=items,
        embedding_percentage=embedding,
    )


def _band(value: int, bounds: tuple[int, int, int, int]) -> int:
    """The level (0 to 4) whose lower bound ``value`` reaches."""
    return sum(1 for bound in bounds if value >= bound)


def _covenant_level(facts: Facts) -> int:
    """Published (1), signed by half (2), by nearly all with pledges (3), delivered (4)."""
    if not facts.covenant_published:
        return 0
    signed = facts.signed_percentage or 0
    delivered = facts.delivered_percentage or 0
    if signed >= 90 and facts.pledges:
        return 4 if delivered >= 75 else 3
    return 2 if signed >= 50 else 1


def suggest_levels(facts: Facts) -> dict[str, int]:
    """The level the data suggests, for the dimensions the data says something about."""
    suggestions = {
        Dimension.PARTNERS.value: facts.key_domains,
        Dimension.KNOWLEDGE.value: _band(facts.knowledge_items, (1, 3, 6, 12)),
    }
    suggestions[Dimension.COVENANT.value] = _covenant_level(facts)
    if facts.embedding_percentage is not None:
        suggestions[Dimension.EMBEDDING.value] = _band(facts.embedding_percentage, (1, 25, 50, 75))
    return {key: min(4, max(0, level)) for key, level in suggestions.items()}


def describe_facts(facts: Facts) -> dict[str, list[str]]:
    """What the data says per dimension, in words."""
    text: dict[str, list[str]] = {d.value: [] for d in Dimension}
    text[Dimension.PARTNERS].append(
        str(
            _("%(partners)s partners; %(key)s of the 4 key domains on board.")
            % {"partners": facts.partners, "key": facts.key_domains}
        )
    )
    if facts.covenant_published:
        text[Dimension.COVENANT].append(
            str(
                _("Covenant published; signed by %(pct)s%% of the partners.")
                % {"pct": facts.signed_percentage or 0}
            )
        )
    else:
        text[Dimension.COVENANT].append(str(_("No covenant published yet.")))
    if facts.pledges:
        text[Dimension.COVENANT].append(
            str(
                _("%(pledges)s pledges this year, %(pct)s%% delivered.")
                % {"pledges": facts.pledges, "pct": facts.delivered_percentage or 0}
            )
        )
    text[Dimension.KNOWLEDGE].append(
        str(_("%(items)s knowledge items this year.") % {"items": facts.knowledge_items})
    )
    if facts.embedding_percentage is not None:
        text[Dimension.EMBEDDING].append(
            str(
                _("Embedding checklist %(pct)s%% ticked across partners.")
                % {"pct": facts.embedding_percentage}
            )
        )
    return text


def get_next_steps(levels: dict[str, int]) -> list[tuple[Dimension, str | Promise]]:
    """Concrete next steps for each dimension at level 2 or lower, weakest first."""
    weak = sorted(
        (level, index, d)
        for index, d in enumerate(Dimension)
        if (level := levels.get(d.value, 0)) <= WEAK
    )
    return [(d, NEXT_STEPS[d]) for _level, _index, d in weak]


@dataclass(frozen=True)
class AggregateRow:
    dimension: Dimension
    average: float
    coalitions: int


def get_aggregate(levels_per_coalition: Iterable[dict[str, int]]) -> list[AggregateRow] | None:
    """The average level per dimension across coalitions, or ``None`` when too few took part."""
    rows = list(levels_per_coalition)
    if len(rows) < MIN_COALITIONS_FOR_AGGREGATE:
        return None
    return [
        AggregateRow(
            d,
            round(sum(r.get(d.value, 0) for r in rows) / len(rows), 1),
            len(rows),
        )
        for d in Dimension
    ]
