from __future__ import annotations

import datetime

from django import forms
from django.test import SimpleTestCase
from django.utils import translation

from weerbaar.components.forms import DateInput


class _Form(forms.Form):
    day = forms.DateField(widget=DateInput())


class DateInputTestCase(SimpleTestCase):
    def test_it_renders_an_iso_value_in_dutch_too_so_the_browser_keeps_it(self) -> None:
        with translation.override("nl"):
            html = str(_Form(initial={"day": datetime.date(2026, 11, 30)})["day"])

        self.assertIn('type="date"', html)
        self.assertIn('value="2026-11-30"', html)
