from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import ClaimVerdict


class ClaimForm(forms.Form):
    statement = forms.CharField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                                help_text=_("The claim as people repeat it, in one sentence."))
    verdict = forms.ChoiceField(label=_("Verdict"), choices=ClaimVerdict.choices,
                                widget=forms.Select(attrs={"class": "form-select"}))
    correction = forms.CharField(label=_("Official correction"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
                                 help_text=_("Published as written once a leader approves it: no personal data."))
    sources = forms.CharField(label=_("Sources"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
                              help_text=_("One per line; kept internal."))


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the corrections"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}))
