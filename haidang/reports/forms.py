from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import PeriodKind


def default_month() -> tuple[dt.date, dt.date]:
    """The previous calendar month: what a monthly report on the first days of a month is about."""
    first = timezone.localdate().replace(day=1)
    last_month_end = first - dt.timedelta(days=1)
    return last_month_end.replace(day=1), last_month_end


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PeriodicReportForm(forms.Form):
    period_kind = forms.ChoiceField(label=_("period"), choices=PeriodKind.choices, initial=PeriodKind.MONTH)
    date_from = forms.DateField(label=_("from"), widget=DateInput())
    date_to = forms.DateField(label=_("to"), widget=DateInput())
    number = forms.CharField(label=_("number"), max_length=20, required=False,
                             help_text=_("left blank until it is registered"))
    assessment = forms.CharField(label=_("assessment and proposals"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 8}),
                                 help_text=_("Saved with the report and printed as its section III."))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=_("from"), widget=DateInput())
    date_to = forms.DateField(label=_("to"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data
