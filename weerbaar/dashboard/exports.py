"""The rows of the coordinator's CSV exports; headers are translated, cells are plain data."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.covenant.balance import is_open
from weerbaar.covenant.choices import CommitmentKind
from weerbaar.covenant.models import Commitment, Signature
from weerbaar.lib.csv_export import Cell
from weerbaar.partners.models import Embedding, Partner

Table = tuple[list[str], list[list[Cell]]]


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def get_partner_rows(partners: Iterable[Partner]) -> Table:
    header = [
        _("Name"),
        _("Domains"),
        _("Website"),
        _("Shown on the public page"),
        _("Description"),
        _("Expertise"),
        _("Endorsed by own management"),
        _("Named contact person"),
        _("Budget line for the coalition's work"),
        _("Budget per year in euros"),
        _("Embedded since"),
    ]
    rows: list[list[Cell]] = []
    for partner in partners:
        embedding: Embedding | None = getattr(partner, "embedding", None)
        rows.append(
            [
                partner.name,
                "; ".join(partner.get_domain_labels()),
                partner.website,
                _yes_no(partner.is_public),
                partner.description,
                partner.expertise,
                _yes_no(bool(embedding and embedding.endorsed_by_management)),
                embedding.contact_person if embedding else "",
                _yes_no(bool(embedding and embedding.has_budget)),
                embedding.budget_euros if embedding else None,
                embedding.embedded_since.isoformat()
                if embedding and embedding.embedded_since
                else "",
            ]
        )
    return header, rows


def get_signature_rows(signatures: Iterable[Signature]) -> Table:
    header = [_("Version"), _("Title"), _("Partner"), _("Name"), _("Function"), _("Signed")]
    rows: list[list[Cell]] = [
        [
            s.version.number,
            s.version.title,
            s.partner.name,
            s.signer_name,
            s.signer_function,
            timezone.localtime(s.signed_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for s in signatures
    ]
    return header, rows


def get_commitment_rows(commitments: Iterable[Commitment]) -> Table:
    """One row per pledge with what was delivered; prefetch ``deliveries`` and ``partner``."""
    header = [
        _("Partner"),
        _("Year"),
        _("Kind"),
        _("Description"),
        _("Hours pledged"),
        _("Euros pledged"),
        _("Hours delivered"),
        _("Euros delivered"),
        _("Deliveries"),
        _("Open"),
    ]
    rows: list[list[Cell]] = []
    for c in commitments:
        deliveries = list(c.deliveries.all())
        rows.append(
            [
                c.partner.name,
                c.year,
                str(CommitmentKind(c.kind).label),
                c.description,
                c.hours,
                c.euros,
                sum((d.hours or Decimal(0) for d in deliveries), Decimal(0))
                if c.kind == CommitmentKind.TIME
                else None,
                sum((d.euros or Decimal(0) for d in deliveries), Decimal(0))
                if c.kind == CommitmentKind.MONEY
                else None,
                len(deliveries),
                _yes_no(is_open(c)),
            ]
        )
    return header, rows
