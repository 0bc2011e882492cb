from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.choices import Role
from weerbaar.coalitions.models import ChoiceListValidator, Coalition
from weerbaar.lib.markdown import render_markdown
from weerbaar.newsflash.choices import DeliveryStatus, NewsflashStatus
from weerbaar.newsflash.querysets import DeliveryQuerySet, NewsflashQuerySet
from weerbaar.partners.choices import Domain


class Newsflash(models.Model):
    """One numbered issue of a coalition's newsflash: an intro and chosen recent items."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="newsflashes")
    number = models.PositiveIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), max_length=10000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NewsflashStatus.choices, default=NewsflashStatus.DRAFT
    )
    # Who receives it, among the members who opted in: empty lists mean everyone.
    roles = models.JSONField(
        _("roles"), default=list, blank=True, validators=[ChoiceListValidator(Role.values)]
    )
    domains = models.JSONField(
        _("domains"), default=list, blank=True, validators=[ChoiceListValidator(Domain.values)]
    )
    created_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = NewsflashQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "number"], name="newsflash_number_unique")
        ]
        verbose_name = _("newsflash")
        verbose_name_plural = _("newsflashes")

    def __str__(self) -> str:
        return self.get_heading()

    def get_absolute_url(self) -> str:
        return reverse("newsflash:issue", args=[self.coalition.slug, self.number])

    def get_heading(self) -> str:
        """The number and title, as the coalition has always written them."""
        return gettext("Newsflash nº %(number)s – %(title)s") % {  # noqa: RUF001  # a dash
            "number": self.number,
            "title": self.title,
        }

    def get_intro_html(self) -> SafeString:
        return render_markdown(self.intro)

    def is_draft(self) -> bool:
        return self.status == NewsflashStatus.DRAFT

    def get_role_labels(self) -> list[str]:
        return [str(Role(v).label) for v in self.roles if v in Role.values]

    def get_domain_labels(self) -> list[str]:
        return [str(Domain(v).label) for v in self.domains if v in Domain.values]


class NewsflashEntry(models.Model):
    """An item in an issue, copied when chosen so the archive shows what was sent even after
    the item itself changes or goes."""

    newsflash = models.ForeignKey(Newsflash, on_delete=models.CASCADE, related_name="entries")
    # The key of a content source in ``newsflash.sources`` ("knowledge", "campaign", …).
    source = models.CharField(max_length=30)
    object_id = models.PositiveIntegerField()
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=200)
    summary = models.TextField(max_length=2000, blank=True)
    # A path on this site, made absolute with SITE_URL in the mail.
    path = models.CharField(max_length=300)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsflash", "source", "object_id"], name="newsflash_entry_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class NewsflashSubscription(models.Model):
    """A member's choice to receive the newsflash of one coalition (opt-in: no row, no mail)."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="newsflash_subscriptions"
    )
    subscribed = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "user"], name="newsflash_subscription_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.coalition}): {self.subscribed}"


class NewsflashDelivery(models.Model):
    """One recipient of one issue. Workers claim a pending row with a conditional UPDATE, so
    two workers, or a worker restarted after a crash, never send the same row twice."""

    newsflash = models.ForeignKey(Newsflash, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    email = models.EmailField()
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    # A short reason (the exception's class), never the message: it may hold addresses.
    error = models.CharField(max_length=200, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["newsflash", "email"], name="newsflash_delivery_unique")
        ]
        indexes = [
            # The worker's next pending row and the status counts of one issue.
            models.Index(fields=["newsflash", "status"], name="newsflash_delivery_status"),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.status}"
