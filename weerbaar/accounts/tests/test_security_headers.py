from __future__ import annotations

import re

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

    def test_it_puts_the_page_nonce_in_the_content_security_policy(self) -> None:
        response = self.client.get("/voorbeeldstad/")

        policy = response["Content-Security-Policy"]
        script_src = next(
            d.strip() for d in policy.split(";") if d.strip().startswith("script-src")
        )
        match = re.search(r"'nonce-([^']+)'", script_src)
        assert match is not None, policy
        nonce = match.group(1)
        scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
        self.assertTrue(scripts)
        for tag in scripts:
            self.assertIn(f'nonce="{nonce}"', tag)
        self.assertNotIn("'unsafe-inline'", script_src)
        self.assertIn("frame-ancestors 'none'", policy)

    def test_it_uses_a_fresh_nonce_for_every_response(self) -> None:
        first = self.client.get("/voorbeeldstad/")["Content-Security-Policy"]
        second = self.client.get("/voorbeeldstad/")["Content-Security-Policy"]

        self.assertNotEqual(first, second)

    def test_it_sends_nosniff_referrer_policy_and_frame_options(self) -> None:
        self.log_in(self.cees)

        response = self.client.get("/voorbeeldstad/start/")

        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")
        self.assertEqual(response["X-Frame-Options"], "DENY")
