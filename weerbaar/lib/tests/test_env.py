from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from weerbaar.lib.env import Env

# Only what a process needs to start; none of the developer's or CI's Weerbaar settings.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")


class EnvTestCase(SimpleTestCase):
    def assert_refused(self, variable: str, read: Callable[[], object]) -> None:
        """``read`` must raise ImproperlyConfigured with ``variable`` in the message."""
        with self.assertRaises(ImproperlyConfigured) as caught:
            read()
        self.assertIn(variable, str(caught.exception))

    def test_it_reads_true_and_false_in_their_usual_spellings(self) -> None:
        env = Env({"A": "Yes", "B": " off ", "C": "1", "D": ""})

        self.assertEqual(
            [env.bool("A", False), env.bool("B", True), env.bool("C", False), env.bool("D", True)],
            [True, False, True, False],
        )

    def test_it_refuses_a_bool_it_cannot_read(self) -> None:
        env = Env({"DEBUG": "maybe"})

        self.assert_refused("DEBUG", lambda: env.bool("DEBUG", False))

    def test_it_refuses_an_int_that_is_not_a_number(self) -> None:
        env = Env({"EMAIL_PORT": "25a"})

        self.assert_refused("EMAIL_PORT", lambda: env.int("EMAIL_PORT", 25))

    def test_it_refuses_an_int_below_the_minimum(self) -> None:
        env = Env({"WORKER_THREADS": "0"})

        self.assert_refused("WORKER_THREADS", lambda: env.int("WORKER_THREADS", 2, minimum=1))
        self.assertEqual(Env({"WORKER_THREADS": "1"}).int("WORKER_THREADS", 2, minimum=1), 1)

    def test_it_refuses_a_value_outside_the_choices(self) -> None:
        env = Env({"WEERBAAR_ENVIRONMENT": "staging"})

        self.assert_refused(
            "WEERBAAR_ENVIRONMENT",
            lambda: env.choice(
                "WEERBAAR_ENVIRONMENT", "development", ("development", "production")
            ),
        )

    def test_it_refuses_a_default_outside_the_choices(self) -> None:
        self.assert_refused("MODE", lambda: Env({}).choice("MODE", "other", ("a", "b")))

    def test_it_refuses_a_url_with_another_scheme(self) -> None:
        env = Env({"DATABASE_URL": "mysql://db/weerbaar", "SITE_URL": "weerbaar.example.nl"})

        self.assert_refused(
            "DATABASE_URL",
            lambda: env.url("DATABASE_URL", "", schemes=("sqlite", "postgres", "postgresql")),
        )
        self.assert_refused("SITE_URL", lambda: env.url("SITE_URL", "", schemes=("https",)))

    def test_it_uses_the_defaults_when_nothing_is_set(self) -> None:
        env = Env({})

        self.assertEqual(env.str("NAME", "fallback"), "fallback")
        self.assertIs(env.bool("FLAG", True), True)
        self.assertEqual(env.int("COUNT", 7, minimum=1), 7)
        self.assertEqual(env.list("HOSTS", ["localhost"]), ["localhost"])
        self.assertEqual(env.choice("MODE", "a", ("a", "b")), "a")
        self.assertEqual(env.url("REDIS_URL", "", schemes=("redis",)), "")

    def test_it_reads_set_values(self) -> None:
        env = Env(
            {
                "NAME": "weerbaar",
                "COUNT": "12",
                "HOSTS": " a.example , ,b.example",
                "MODE": "b",
                "REDIS_URL": "redis://localhost:6379/0",
            }
        )

        self.assertEqual(env.str("NAME", ""), "weerbaar")
        self.assertEqual(env.int("COUNT", 1), 12)
        self.assertEqual(env.list("HOSTS", []), ["a.example", "b.example"])
        self.assertEqual(env.choice("MODE", "a", ("a", "b")), "b")
        self.assertEqual(env.url("REDIS_URL", "", schemes=("redis",)), "redis://localhost:6379/0")

    def test_it_reads_os_environ_when_given_no_mapping(self) -> None:
        self.assertIs(Env().environ, os.environ)

    def test_it_refuses_to_start_with_a_bad_database_url(self) -> None:
        environ = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
        with tempfile.TemporaryDirectory() as var_dir:
            environ.update(DATABASE_URL="mysql://x", WEERBAAR_VAR_DIR=var_dir)
            result = subprocess.run(
                [sys.executable, "manage.py", "check"],
                cwd=settings.BASE_DIR,
                env=environ,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )

        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ImproperlyConfigured", result.stderr)
        self.assertIn("DATABASE_URL", result.stderr)
