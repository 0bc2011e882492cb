"""Open Referral HSDS 3: export the coalition's help offers, validate, and import them back.

The export holds four lists: ``organizations`` (partners with an active offer), ``services``
(offers, with phones, languages, schedule, area and Weerbaar's own fields as attributes),
``locations`` and ``service_at_locations``. Every object is checked against the vendored HSDS 3
schema of its kind (``hsds/``). The import reads the same format; every record that fails is
reported with its list, position and reason, and the rest is still imported.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from weerbaar.audit.actions import do_record_audit_entry
from weerbaar.audit.choices import AuditAction
from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Coalition
from weerbaar.coalitions.tenancy import for_coalition
from weerbaar.partners.duplicates import normalise_name
from weerbaar.partners.models import Partner
from weerbaar.referrals.choices import Audience, Cost, Language, OfferUrgency
from weerbaar.referrals.models import HelpOffer

if TYPE_CHECKING:
    from weerbaar.accounts.models import User

SCHEMA_DIR = Path(__file__).parent / "hsds"
KINDS = {
    "organizations": "organization",
    "services": "service",
    "locations": "location",
    "service_at_locations": "service_at_location",
}
MAX_IMPORT_BYTES = 5_000_000
# Weerbaar's own fields travel as HSDS attributes with these link types.
ATTRIBUTE_TYPES = {
    "theme": Theme,
    "audience": Audience,
    "urgency": OfferUrgency,
    "cost": Cost,
}


class HsdsError(Exception):
    """The whole file is unusable (not JSON, not an HSDS export); the message says why."""


@cache
def _registry() -> Registry:
    resources = []
    for path in SCHEMA_DIR.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(schema, DRAFT202012)))

    def retrieve(uri: str) -> Resource:
        # Objects that are not vendored (contact, program, metadata, …): anything goes.
        return Resource.from_contents({}, DRAFT202012)

    return Registry(retrieve=retrieve).with_resources(resources)  # type: ignore[call-arg]  # an attrs field mypy does not see


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def get_schema_errors(kind: str, record: Any) -> list[str]:
    """What is wrong with ``record`` as an HSDS ``kind`` (``service``, …); empty when valid."""
    errors = sorted(_validator(kind).iter_errors(record), key=lambda e: list(e.path))
    messages = []
    for error in errors[:5]:
        where = "/".join(str(p) for p in error.path)
        messages.append(f"{where}: {error.message}" if where else error.message)
    return messages


def _uuid(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join(str(p) for p in parts)))


def organization_id(partner: Partner) -> str:
    return _uuid(settings.SITE_URL, partner.coalition.slug, "partner", partner.pk)


# Export


def _attributes(offer: HelpOffer) -> list[dict[str, Any]]:
    rows: list[tuple[str, str, str]] = [("theme", v, str(Theme(v).label)) for v in offer.themes]
    rows += [("audience", v, str(Audience(v).label)) for v in offer.audiences]
    rows.append(("urgency", offer.urgency, offer.get_urgency_display()))
    rows.append(("cost", offer.cost, offer.get_cost_display()))
    rows.append(("anonymous", "yes" if offer.anonymous_possible else "no", "anonymous"))
    if offer.chat_url:
        rows.append(("chat", offer.chat_url, "chat"))
    sid = str(offer.hsds_id)
    return [
        {
            "id": _uuid(sid, "attribute", link_type, value),
            "link_id": sid,
            "link_type": link_type,
            "link_entity": "service",
            "value": value,
            "taxonomy_term_id": _uuid("weerbaar", link_type, value),
            "taxonomy_term": {
                "id": _uuid("weerbaar", link_type, value),
                "code": value,
                "name": label,
                "description": label,
            },
        }
        for link_type, value, label in rows
    ]


def build_service(offer: HelpOffer) -> dict[str, Any]:
    sid = str(offer.hsds_id)
    service: dict[str, Any] = {
        "id": sid,
        "organization_id": organization_id(offer.partner),
        "name": offer.title,
        "description": offer.description,
        "status": "active" if offer.is_active else "inactive",
        "fees_description": offer.get_cost_display(),
        "eligibility_description": ", ".join(offer.get_audience_labels()),
        "assured_date": offer.assured_on.isoformat(),
        "attributes": _attributes(offer),
        "languages": [
            {"id": _uuid(sid, "language", code), "service_id": sid, "code": code, "name": label}
            for code, label in zip(offer.languages, offer.get_language_labels(), strict=False)
        ],
    }
    if offer.website:
        service["url"] = offer.website
    if offer.email:
        service["email"] = offer.email
    if offer.minimum_age is not None:
        service["minimum_age"] = offer.minimum_age
    if offer.maximum_age is not None:
        service["maximum_age"] = offer.maximum_age
    if offer.phone:
        service["phones"] = [{"id": _uuid(sid, "phone"), "service_id": sid, "number": offer.phone}]
    if offer.hours:
        service["schedules"] = [
            {"id": _uuid(sid, "schedule"), "service_id": sid, "description": offer.hours}
        ]
    if offer.area_served:
        service["service_areas"] = [
            {"id": _uuid(sid, "area"), "service_id": sid, "name": offer.area_served}
        ]
    return service


def build_export(coalition: Coalition) -> dict[str, list[dict[str, Any]]]:
    """The coalition's active offers as HSDS 3 objects (what the public endpoint serves)."""
    offers = list(
        for_coalition(HelpOffer.objects.active(), coalition)
        .select_related("partner", "partner__coalition")
        .prefetch_related("service_at_locations__location")
        .order_by("pk")
    )
    partners = {offer.partner.pk: offer.partner for offer in offers}
    organizations = [
        {
            "id": organization_id(p),
            "name": p.name,
            "description": p.description or p.name,
            **({"website": p.website} if p.website else {}),
        }
        for p in sorted(partners.values(), key=lambda p: p.name)
    ]
    locations: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []
    for offer in offers:
        for link in offer.service_at_locations.all():
            place = link.location
            lid = str(place.hsds_id)
            locations[lid] = {
                "id": lid,
                "location_type": "physical",
                "organization_id": organization_id(offer.partner),
                "name": place.name,
                "addresss": [
                    {
                        "id": _uuid(lid, "address"),
                        "location_id": lid,
                        "address_1": place.address,
                        "city": place.city,
                        "state_province": "",
                        "postal_code": place.postal_code,
                        "country": "NL",
                        "address_type": "physical",
                    }
                ],
            }
            links.append(
                {"id": str(link.hsds_id), "service_id": str(offer.hsds_id), "location_id": lid}
            )
    return {
        "organizations": organizations,
        "services": [build_service(offer) for offer in offers],
        "locations": list(locations.values()),
        "service_at_locations": links,
    }


# Import


@dataclass(frozen=True)
class RecordError:
    kind: str
    position: int
    record_id: str
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RecordError] = field(default_factory=list)


def parse_export(data: bytes) -> dict[str, list[Any]]:
    """The four lists of an HSDS file; raises ``HsdsError`` when the file as a whole is wrong."""
    if len(data) > MAX_IMPORT_BYTES:
        raise HsdsError(_("The file is larger than 5 MB."))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise HsdsError(_("The file is not valid JSON.")) from None
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        raise HsdsError(
            _("The file is not an Open Referral export: it has no list called “services”.")
        )
    lists: dict[str, list[Any]] = {}
    for key in KINDS:
        value = document.get(key, [])
        if not isinstance(value, list):
            raise HsdsError(_("“%(key)s” in the file is not a list.") % {"key": key})
        lists[key] = value
    return lists


def _attribute_values(service: dict[str, Any], link_type: str) -> list[str]:
    choices = ATTRIBUTE_TYPES.get(link_type)
    values = [
        a.get("value", "")
        for a in service.get("attributes", [])
        if isinstance(a, dict) and a.get("link_type") == link_type
    ]
    if choices is not None:
        values = [v for v in values if v in choices.values]
    return list(dict.fromkeys(values))


def _first(service: dict[str, Any], key: str, name: str) -> str:
    for item in service.get(key, []):
        if isinstance(item, dict) and isinstance(item.get(name), str):
            return str(item[name])
    return ""


def service_fields(service: dict[str, Any]) -> dict[str, Any]:
    """The offer fields an HSDS service sets; what Weerbaar cannot read is left out."""
    urgency = _attribute_values(service, "urgency")
    cost = _attribute_values(service, "cost")
    anonymous = _attribute_values(service, "anonymous")
    chat = _attribute_values(service, "chat")
    codes = [
        str(lang.get("code", "")) for lang in service.get("languages", []) if isinstance(lang, dict)
    ]
    assured = None
    with contextlib.suppress(ValueError):
        assured = datetime.date.fromisoformat(str(service.get("assured_date", "")))

    def age(key: str) -> int | None:
        value = service.get(key)
        return int(value) if isinstance(value, int | float) and value >= 0 else None

    return {
        "title": str(service.get("name", ""))[:200],
        "description": str(service.get("description", ""))[:2000],
        "themes": _attribute_values(service, "theme"),
        "audiences": _attribute_values(service, "audience"),
        "minimum_age": age("minimum_age"),
        "maximum_age": age("maximum_age"),
        "area_served": _first(service, "service_areas", "name")[:200],
        "phone": _first(service, "phones", "number")[:40],
        "email": str(service.get("email", "")),
        "chat_url": chat[0] if chat else "",
        "website": str(service.get("url", "")),
        "hours": _first(service, "schedules", "description")[:300],
        "cost": cost[0] if cost else Cost.FREE,
        "languages": [c for c in dict.fromkeys(codes) if c in Language.values],
        "anonymous_possible": anonymous == ["yes"],
        "urgency": urgency[0] if urgency else OfferUrgency.REGULAR,
        "is_active": service.get("status") == "active",
        "assured_on": assured,
    }


def _as_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


def do_import_hsds(actor: User, coalition: Coalition, data: bytes) -> ImportResult:
    """Create or update the coalition's offers from an HSDS file.

    Organisations are matched to partners by name; services to offers by their HSDS id.
    Each record is saved on its own, so one bad record loses nothing else.
    """
    from weerbaar.referrals.actions import do_save_help_offer

    lists = parse_export(data)
    result = ImportResult()
    partners = {normalise_name(p.name): p for p in for_coalition(Partner.objects.all(), coalition)}
    organisations: dict[str, Partner] = {}

    def fail(kind: str, position: int, record: Any, message: str) -> None:
        record_id = str(record.get("id", "")) if isinstance(record, dict) else ""
        result.errors.append(RecordError(kind, position + 1, record_id[:100], message))

    valid: dict[str, list[tuple[int, dict[str, Any]]]] = {key: [] for key in KINDS}
    for key, kind in KINDS.items():
        for position, record in enumerate(lists[key]):
            problems = get_schema_errors(kind, record)
            if problems:
                fail(key, position, record, "; ".join(problems))
            else:
                valid[key].append((position, record))
    for position, record in valid["organizations"]:
        partner = partners.get(normalise_name(record["name"]))
        if partner is None:
            fail(
                "organizations",
                position,
                record,
                _("No partner called “%(name)s” in this coalition; add it first.")
                % {"name": record["name"][:100]},
            )
        else:
            organisations[record["id"]] = partner
    addresses: dict[str, dict[str, str]] = {}
    for _position, record in valid["locations"]:
        address = next((a for a in record.get("addresss", []) if a.get("address_1")), None)
        if address is not None:
            addresses[record["id"]] = {
                "location_name": str(record.get("name", ""))[:200],
                "address": str(address["address_1"])[:200],
                "postal_code": str(address.get("postal_code", ""))[:10],
                "city": str(address.get("city", ""))[:100],
            }
    service_locations = {
        r["service_id"]: addresses[r["location_id"]]
        for _p, r in valid["service_at_locations"]
        if r.get("service_id") and r.get("location_id") in addresses
    }
    existing: dict[str, HelpOffer] = {}
    for known in for_coalition(HelpOffer.objects.all(), coalition):
        existing[str(known.hsds_id)] = known
        if known.source_id:
            existing[known.source_id] = known
    for position, record in valid["services"]:
        partner = organisations.get(str(record.get("organization_id", "")))
        if partner is None:
            fail("services", position, record, _("Its organisation is missing or unknown."))
            continue
        fields = service_fields(record)
        fields.update(service_locations.get(record["id"], {}))
        offer = existing.get(record["id"])
        try:
            with transaction.atomic():
                saved = do_save_help_offer(actor, coalition, partner, offer, **fields)
                if offer is None:
                    saved.source_id = str(record["id"])[:100]
                    given = _as_uuid(record["id"])
                    # Not a UUID, or taken elsewhere: the offer keeps the id Weerbaar gave it.
                    if given is not None and not HelpOffer.objects.filter(hsds_id=given).exists():
                        saved.hsds_id = given
                    saved.save(update_fields=["hsds_id", "source_id"])
        except ValidationError as error:
            fail("services", position, record, _message(error))
            continue
        if offer is None:
            result.created += 1
        else:
            result.updated += 1
    do_record_audit_entry(
        AuditAction.HELP_OFFERS_IMPORTED,
        actor=actor,
        coalition=coalition,
        detail={"created": result.created, "updated": result.updated, "errors": len(result.errors)},
    )
    return result
