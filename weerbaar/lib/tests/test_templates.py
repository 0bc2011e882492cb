"""Checks over every template file: mistakes that render without an error but break a page."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

TITLE_BLOCK = re.compile(r"{% block title %}(.*?){% endblock %}", re.DOTALL)


def template_files() -> list[Path]:
    root = Path(settings.BASE_DIR)
    return sorted(
        path
        for folder in [root / "templates", root / "weerbaar"]
        for path in folder.rglob("*.html")
        if ".venv" not in path.parts
    )


class TemplateTestCase(SimpleTestCase):
    def test_every_page_title_is_plain_text(self) -> None:
        """A title block that swallowed markup shows it in the browser tab and hides it from
        the page (it happened twice: the help page and the dashboard's export links)."""
        files = template_files()
        self.assertGreater(len(files), 50)
        for path in files:
            for title in TITLE_BLOCK.findall(path.read_text(encoding="utf-8")):
                with self.subTest(template=str(path)):
                    self.assertNotIn("<", title)
                    self.assertNotIn("\n", title.strip())
