"""Weerbaar's text engine: redaction, theme classification and near-duplicate detection.

Pure Python on the standard library and snowballstemmer, with no Django imports, so the
same code runs in views, background jobs, the command line and benchmarks.
See docs/text-engine.md.
"""

from __future__ import annotations

from weerbaar.text.redaction import PLACEHOLDERS, Redacted, Span, redact

__all__ = ["PLACEHOLDERS", "Redacted", "Span", "redact"]
