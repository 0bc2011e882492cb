from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.coalitions.models import Coalition


class Visit(models.Model):
    """When a member last opened their coalition's home: the start of "new since"."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    last_seen_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coalition", "user"], name="updates_one_visit")
        ]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self) -> str:
        return f"{self.user_id}@{self.coalition_id}: {self.last_seen_at:%Y-%m-%d %H:%M}"


class DigestSubscription(models.Model):
    """A member who wants the weekly digest of what is new in a coalition."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Until when the last digest reported; the next one starts here.
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coalition", "user"], name="updates_one_digest")
        ]
        verbose_name = _("weekly digest subscription")
        verbose_name_plural = _("weekly digest subscriptions")

    def __str__(self) -> str:
        return f"{self.user_id}@{self.coalition_id}"
