"""Forms for the grievance queue. They only collect input; rules live in actions.py."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from haidang.agencies.models import Agency
from haidang.cases.forms import BootstrapMixin

from .actions import MAX_WORKING_DAYS
from .choices import MANUAL_ORIGINS, Priority

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class GrievanceForm(BootstrapMixin, forms.Form):
    """A grievance raised by hand: a citizen's letter, a phone call, a visit."""

    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(label=_("What the citizen asks"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    origin = forms.ChoiceField(label=_("Received by"), choices=MANUAL_ORIGINS)
    reference = forms.CharField(label=_("Reference"), max_length=200, required=False,
                                help_text=_("e.g. the letter's number or the call log entry"))
    received_at = forms.DateTimeField(label=_("Received at"), widget=DATETIME_INPUT, required=False,
                                      help_text=_("Leave empty for now."))
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial=Priority.MEDIUM)
    agency = forms.ModelChoiceField(label=_("Agency that answers"), queryset=Agency.objects.none(), required=False,
                                    empty_label=_("Route it automatically (the place it names, else its subject)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(active=True).order_by("name")


class AssignForm(BootstrapMixin, forms.Form):
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=None)

    def __init__(self, *args, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers
        self.fields["officer"].label_from_instance = lambda u: u.get_full_name() or u.get_username()


class AnswerForm(BootstrapMixin, forms.Form):
    text = forms.CharField(label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 6}))
    published_url = forms.URLField(label=_("Link to where it is published"), max_length=2000, assume_scheme="https",
                                   help_text=_("The agency's portal or page where citizens read the answer."))
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False,
                                 help_text=_("e.g. the signed official letter"))


class ApproveForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("Note (optional)"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ReturnForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("What the answer needs"), widget=forms.Textarea(attrs={"rows": 3}))


class ReassignForm(BootstrapMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Send to"), queryset=Agency.objects.none())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Agency.objects.filter(active=True).order_by("name")
        if current is not None:
            qs = qs.exclude(pk=current.pk)
        self.fields["agency"].queryset = qs


class DeadlineForm(BootstrapMixin, forms.Form):
    working_days = forms.IntegerField(label=_("Working days from its arrival"), min_value=1,
                                      max_value=MAX_WORKING_DAYS)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class OpenCaseForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Why it needs more than an answer"), widget=forms.Textarea(attrs={"rows": 3}))
