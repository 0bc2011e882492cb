from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsflashStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    # Claimed by a worker that is sending it right now; a row left here by a crash is marked
    # failed by the recovery job, never sent again by itself.
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
