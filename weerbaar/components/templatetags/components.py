"""UI components as inclusion tags. Each docstring is the component's contract.

Pages compose these; Utrecht (NL Design System) classes live in the component templates.
See weerbaar/components/README.md for the list and how to add one.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.core.paginator import Page
from django.http import HttpRequest

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
