"""No overbooking, ever (ASVS 2.3.4): simultaneous registrations on a real PostgreSQL.

Fifty threads, each with its own database connection, register at once for an event with ten
places; a hundred rounds, each on a fresh event. Exactly ten must get a place every time, the
rest the waiting list. The threads stay alive across rounds (a barrier starts each round), so
the test spends its time on the registrations, not on opening connections.
"""

from __future__ import annotations

import threading
import unittest
from collections import Counter
from unittest import mock

from django.db import connection, connections
from django.test import TransactionTestCase

from weerbaar.accounts.choices import Role
from weerbaar.accounts.models import Membership
from weerbaar.events.actions import do_register_member
from weerbaar.events.choices import RegistrationStatus
from weerbaar.events.models import Event, Registration
from weerbaar.events.tests.base import make_event
from weerbaar.lib.testing import create_coalition, create_member

THREADS = 50
PLACES = 10
ROUNDS = 100


@unittest.skipUnless(
    connection.vendor == "postgresql",
    "Needs PostgreSQL: SQLite has no row locks and runs one write transaction at a time, so "
    "it cannot show a race. CI runs this test on PostgreSQL (.ci/run).",
)
class ConcurrentRegistrationTestCase(TransactionTestCase):
    def test_it_never_gives_more_places_than_there_are(self) -> None:
        coalition = create_coalition("voorbeeldstad", "Online Coalitie Voorbeeldstad")
        memberships = [
            Membership.objects.select_related("user", "organisation").get(
                user=create_member(coalition, f"lid{n}@example.org", f"Lid {n}", Role.MEMBER)
            )
            for n in range(THREADS)
        ]
        events = [make_event(coalition, capacity=PLACES) for _ in range(ROUNDS)]
        start = threading.Barrier(THREADS)
        done = threading.Barrier(THREADS)
        errors: list[BaseException] = []

        def worker(membership: Membership) -> None:
            try:
                # A test database: durability does not matter, speed does.
                with connection.cursor() as cursor:
                    cursor.execute("SET synchronous_commit = off")
                for event in events:
                    start.wait(timeout=60)
                    try:
                        do_register_member(membership, event)
                    except BaseException as error:
                        errors.append(error)
                    done.wait(timeout=60)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=worker, args=(m,)) for m in memberships]
        # The mail about each place is not what this test is about, and rendering 5,000 of
        # them would take most of its time.
        with mock.patch("weerbaar.events.actions.notifications.notify_registration_result"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        self.assertEqual(errors, [])
        for event in Event.objects.filter(pk__in=[e.pk for e in events]):
            with self.subTest(event=event.pk):
                counts = Counter(
                    Registration.objects.filter(event=event).values_list("status", flat=True)
                )
                self.assertEqual(counts[RegistrationStatus.CONFIRMED], PLACES)
                self.assertEqual(counts[RegistrationStatus.WAITLISTED], THREADS - PLACES)
