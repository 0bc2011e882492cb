"""How two organisations are recognised as possibly the same: by name or by website host."""

from __future__ import annotations

from urllib.parse import urlsplit


def normalise_name(name: str) -> str:
    """``"  Bibliotheek   VOORBEELDSTAD "`` and ``"bibliotheek voorbeeldstad"`` match."""
    return " ".join(name.split()).casefold()


def website_host(url: str) -> str:
    """The host of a website without scheme, ``www.`` or trailing slash; ``""`` for none."""
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = f"//{url}"
    host = (urlsplit(url).hostname or "").casefold().rstrip(".")
    return host.removeprefix("www.")
