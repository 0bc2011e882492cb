from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.choices import AreaKind, FocusArea, Theme
from weerbaar.coalitions.looks import DEFAULT_LOOK, LOOKS, Look, get_look
from weerbaar.coalitions.querysets import CoalitionQuerySet

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import RelatedManager

# First path segments the platform itself uses; a coalition slug may not take them.
RESERVED_SLUGS = frozenset(
    {
        "account",
        "platform",
        "static",
        "media",
        "api",
        "i18n",
        "toegankelijkheid",
        "admin",
        "beheer",
        "blauwdruk",
        "help",
        "over",
        "healthz",
        "favicon.ico",
        "robots.txt",
    }
)


def validate_slug_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This web address is used by the platform itself."))


@deconstructible
class ChoiceListValidator:
    """Accepts a JSON list whose items all come from ``values`` (a TextChoices' values)."""

    def __init__(self, values: list[str]) -> None:
        self.values = list(values)

    def __call__(self, value: object) -> None:
        if not isinstance(value, list) or not set(value) <= set(self.values):
            raise ValidationError(_("Choose from the listed options."))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChoiceListValidator) and other.values == self.values

    def __hash__(self) -> int:
        return hash(tuple(self.values))


class Coalition(models.Model):
    """A local online coalition: the tenant that owns almost every other row."""

    slug = models.SlugField(
        _("web address"),
        max_length=50,
        unique=True,
        validators=[validate_slug_not_reserved],
        help_text=_("Lowercase letters, digits and hyphens; the coalition lives at /<address>/."),
    )
    name = models.CharField(_("name"), max_length=150)
    region = models.CharField(_("region"), max_length=150)
    ambition = models.TextField(_("ambition"), blank=True)
    focus_areas = models.JSONField(
        _("focus areas"),
        default=list,
        blank=True,
        validators=[ChoiceListValidator(FocusArea.values)],
    )
    themes = models.JSONField(
        _("themes"), default=list, blank=True, validators=[ChoiceListValidator(Theme.values)]
    )
    look = models.CharField(
        _("look"),
        max_length=40,
        default=DEFAULT_LOOK,
        choices=[(look.key, look.label) for look in LOOKS.values()],
    )
    is_public = models.BooleanField(
        _("listed publicly"),
        default=True,
        help_text=_("Show the coalition on the platform home page."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CoalitionQuerySet.as_manager()

    if TYPE_CHECKING:
        principles: RelatedManager[Principle]
        areas: RelatedManager[Area]

    class Meta:
        ordering = ["name"]
        verbose_name = _("coalition")
        verbose_name_plural = _("coalitions")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("coalitions:public_page", kwargs={"slug": self.slug})

    def get_look(self) -> Look:
        return get_look(self.look)

    def get_focus_area_labels(self) -> list[str]:
        return [str(FocusArea(value).label) for value in self.focus_areas]

    def get_theme_labels(self) -> list[str]:
        return [str(Theme(value).label) for value in self.themes]


class Principle(models.Model):
    """One of the principles (uitgangspunten) every partner of the coalition endorses."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="principles")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("principle"), max_length=300)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self) -> str:
        return self.text


class Area(models.Model):
    """A district, or a municipality in a regional coalition; signals and offers refer to it."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=20, choices=AreaKind.choices, default=AreaKind.DISTRICT
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="area_unique_name"),
        ]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name
