from __future__ import annotations

import re

from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import get_max_age

from weerbaar.lib.testing import PersonasTestCase


class SecurityHeadersTestCase(PersonasTestCase):
    def test_it_keeps_authenticated_pages_out_of_every_cache(self) -> None:
        self.log_in(self.cees)

        response = self.client.get("/voorbeeldstad/start/")

        self.assertEqual(response.status_code, 200)
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        self.assertIn("no-store", directives)
        self.assertIn("private", directives)
        self.assertEqual(get_max_age(response), 0)

    def test_it_also_keeps_redirects_and_refusals_for_logged_in_people_out_of_caches(self) -> None:
        self.log_in(self.cees)

        refused = self.client.get("/voorbeeldstad/beheer/instellingen/")

        self.assertEqual(refused.status_code, 403)
        self.assertIn("no-store", refused["Cache-Control"])

    def test_it_allows_only_scripts_from_our_own_origin(self) -> None:
        response = self.client.get("/voorbeeldstad/")

        policy = response["Content-Security-Policy"]
        script_src = next(
            d.strip() for d in policy.split(";") if d.strip().startswith("script-src")
        )
        self.assertEqual(script_src, "script-src 'self'")
        scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
        self.assertTrue(scripts)
        for tag in scripts:
            self.assertRegex(tag, r'src="/static/')
        self.assertIn("style-src 'self'", policy)
        self.assertIn("frame-ancestors 'none'", policy)

    def test_it_adds_a_fresh_nonce_only_for_a_page_that_uses_one(self) -> None:
        request = RequestFactory().get("/")
        CSPMiddleware(lambda r: HttpResponse()).process_request(request)
        str(request.csp_nonce)  # type: ignore[attr-defined]
        response = CSPMiddleware(lambda r: HttpResponse()).process_response(request, HttpResponse())

        self.assertIn(f"'nonce-{request._csp_nonce}'", response["Content-Security-Policy"])  # type: ignore[attr-defined]

    def test_it_sends_nosniff_referrer_policy_and_frame_options(self) -> None:
        self.log_in(self.cees)

        response = self.client.get("/voorbeeldstad/start/")

        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
