"""Events where members meet them outside the programme: the member home and the newsflash."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from weerbaar.events.actions import do_create_event
from weerbaar.events.tests.base import event_fields, make_event
from weerbaar.lib.testing import PersonasTestCase
from weerbaar.newsflash.actions import do_set_subscription


class EventsElsewhereTestCase(PersonasTestCase):
    def test_the_member_home_shows_a_newly_planned_upcoming_event(self) -> None:
        do_create_event(self.anna, self.coalition, **event_fields(title="Ouderavond gamen"))
        past = timezone.now() - datetime.timedelta(days=3)
        make_event(
            self.coalition,
            title="Terugblik congres",
            starts_at=past,
            ends_at=past + datetime.timedelta(hours=2),
        )
        make_event(self.other_coalition, title="Alleen in Zeeland")

        home = self.log_in(self.cees).get(reverse("coalitions:member_home", args=["voorbeeldstad"]))

        self.assertContains(home, "Ouderavond gamen")
        self.assertNotContains(home, "Terugblik congres")
        self.assertNotContains(home, "Alleen in Zeeland")

    def test_a_newsflash_can_announce_an_upcoming_event(self) -> None:
        event = make_event(self.coalition, title="Training herkennen van radicalisering")
        do_set_subscription(self.cees, self.coalition, self.cees, True)
        client = self.log_in(self.anna)

        compose = client.get(reverse("newsflash:compose", args=["voorbeeldstad"]))
        self.assertContains(compose, "Training herkennen van radicalisering")
        response = client.post(
            reverse("newsflash:compose", args=["voorbeeldstad"]),
            {"title": "Agenda", "intro": "Kom ook!", "source_event": [f"event:{event.pk}"]},
        )

        self.assertEqual(response.status_code, 302)
        preview = client.get(response["Location"])
        self.assertContains(preview, "Training herkennen van radicalisering", count=3)
