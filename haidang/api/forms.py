from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from haidang.agencies.models import ApiToken

from .models import EventType


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100,
                           help_text=_("What uses it, e.g. “ticketing system”."))
    scopes = forms.MultipleChoiceField(label=_("Scopes"), choices=ApiToken.SCOPES, widget=forms.CheckboxSelectMultiple,
                                       initial=["read"])
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=366, initial=90)


class WebhookForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    url = forms.URLField(label=_("URL"), max_length=1000, assume_scheme="https",
                         help_text=_("Must be a public address: private and local addresses are refused."))
    events = forms.MultipleChoiceField(label=_("Event types"), choices=EventType.choices,
                                       widget=forms.CheckboxSelectMultiple)
