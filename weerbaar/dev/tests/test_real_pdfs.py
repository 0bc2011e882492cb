"""Every PDF the product offers, rendered by the real WeasyPrint on the demo installation.

WeasyPrint is the optional ``[pdf]`` extra (it needs Pango); ``.ci/run`` installs it and runs
these tests (marker ``pdf``). Elsewhere the views send people to the printable page instead,
which the modules' own tests cover.
"""

from __future__ import annotations

import importlib.util
from typing import ClassVar

import pytest
from django.test import Client, TestCase
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.accounts.models import User
from weerbaar.blueprint.models import MaturityScan
from weerbaar.dev.demo import load_demo
from weerbaar.trends.choices import ReportStatus
from weerbaar.trends.models import TrendReport

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(
        importlib.util.find_spec("weasyprint") is None, reason="WeasyPrint ([pdf]) not installed"
    ),
]


class RealPdfTestCase(TestCase):
    report_id: ClassVar[int]
    scan_year: ClassVar[int]

    @classmethod
    def setUpTestData(cls) -> None:
        load_demo()
        report = TrendReport.objects.filter(
            coalition__slug="voorbeeldstad", status=ReportStatus.PUBLISHED
        ).first()
        assert report is not None
        cls.report_id = report.pk
        scan = MaturityScan.objects.filter(coalition__slug="zeeuwse-kust").first()
        assert scan is not None
        cls.scan_year = scan.year

    def client_for(self, email: str) -> Client:
        user = User.objects.get(email=email)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None:
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
        return client

    def assert_pdf(self, email: str, url: str) -> None:
        response = self.client_for(email).get(url)

        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF-"), url)
        self.assertGreater(len(response.content), 2000, url)

    def test_the_covenant(self) -> None:
        self.assert_pdf("cees@voorbeeldstad.example", "/voorbeeldstad/convenant/pdf/")

    def test_the_trend_report(self) -> None:
        self.assert_pdf(
            "cees@voorbeeldstad.example", f"/voorbeeldstad/trends/rapporten/{self.report_id}/pdf/"
        )

    def test_the_plan_and_the_maturity_scan(self) -> None:
        self.assert_pdf("eva@zeeuwse-kust.example", "/zeeuwse-kust/beheer/plan/export/pdf/")
        self.assert_pdf(
            "eva@zeeuwse-kust.example",
            f"/zeeuwse-kust/beheer/volwassenheid/{self.scan_year}/export/pdf/",
        )
