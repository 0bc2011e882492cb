"""The browser fixtures of the component tests, shared with this app's browser tests."""

from weerbaar.components.tests.test_browser import browser, console, page  # noqa: F401
