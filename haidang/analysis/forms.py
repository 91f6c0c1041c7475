"""The watch-list editor's form. Writes go through actions.do_create_watchlist / do_update_watchlist."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import WatchList
from .watchlists import QueryError, parse_query


class WatchListForm(forms.ModelForm):
    class Meta:
        model = WatchList
        fields = ["name", "query", "term_mode", "category", "place_hint", "urgent", "active"]
        widgets = {"query": forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "autocomplete": "off"})}

    def __init__(self, *args, owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        if owners and self.instance.pk is None:
            self.fields["owner"] = forms.ModelChoiceField(label=_("Owner agency"), queryset=owners,
                                                          initial=owners.first(), empty_label=None)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control" + (" hd-query" if name == "query" else "")

    def clean(self):
        data = super().clean()
        query = data.get("query")
        if query:
            try:
                parse_query(query, sensitive=data.get("term_mode") == "sensitive")
            except QueryError as exc:
                self.add_error("query", _("%(error)s (at character %(position)s)") % {
                    "error": exc.message, "position": (exc.position or 0) + 1} if exc.position is not None
                    else exc.message)
        return data
