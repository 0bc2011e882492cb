from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.test import SimpleTestCase

from weerbaar.lib.csv_export import BOM, csv_response, neutralise_cell, render_csv


class CsvExportTestCase(SimpleTestCase):
    def test_it_quotes_every_cell_a_spreadsheet_would_run_as_a_formula(self) -> None:
        for text in ("=1+1", "+31 6", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'):
            with self.subTest(text=text):
                self.assertEqual(neutralise_cell(text), "'" + text)

    def test_it_leaves_ordinary_text_and_numbers_alone(self) -> None:
        self.assertEqual(neutralise_cell("Bibliotheek = kennis"), "Bibliotheek = kennis")
        self.assertEqual(neutralise_cell("café"), "café")
        self.assertEqual(neutralise_cell(Decimal("-2.50")), "-2.50")
        self.assertEqual(neutralise_cell(3), "3")
        self.assertEqual(neutralise_cell(None), "")

    def test_it_writes_utf8_with_a_byte_order_mark_and_reads_back(self) -> None:
        text = render_csv(["Naam", "Notitie"], [["Sportclub Zeeën", "=cmd|' /C calc'!A0"]])

        self.assertTrue(text.startswith(BOM))
        rows = list(csv.reader(io.StringIO(text[1:])))
        self.assertEqual(rows, [["Naam", "Notitie"], ["Sportclub Zeeën", "'=cmd|' /C calc'!A0"]])

    def test_it_answers_with_an_attachment(self) -> None:
        response = csv_response("partners.csv", ["Naam"], [["Zorg"]])

        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="partners.csv"')
        self.assertTrue(response.content.startswith(BOM.encode()))

    def test_it_refuses_a_file_name_that_could_break_the_header(self) -> None:
        for name in ('a".csv', "é.csv", "../x.csv"):
            with self.subTest(name=name), self.assertRaises(ValueError):
                csv_response(name, [], [])
