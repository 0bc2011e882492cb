"""The browser fixtures of the shared browser tests, for ``test_browser.py`` here."""

from weerbaar.components.tests.test_browser import browser, console, page  # noqa: F401
