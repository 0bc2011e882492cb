"""Fetching and reading RSS and Atom feeds of public sources.

The fetch is an adapter (``FeedFetcher``): the periodic job uses ``HttpFetcher``, which refuses
anything but http(s), gives up after ``TRENDS_FEED_TIMEOUT`` seconds and reads at most
``TRENDS_FEED_MAX_BYTES``; and by default it refuses addresses on the local network, so a feed
address cannot be used to probe the servers next to Weerbaar. Tests point it at a local
fixture server with ``allow_private=True``. Parsing uses ``defusedxml``, which refuses entity
expansion ("billion laughs") and external entities. Author fields are never read.
"""

from __future__ import annotations

import datetime
import email.utils
import html
import ipaddress
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element  # only the type; parsing is defused

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException

MAX_TITLE = 300
MAX_SUMMARY = 2000
MAX_ITEMS = 500
ATOM = "{http://www.w3.org/2005/Atom}"
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


class FeedError(Exception):
    """A feed could not be fetched or read; the message says why, in plain words."""


@dataclass(frozen=True)
class FeedEntry:
    key: str
    title: str
    summary: str
    link: str
    published: datetime.datetime | None


class FeedFetcher(Protocol):
    def fetch(self, url: str) -> bytes: ...


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        # A redirect could lead to a private address after the check; feeds must give their
        # final address.
        return None


@dataclass
class HttpFetcher:
    timeout: float = 10.0
    max_bytes: int = 2_000_000
    allow_private: bool = False

    def check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FeedError("Only http and https addresses can be fetched.")
        if self.allow_private:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
        except OSError as error:
            raise FeedError(f"The address could not be resolved: {error}") from error
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise FeedError("Addresses on a local or private network are not fetched.")

    def fetch(self, url: str) -> bytes:
        self.check_address(url)
        opener = urllib.request.build_opener(_NoRedirects)
        request = urllib.request.Request(  # noqa: S310  # the scheme was checked above
            url, headers={"User-Agent": "Weerbaar trend monitor", "Accept": "application/xml"}
        )
        try:
            with opener.open(request, timeout=self.timeout) as response:
                data: bytes = response.read(self.max_bytes + 1)
        except urllib.error.HTTPError as error:
            raise FeedError(f"The server answered {error.code}.") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise FeedError(f"The feed could not be fetched: {reason}") from error
        if len(data) > self.max_bytes:
            raise FeedError(f"The feed is larger than {self.max_bytes} bytes.")
        return data


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    raw = "".join(element.itertext())
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", raw))).strip()


def _date(value: str) -> datetime.datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed


def parse_feed(data: bytes) -> list[FeedEntry]:
    """The entries of an RSS 2.0 or Atom document (title, summary, link, date; no authors)."""
    try:
        root = DefusedET.fromstring(data)
    except (DefusedXmlException, SyntaxError) as error:
        raise FeedError(f"The feed is not valid XML: {error}") from error
    entries: list[FeedEntry] = []
    if root.tag == "rss" or root.find("channel") is not None:
        for item in root.iter("item"):
            link = _text(item.find("link"))
            entries.append(
                FeedEntry(
                    key=_text(item.find("guid")) or link,
                    title=_text(item.find("title"))[:MAX_TITLE],
                    summary=_text(item.find("description"))[:MAX_SUMMARY],
                    link=link,
                    published=_date(_text(item.find("pubDate"))),
                )
            )
    elif root.tag == f"{ATOM}feed":
        for entry in root.iter(f"{ATOM}entry"):
            link_element = entry.find(f"{ATOM}link")
            link = link_element.get("href", "") if link_element is not None else ""
            summary = entry.find(f"{ATOM}summary")
            if summary is None:
                summary = entry.find(f"{ATOM}content")
            published = entry.find(f"{ATOM}published")
            if published is None:
                published = entry.find(f"{ATOM}updated")
            entries.append(
                FeedEntry(
                    key=_text(entry.find(f"{ATOM}id")) or link,
                    title=_text(entry.find(f"{ATOM}title"))[:MAX_TITLE],
                    summary=_text(summary)[:MAX_SUMMARY],
                    link=link,
                    published=_date(_text(published)),
                )
            )
    else:
        raise FeedError("This is neither an RSS nor an Atom feed.")
    return [e for e in entries if e.title or e.summary][:MAX_ITEMS]
