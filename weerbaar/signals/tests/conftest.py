"""The browser fixtures of the component tests, shared with this app's browser test."""

from __future__ import annotations

from weerbaar.components.tests.test_browser import browser, console, page  # noqa: F401
