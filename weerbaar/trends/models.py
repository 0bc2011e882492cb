from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import Theme
from weerbaar.coalitions.models import Coalition
from weerbaar.trends.choices import (
    AlertMethod,
    AlertStatus,
    LegalBasis,
    Period,
    ReportStatus,
    SourceKind,
    SourceStatus,
)
from weerbaar.trends.periods import week_label
from weerbaar.trends.querysets import RollupQuerySet, SourceQuerySet

DEFAULT_K = 10


class TrendSettings(models.Model):
    """Per-coalition settings of the trend monitor (kept here so the coalition stays small)."""

    coalition = models.OneToOneField(
        Coalition, on_delete=models.CASCADE, related_name="trend_settings"
    )
    k_threshold = models.PositiveSmallIntegerField(
        _("smallest number shown"),
        default=DEFAULT_K,
        validators=[MinValueValidator(2), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("trend monitor settings")
        verbose_name_plural = _("trend monitor settings")

    def __str__(self) -> str:
        return str(self.coalition)


class Source(models.Model):
    """A data source of the trend monitor and, with the same fields, its processing register entry.

    There is deliberately no kind of source that follows a person, an account or a group.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="trend_sources")
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    name = models.CharField(_("name"), max_length=150)
    url = models.URLField(_("feed address"), max_length=500, blank=True)
    purpose = models.TextField(_("purpose"), max_length=2000, blank=True)
    legal_basis = models.CharField(
        _("legal basis"), max_length=30, choices=LegalBasis.choices, blank=True
    )
    dpia_reference = models.CharField(_("DPIA reference"), max_length=200, blank=True)
    retention_days = models.PositiveIntegerField(
        _("retention in days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3660)],
    )
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SourceStatus.choices, default=SourceStatus.DRAFT
    )
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    # Signals source: signals changed up to this moment are in the rollups.
    counted_until = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name", "pk"]
        indexes = [
            # The periodic fetch: active feeds of every coalition.
            models.Index(fields=["kind", "status"], name="trends_source_kind_status"),
        ]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name

    def get_missing_register_fields(self) -> list[str]:
        """Verbose names of the register fields still empty; a source with any cannot be active."""
        names = ["purpose", "legal_basis", "dpia_reference", "retention_days", "owner"]
        if self.kind == SourceKind.FEED:
            names.append("url")
        missing = []
        for name in names:
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                missing.append(str(self._meta.get_field(name).verbose_name))  # type: ignore[union-attr]  # a concrete field
        return missing

    def is_active(self) -> bool:
        return self.status == SourceStatus.ACTIVE


class FeedItem(models.Model):
    """One item of a public feed: title, summary, link and date; redacted, never its author."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="feed_items")
    key = models.CharField(max_length=64)  # sha256 of the item's guid or link
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("published"))
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    fetched_at = models.DateTimeField(auto_now_add=True)
    rolled_up = models.BooleanField(default=False)

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="trends_feed_item_unique"),
        ]
        indexes = [
            # The incremental rollup job: rows not counted yet. Partial, so it holds only the
            # few pending rows and the job never scans the counted millions.
            models.Index(
                fields=["id"],
                condition=models.Q(rolled_up=False),
                name="trends_feed_item_pending",
            ),
            # Emerging terms: one coalition's items of a period.
            models.Index(fields=["coalition", "published_at"], name="trends_feed_item_date"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_text(self) -> str:
        return f"{self.title}\n{self.summary}"


class AggregateImport(models.Model):
    """One committed upload of aggregated figures (counts, never rows about people)."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="imports")
    file_name = models.CharField(_("file name"), max_length=200)
    row_count = models.PositiveIntegerField(_("rows"))
    total = models.PositiveIntegerField(_("total count"))
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name


class AggregateFigure(models.Model):
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    batch = models.ForeignKey(AggregateImport, on_delete=models.CASCADE, related_name="figures")
    week_start = models.DateField()
    theme = models.CharField(max_length=30, choices=Theme.choices)
    platform = models.CharField(max_length=30, blank=True)
    area = models.CharField(max_length=100, blank=True)
    age_group = models.CharField(max_length=30, blank=True)
    count = models.PositiveIntegerField()
    rolled_up = models.BooleanField(default=False)

    class Meta:
        indexes = [
            # The incremental rollup job: rows not counted yet (partial, as for feed items).
            models.Index(
                fields=["id"],
                condition=models.Q(rolled_up=False),
                name="trends_figure_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.week_start} {self.theme}: {self.count}"


class SignalFact(models.Model):
    """What the rollups counted for one signal, so a later change (triage) can be corrected.

    Holds the signal's id, not a foreign key: a signal deleted after its retention period
    stays counted, as a number without content.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    signal_id = models.PositiveBigIntegerField(unique=True)
    day = models.DateField()
    theme = models.CharField(max_length=30)
    platform = models.CharField(max_length=30, blank=True)
    area = models.CharField(max_length=100, blank=True)
    age_group = models.CharField(max_length=30, blank=True)

    def __str__(self) -> str:
        return f"{self.signal_id} {self.day} {self.theme}"


class Rollup(models.Model):
    """How many items of one source fell in one week or month, per theme x platform x area x age.

    Maintained incrementally by ``rollups.do_roll_up_pending``; dashboards read only this.
    """

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=5, choices=Period.choices)
    period_start = models.DateField()
    theme = models.CharField(max_length=30)
    platform = models.CharField(max_length=30, blank=True)
    area = models.CharField(max_length=100, blank=True)
    age_group = models.CharField(max_length=30, blank=True)
    count = models.PositiveIntegerField(default=0)

    objects = RollupQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "source",
                    "period",
                    "period_start",
                    "theme",
                    "platform",
                    "area",
                    "age_group",
                ],
                name="trends_rollup_unique_cell",
            ),
        ]
        indexes = [
            # The dashboard: one coalition's weeks in a date range, summed per theme.
            models.Index(
                fields=["coalition", "period", "period_start", "theme"],
                name="trends_rollup_dashboard",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.period_start} {self.theme}: {self.count}"


class WatchList(models.Model):
    """An analyst's list of terms; matches in new feed items and signals are counted per week."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    terms = models.TextField(
        _("terms"), max_length=5000, help_text=_("One word or short phrase per line.")
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="trends_watch_list_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_terms(self) -> list[str]:
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


class WatchMatch(models.Model):
    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    watch_list = models.ForeignKey(WatchList, on_delete=models.CASCADE, related_name="matches")
    week_start = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["week_start"]
        constraints = [
            models.UniqueConstraint(fields=["watch_list", "week_start"], name="trends_match_week"),
        ]

    def __str__(self) -> str:
        return f"{self.watch_list_id} {self.week_start}: {self.count}"


class AlertRule(models.Model):
    """An early-warning rule: a weekly count (of a theme, area or watch list) and a method."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices, blank=True)
    area = models.CharField(_("area"), max_length=100, blank=True)
    watch_list = models.ForeignKey(
        WatchList,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rules",
        verbose_name=_("watch list"),
    )
    method = models.CharField(_("method"), max_length=10, choices=AlertMethod.choices)
    threshold = models.FloatField(_("threshold"))
    min_count = models.PositiveIntegerField(_("minimum count"), default=5)
    baseline_weeks = models.PositiveSmallIntegerField(
        _("baseline weeks"), default=8, validators=[MinValueValidator(2), MaxValueValidator(52)]
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Alert(models.Model):
    """One firing of a rule for one week; the numbers that made it fire are kept with it."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    rule = models.ForeignKey(AlertRule, on_delete=models.CASCADE, related_name="alerts")
    week_start = models.DateField(_("week"))
    status = models.CharField(
        _("status"), max_length=15, choices=AlertStatus.choices, default=AlertStatus.OPEN
    )
    explanation = models.JSONField(default=dict)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    handled_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-week_start", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "week_start"], name="trends_alert_once"),
        ]

    def __str__(self) -> str:
        return f"{self.rule} ({self.week_start})"

    def get_week_label(self) -> str:
        return week_label(self.week_start)


class TrendReport(models.Model):
    """ "Trendmonitor jeugd online — <period>": figures from the rollups, small cells hidden,
    with the analysts' commentary; published to the members of the coalition."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    # The figures as they were when the report was made (``figures.Dashboard`` as JSON, with
    # cells below k already hidden), so a published report never changes afterwards.
    figures = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    commentary = models.TextField(_("commentary"), max_length=20000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "period_start", "period_end"], name="trends_report_period"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_published(self) -> bool:
        return self.status == ReportStatus.PUBLISHED
