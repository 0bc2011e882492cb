from __future__ import annotations

from typing import cast

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from weerbaar.accounts.access import requires
from weerbaar.accounts.models import User
from weerbaar.accounts.policy import Permission
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.covenant.balance import get_balances
from weerbaar.covenant.models import Commitment, CovenantVersion, Delivery, Signature
from weerbaar.dashboard.actions import do_record_export
from weerbaar.dashboard.exports import (
    Table,
    get_commitment_rows,
    get_partner_rows,
    get_signature_rows,
)
from weerbaar.dashboard.figures import (
    count_partners_by_domain,
    get_missing_key_domains,
)
from weerbaar.lib.csv_export import csv_response
from weerbaar.partners.embedding import get_embedding_coverage
from weerbaar.partners.models import Embedding, JoinRequest, Partner


def _domain_summary(partner_count: int, counts: list[tuple[str, int]]) -> str:
    covered = sum(1 for _label, value in counts if value)
    if not partner_count:
        return _("There are no partners yet.")
    largest_label, largest = max(counts, key=lambda row: row[1])
    return ngettext(
        "%(partners)s partner works in %(covered)s of %(domains)s domains; most in "
        "%(largest)s (%(count)s).",
        "%(partners)s partners work in %(covered)s of %(domains)s domains; most in "
        "%(largest)s (%(count)s).",
        partner_count,
    ) % {
        "partners": partner_count,
        "covered": covered,
        "domains": len(counts),
        "largest": largest_label,
        "count": largest,
    }


@requires(Permission.VIEW_DASHBOARD)
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The coordinator's overview: who takes part, who signed, what was pledged and delivered."""
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    partners = list(for_coalition(Partner.objects.all(), coalition))
    domain_counts = count_partners_by_domain(partners)
    version = for_coalition(CovenantVersion.objects.all(), coalition).published().first()
    signed_ids: set[int] = set()
    if version is not None:
        signed_ids = set(
            for_coalition(Signature.objects.all(), coalition)
            .filter(version=version)
            .values_list("partner_id", flat=True)
        )
    year = timezone.localdate().year
    commitments = list(
        for_coalition(Commitment.objects.all(), coalition)
        .for_year(year)
        .prefetch_related(Prefetch("deliveries", queryset=Delivery.objects.order_by("pk")))
    )
    embeddings = list(for_coalition(Embedding.objects.all(), coalition))
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "partner_count": len(partners),
            "domain_counts": domain_counts,
            "domain_summary": _domain_summary(
                len(partners), [(row.label, row.value) for row in domain_counts]
            ),
            "missing_key_domains": [str(d.label) for d in get_missing_key_domains(domain_counts)],
            "version": version,
            "signed_count": len(signed_ids),
            "unsigned_partners": [p for p in partners if p.pk not in signed_ids],
            "year": year,
            "balances": get_balances(commitments),
            "pending_join_requests": for_coalition(
                JoinRequest.objects.pending(), coalition
            ).count(),
            "coverage": get_embedding_coverage(partners, embeddings),
        },
    )


def _export(request: HttpRequest, name: str, table: Table) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    header, rows = table
    do_record_export(cast(User, request.user), coalition, name, len(rows), request)
    date = timezone.localdate().isoformat()
    return csv_response(f"{coalition.slug}-{name}-{date}.csv", header, rows)


@requires(Permission.EXPORT_COALITION_DATA)
def export_partners(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    partners = for_coalition(Partner.objects.all(), coalition).select_related("embedding")
    return _export(request, "partners", get_partner_rows(partners))


@requires(Permission.EXPORT_COALITION_DATA)
def export_signatures(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    signatures = (
        for_coalition(Signature.objects.all(), coalition)
        .select_related("version", "partner")
        .order_by("version__number", "partner__name")
    )
    return _export(request, "signatures", get_signature_rows(signatures))


@requires(Permission.EXPORT_COALITION_DATA)
def export_commitments(request: HttpRequest, slug: str) -> HttpResponse:
    coalition: Coalition = request.coalition  # type: ignore[attr-defined]
    commitments = (
        for_coalition(Commitment.objects.all(), coalition)
        .select_related("partner")
        .prefetch_related("deliveries")
        .order_by("-year", "partner__name", "pk")
    )
    return _export(request, "commitments", get_commitment_rows(commitments))
