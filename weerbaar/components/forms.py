"""Forms that render with NL Design System (Utrecht) classes and accessible error wiring."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.widgets import Input

_WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (Input, "utrecht-textbox utrecht-textbox--html-input"),
]


class DateInput(forms.DateInput):
    """A date picker. Its value must be ISO (2026-11-30) whatever the language: browsers drop
    a date in any other format, and the form would come back with the date empty."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class NLDesignFormMixin:
    """Adds Utrecht classes to widgets, and ``aria-invalid``/``aria-describedby`` on errors.

    Use with ``{% form_field %}``; the ids it refers to are the ones that component renders.
    """

    fields: dict[str, forms.Field]
    errors: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            for widget_type, css_class in _WIDGET_CLASSES:
                if isinstance(widget, widget_type):
                    widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css_class}".strip()
                    break
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}_description"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            widget.attrs["aria-invalid"] = "true"
            described = [f"id_{name}_error"]
            if self.fields[name].help_text:
                described.append(f"id_{name}_description")
            widget.attrs["aria-describedby"] = " ".join(described)


class Form(NLDesignFormMixin, forms.Form):
    pass


class ModelForm(NLDesignFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    pass
