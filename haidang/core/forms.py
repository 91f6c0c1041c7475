"""Form pieces every app may use.

`VietnameseDateField`: a browser's `<input type="date">` follows the browser's own language, so an
English Chrome shows mm/dd/yyyy inside the Vietnamese UI, and "03/04" is misread. A text box that
says dd/mm/yyyy, accepting ISO dates too (bookmarks, the API, old links), is read the same everywhere."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_FORMAT = "%d/%m/%Y"
DATE_INPUT_FORMATS = [DATE_FORMAT, "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d"]


class VietnameseDateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        base = {"placeholder": _("dd/mm/yyyy"), "inputmode": "numeric", "autocomplete": "off",
                "pattern": r"\d{1,2}[/\-]\d{1,2}[/\-]\d{2,4}|\d{4}-\d{2}-\d{2}", "size": "10",
                "title": _("Date as day/month/year, e.g. 25/12/2026")}
        super().__init__(attrs={**base, **(attrs or {})}, format=DATE_FORMAT)


class VietnameseDateField(forms.DateField):
    widget = VietnameseDateInput
    input_formats = DATE_INPUT_FORMATS
