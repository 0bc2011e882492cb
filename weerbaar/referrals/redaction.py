"""Free text about a case passes the text engine's redaction before it is stored.

Names, phone numbers, e-mail addresses, addresses, BSNs and the like become placeholders
("[telefoon]"); the raw text is never saved, logged or queued.
"""

from __future__ import annotations


def redact_case_text(text: str) -> str:
    from weerbaar.text import redact

    return redact(text.strip()).text
