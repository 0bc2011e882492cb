from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.test import override_settings

from weerbaar.lib.testing import PersonasTestCase
from weerbaar.trends.actions import do_fetch_active_feeds, do_fetch_feed
from weerbaar.trends.choices import SourceKind
from weerbaar.trends.feeds import FeedError, HttpFetcher, parse_feed
from weerbaar.trends.models import FeedItem, Source
from weerbaar.trends.tests.fixtures import make_source

DATA = Path(__file__).parent / "data"
ROUTES = {
    "/feed.xml": (DATA / "feed.xml").read_bytes(),
    "/atom.xml": (DATA / "atom.xml").read_bytes(),
    "/broken.xml": b"<rss><channel><item><title>half",
    "/huge.xml": b"<rss>" + b" " * 50_000 + b"</rss>",
    "/bomb.xml": (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss>&lol2;</rss>'
    ),
}


class FixtureHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # the name http.server calls
        body = ROUTES.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # the stdlib's name
        pass


@contextmanager
def fixture_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@override_settings(TRENDS_FEED_ALLOW_PRIVATE=True, TRENDS_FEED_MAX_BYTES=20_000)
class FeedsTestCase(PersonasTestCase):
    def feed(self, url: str, name: str = "Factcheck") -> Source:
        return make_source(self.coalition, SourceKind.FEED, name=name, url=url)

    def test_it_stores_feed_items_redacted_classified_and_without_authors(self) -> None:
        with fixture_server() as base:
            source = self.feed(f"{base}/feed.xml")
            result = do_fetch_feed(source)
            again = do_fetch_feed(source)
        self.assertEqual((result.new, result.error), (2, ""))
        self.assertEqual(again.new, 0)
        item = FeedItem.objects.get(source=source, title__startswith="Nepwinkel")
        self.assertNotIn("12345678", item.summary)
        self.assertIn("[telefoon]", item.summary)
        self.assertNotIn("<p>", item.summary)
        self.assertEqual(item.theme, "scams")
        self.assertEqual(item.link, "https://factcheck.example/nepwinkel")
        stored = " ".join(FeedItem.objects.values_list("title", "summary").first() or ())
        self.assertNotIn("Jan de Vries", stored)
        self.assertEqual(
            FeedItem.objects.get(key__isnull=False, title__startswith="Gerucht").link, ""
        )
        source.refresh_from_db()
        self.assertIsNotNone(source.last_fetched_at)

    def test_it_reads_atom(self) -> None:
        entries = parse_feed(ROUTES["/atom.xml"])
        self.assertEqual(entries[0].title, "Campagne tegen online pesten gestart")
        self.assertEqual(entries[0].link, "https://overheid.example/pesten")

    def test_it_records_errors_and_carries_on_with_the_next_feed(self) -> None:
        with fixture_server() as base:
            broken = self.feed(f"{base}/broken.xml", "Kapot")
            huge = self.feed(f"{base}/huge.xml", "Groot")
            missing = self.feed(f"{base}/missing.xml", "Weg")
            bomb = self.feed(f"{base}/bomb.xml", "Bom")
            unreachable = self.feed("http://127.0.0.1:9/feed.xml", "Onbereikbaar")
            good = self.feed(f"{base}/feed.xml", "Goed")
            results = {r.source_id: r for r in do_fetch_active_feeds()}
        self.assertEqual(results[good.pk].new, 2)
        for source in (broken, huge, missing, bomb, unreachable):
            with self.subTest(source=source.name):
                source.refresh_from_db()
                self.assertTrue(results[source.pk].error)
                self.assertEqual(source.last_error, results[source.pk].error)
        huge.refresh_from_db()
        self.assertIn("larger", huge.last_error)

    def test_it_gives_up_on_a_slow_feed(self) -> None:
        import socket

        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        try:
            port = listener.getsockname()[1]
            fetcher = HttpFetcher(timeout=0.5, allow_private=True)
            with self.assertRaises(FeedError):
                fetcher.fetch(f"http://127.0.0.1:{port}/slow.xml")
        finally:
            listener.close()

    def test_it_refuses_local_addresses_unless_allowed(self) -> None:
        with self.assertRaises(FeedError):
            HttpFetcher().fetch("http://127.0.0.1/feed.xml")
        with self.assertRaises(FeedError):
            HttpFetcher().fetch("file:///etc/passwd")

    def test_it_skips_paused_feeds(self) -> None:
        source = self.feed("https://factcheck.example/feed.xml")
        source.status = "paused"
        source.save()
        self.assertEqual(do_fetch_active_feeds(), [])
