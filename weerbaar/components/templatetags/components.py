"""UI components as inclusion tags. Each docstring is the component's contract.

Pages compose these; Utrecht (NL Design System) classes live in the component templates.
See weerbaar/components/README.md for the list and how to add one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms, template
from django.core.paginator import Page
from django.http import HttpRequest
from django.utils import formats
from django.utils.text import slugify

register = template.Library()


@register.inclusion_tag("components/form_field.html")
def form_field(field: forms.BoundField) -> dict[str, Any]:
    """One form field: label, description (help text), error message and control.

    Input: a bound field of a form using ``NLDesignFormMixin``. Checkboxes render label after
    the control; multiple choices render as a fieldset with a legend. The error message has id
    ``id_<name>_error`` and the description ``id_<name>_description``, which the control's
    ``aria-describedby`` points at.
    """
    widget = field.field.widget
    return {
        "field": field,
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "is_multiple": isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect),
    }


@register.inclusion_tag("components/form_errors.html")
def form_errors(form: forms.BaseForm) -> dict[str, Any]:
    """An error summary above a form that failed validation, linking to each invalid field.

    Input: any form. Renders nothing when the form is unbound or valid. Non-field errors are
    listed first. Focus is not moved by script; the summary is a ``role=alert`` region.
    """
    return {
        "form": form,
        "field_errors": [form[name] for name in form.errors if name in form.fields],
    }


@register.inclusion_tag("components/alert.html")
def alert(message: str, kind: str = "info") -> dict[str, Any]:
    """A notice. ``kind``: info, ok, warning or error (error and warning are announced)."""
    return {"message": message, "kind": kind}


@register.inclusion_tag("components/nav_link.html", takes_context=True)
def nav_link(context: dict[str, Any], url: str, label: str, exact: bool = False) -> dict[str, Any]:
    """A main-navigation item; marks itself ``aria-current=page`` when the URL is the current one.

    ``exact``: only the URL itself counts, not pages below it.
    """
    request: HttpRequest | None = context.get("request")
    path = request.path if request is not None else ""
    current = path == url if exact else path.startswith(url)
    return {"url": url, "label": label, "current": current}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context: dict[str, Any], page: Page[Any]) -> dict[str, Any]:
    """Previous/next links for a paginated list that keep the current query string filters."""
    request: HttpRequest | None = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is not None:
        query.pop("page", None)
    return {"page": page, "query": query.urlencode() if query else ""}


@register.inclusion_tag("components/status_badge.html")
def status_badge(label: str, kind: str = "neutral") -> dict[str, Any]:
    """A short status label. ``kind``: success, warning, danger, error or neutral."""
    return {"label": label, "kind": kind}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str
    # Geometry in SVG user units (the viewBox is ``CHART_WIDTH`` wide).
    y: float
    width: float


CHART_WIDTH = 640
CHART_LABEL_WIDTH = 310
CHART_BAR_SPACE = 280
CHART_ROW_HEIGHT = 32
CHART_BAR_HEIGHT = 20


def _row_value(row: Any, key: str) -> Any:
    return row[key] if isinstance(row, Mapping) else getattr(row, key)


@register.inclusion_tag("components/bar_chart.html")
def bar_chart(
    rows: Iterable[Any], caption: str, summary: str = "", value_header: str = ""
) -> dict[str, Any]:
    """A horizontal bar chart drawn as server-side SVG, with its data table and a summary.

    Input: ``rows``, each a mapping or object with ``label`` (text) and ``value`` (a number
    of zero or more); ``caption`` names the chart and the table; ``summary`` (optional) is one
    sentence saying what the chart shows, for everyone, above it; ``value_header`` (optional)
    heads the table's number column. Bars scale to the largest value; negative values are
    drawn as zero. The SVG is ``aria-hidden``: screen readers get the table, which carries the
    same numbers. No script and no inline styles (the CSP forbids them): only SVG
    presentation attributes and classes from ``static/css/weerbaar.css``.
    """
    items = [(str(_row_value(r, "label")), _row_value(r, "value")) for r in rows]
    largest = max((float(v) for _label, v in items if v and float(v) > 0), default=0.0)
    bars = [
        Bar(
            label=label,
            value=float(value or 0),
            display=formats.number_format(value or 0),
            y=index * CHART_ROW_HEIGHT,
            width=(
                round(CHART_BAR_SPACE * max(float(value or 0), 0.0) / largest, 1)
                if largest
                else 0.0
            ),
        )
        for index, (label, value) in enumerate(items)
    ]
    return {
        "bars": bars,
        "caption": caption,
        "summary": summary,
        "value_header": value_header,
        "chart_id": f"chart-{slugify(caption)[:40]}",
        "width": CHART_WIDTH,
        "height": max(len(bars), 1) * CHART_ROW_HEIGHT,
        "label_width": CHART_LABEL_WIDTH,
        "label_end": CHART_LABEL_WIDTH - 8,
        "bar_height": CHART_BAR_HEIGHT,
        "text_offset": CHART_BAR_HEIGHT - 5,
    }
