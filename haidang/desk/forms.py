"""Forms of the monitoring screens: the feed's filters, its batch actions, and the verdict."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haidang.analysis.choices import VerdictOutcome
from haidang.core.forms import VietnameseDateField
from haidang.core.vocabulary import HarmCategory, Priority
from haidang.sources.choices import Platform

# Newest first, by when it was collected (the default: what just came in) or when it was published.
SORT_CHOICES = [("fetched", _("newest collected first")), ("published", _("newest published first"))]


def _any(choices) -> list:
    return [("", _("any"))] + list(choices)


class FeedFilterForm(forms.Form):
    """GET filters; invalid values are ignored (a stale bookmark still opens the feed)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search", "class": "form-control",
                                                      "placeholder": _("Search (accents optional)")}))
    source = forms.TypedChoiceField(label=_("Source"), required=False, coerce=int, empty_value=None)
    platform = forms.ChoiceField(label=_("Platform"), required=False, choices=_any(Platform.choices))
    category = forms.ChoiceField(label=_("Category"), required=False, choices=_any(HarmCategory.choices))
    priority = forms.ChoiceField(label=_("Priority"), required=False, choices=_any(Priority.choices))
    place = forms.ChoiceField(label=pgettext_lazy("feed filter: province/ward", "Place"), required=False)
    watchlist = forms.TypedChoiceField(label=_("Watch-list"), required=False, coerce=int, empty_value=None)
    date_from = VietnameseDateField(label=_("Published from"), required=False)
    date_to = VietnameseDateField(label=_("Published until"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, sources=(), watchlists=(), places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = _any(sources)
        self.fields["watchlist"].choices = _any(watchlists)
        self.fields["place"].choices = _any(places)
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select form-select-sm"
            elif name not in ("q",):
                field.widget.attrs["class"] = "form-control form-control-sm"

    def filters(self) -> dict:
        """The valid filters as keyword arguments of `queries.search_items`."""
        self.is_valid()  # cleaned_data then holds only the valid fields
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "") and k != "sort"}

    def sort_order(self) -> str:
        self.is_valid()
        return "published" if self.cleaned_data.get("sort") == "published" else "fetched"

    @property
    def active_count(self) -> int:
        return len([k for k in self.filters() if k != "q"])


class BatchForm(forms.Form):
    ACTIONS = [("not_harmful", _("Mark not harmful")), ("report", _("Report to the lead agency"))]

    action = forms.ChoiceField(choices=ACTIONS)
    items = forms.TypedMultipleChoiceField(coerce=int)  # choices: the ids posted (access is checked after)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        posted = self.data.getlist("items") if hasattr(self.data, "getlist") else []
        self.fields["items"].choices = [(v, v) for v in posted[:200] if str(v).isdigit()]


class VerdictForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Verdict"), choices=VerdictOutcome.choices, widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    category = forms.ChoiceField(label=_("Category"), required=False,
                                 choices=[("", _("— choose if confirmed —"))] + list(HarmCategory.choices),
                                 widget=forms.Select(attrs={"class": "form-select"}))
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}))

    def clean(self):
        data = super().clean()
        if data.get("outcome") == VerdictOutcome.CONFIRMED and not data.get("category"):
            self.add_error("category", _("A confirmed verdict needs a category."))
        return data
