from __future__ import annotations

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from weerbaar.signals.choices import AgeGroup, Platform


class SourceKind(models.TextChoices):
    SIGNALS = "signals", _("Signals of professionals (built in)")
    AGGREGATE_IMPORT = "aggregate_import", _("Import of aggregated figures (CSV or JSON)")
    FEED = "feed", _("RSS or Atom feed of a public source")


class LegalBasis(models.TextChoices):
    """The grounds of article 6(1) GDPR a municipality can use for the monitor."""

    PUBLIC_TASK = "public_task", _("Public task (GDPR art. 6(1)(e))")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest (GDPR art. 6(1)(f))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (GDPR art. 6(1)(c))")
    CONSENT = "consent", _("Consent (GDPR art. 6(1)(a))")
    NO_PERSONAL_DATA = "no_personal_data", _("No personal data (aggregated or public texts)")


class SourceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")


class Period(models.TextChoices):
    WEEK = "week", _("Week")
    MONTH = "month", _("Month")


class AlertMethod(models.TextChoices):
    THRESHOLD = "threshold", _("Fixed threshold: at least this many in a week")
    ZSCORE = "zscore", _("Anomaly: z-score against the previous weeks")
    POISSON = "poisson", _("Anomaly: Poisson tail probability against the previous weeks")


class AlertStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESOLVED = "resolved", _("Resolved")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# Platform and age group codes as signals store them, plus "news" for feed items.
PLATFORM_LABELS: dict[str, str | Promise] = {
    **dict(Platform.choices),
    "news": _("News and public websites"),
    "": _("Unknown"),
}

AGE_GROUP_LABELS: dict[str, str | Promise] = {**dict(AgeGroup.choices), "": _("Unknown")}
