"""A mail backend for the worker process of ``test_delivery_redis``: slow, and it writes down
every recipient, so the test can kill the worker mid-run and count who got what."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class SlowRecordingBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        delay = float(os.environ.get("NEWSFLASH_TEST_MAIL_DELAY", "0.3"))
        log = os.environ["NEWSFLASH_TEST_MAIL_LOG"]
        for message in email_messages:
            time.sleep(delay)
            # One write per mail with O_APPEND: a line is either there whole or not at all.
            with open(log, "a", encoding="utf-8") as file:
                file.write(",".join(message.to) + "\n")
        return len(email_messages)
