from __future__ import annotations

from typing import Any

from django.template import Context, Template
from django.test import SimpleTestCase, override_settings


def render(rows: list[Any], caption: str = "Partners", summary: str = "") -> str:
    template = Template("{% bar_chart rows caption summary %}")
    return template.render(Context({"rows": rows, "caption": caption, "summary": summary}))


@override_settings(LANGUAGE_CODE="en")
class BarChartTestCase(SimpleTestCase):
    def test_it_scales_bars_to_the_largest_value(self) -> None:
        html = render([{"label": "Onderwijs", "value": 4}, {"label": "Zorg", "value": 2}])

        self.assertIn('width="280"', html)
        self.assertIn('width="140"', html)

    def test_it_puts_every_value_in_the_table_and_hides_the_svg_from_screen_readers(self) -> None:
        html = render([{"label": "Onderwijs", "value": 4}], summary="Vier partners.")

        self.assertIn('aria-hidden="true"', html)
        self.assertIn('<th class="utrecht-table__header-cell" scope="row">Onderwijs</th>', html)
        self.assertIn("Vier partners.", html)
        self.assertNotIn("style=", html)

    def test_it_draws_no_bar_for_zeros_negatives_or_no_rows(self) -> None:
        html = render([{"label": "Politie", "value": 0}, {"label": "Fout", "value": -3}])

        self.assertEqual(html.count('width="0"'), 2)
        self.assertIn("<svg", render([]))

    def test_it_escapes_labels(self) -> None:
        html = render([{"label": "<script>", "value": 1}], caption="<b>")

        self.assertNotIn("<script>", html)
        self.assertNotIn("<b>", html)
