"""Markdown written by coordinators, rendered to HTML that is safe to put on a page.

Stored text is always Markdown, never HTML; it is rendered and then cleaned by nh3 with a
short allow-list, so raw HTML, scripts, event handlers and ``javascript:`` links never reach a
page whatever the text contains.
"""

from __future__ import annotations

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "blockquote", "code", "pre",
        "ul", "ol", "li", "a",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})


def render_markdown(text: str) -> SafeString:
    """``text`` as sanitised HTML; headings start at ``<h2>`` because the page owns ``<h1>``."""
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308  # nh3 has just removed everything not allowed
