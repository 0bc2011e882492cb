from __future__ import annotations

from django.test import SimpleTestCase
from django.utils.safestring import SafeString

from weerbaar.lib.markdown import render_markdown


class MarkdownTestCase(SimpleTestCase):
    def test_it_renders_paragraphs_lists_and_emphasis(self) -> None:
        html = render_markdown("Samen **sterk**.\n\n- kennis\n- tijd")

        self.assertIsInstance(html, SafeString)
        self.assertIn("<strong>sterk</strong>", html)
        self.assertIn("<li>kennis</li>", html)

    def test_it_starts_headings_at_level_two(self) -> None:
        html = render_markdown("# Ambitie\n\n## Uitgangspunten")

        self.assertIn("<h2>Ambitie</h2>", html)
        self.assertNotIn("<h1>", html)

    def test_it_removes_scripts_raw_html_and_event_handlers(self) -> None:
        html = render_markdown(
            '<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n'
            '<p onclick="alert(3)">tekst</p>'
        )

        self.assertNotIn("<script", html)
        self.assertNotIn("<img", html)
        self.assertNotIn("onclick", html)
        self.assertNotIn("onerror", html)

    def test_it_drops_javascript_links_and_marks_others_noopener(self) -> None:
        html = render_markdown("[veilig](https://example.org) [eng](javascript:alert(1))")

        self.assertIn('href="https://example.org"', html)
        self.assertIn('rel="noopener noreferrer"', html)
        self.assertNotIn("javascript:", html)
