"""Forms for each step of a case. They only collect input; rules live in actions.py."""

from __future__ import annotations

import re
from urllib.parse import quote

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haidang.agencies.models import Agency
from haidang.core.files import upload_size_errors
from haidang.core.forms import VietnameseDateField

from .choices import (
    ActionKind,
    Confidentiality,
    CoordinationMode,
    DismissReason,
    ExpressionType,
    HarmCategory,
    Priority,
    ProtectedKind,
    Severity,
    Urgency,
    Verdict,
)
from .models import LegalProvision


class BootstrapMixin:
    """Bootstrap 5 classes on every widget, so templates can render `{{ field }}` as is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            if not isinstance(widget, forms.CheckboxSelectMultiple):
                widget.attrs.setdefault("class", css)


class MultiFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiFileField(forms.FileField):
    """Several files; each, and all of them together, within HAIDANG_UPLOAD_MAX_BYTES."""

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(d, initial) for d in data if d]
        else:
            files = [single(data, initial)] if data else []
        errors = upload_size_errors(files)
        if errors:
            raise forms.ValidationError(errors)
        return files


class LimitedFileField(forms.FileField):
    """One file within HAIDANG_UPLOAD_MAX_BYTES, refused before anything stores it."""

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        errors = upload_size_errors([upload]) if upload else []
        if errors:
            raise forms.ValidationError(errors)
        return upload


# Characters a URL may not carry as such (RFC 3986): whitespace, quotes, <>`{}|\^ and a stray "%".
_UNSAFE_IN_URL = re.compile(r'[\s"<>`{}|\\^]|%(?![0-9A-Fa-f]{2})')
_AUTHORITY = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^/?#]*)(.*)$", re.S)


def encode_unsafe(url: str) -> str:
    """Percent-encode what may not appear raw after the host (a quoted search: `?q="lừa đảo"`), keeping
    what is already encoded, the host as given and Vietnamese letters readable."""
    url = (url or "").strip()
    match = _AUTHORITY.match(url)
    head, rest = (match.group(1), match.group(2)) if match else ("", url)
    return head + _UNSAFE_IN_URL.sub(lambda m: quote(m.group(0), safe=""), rest)


class EncodingURLField(forms.URLField):
    """A URL field that accepts collected URLs with quotes or spaces by encoding them, not refusing them."""

    def to_python(self, value):
        return super().to_python(encode_unsafe(value) if isinstance(value, str) else value)


class ReportForm(BootstrapMixin, forms.Form):
    url = EncodingURLField(label=_("URL"), required=False, max_length=2000, assume_scheme="https")
    description = forms.CharField(label=_("What is it?"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    reason = forms.CharField(label=_("Why report it?"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    # No silent default: a blank first choice, unless the item's own category fills it (views.report_new).
    category = forms.ChoiceField(label=_("Suspected category"), choices=[("", "—"), *HarmCategory.choices])
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices, initial=Urgency.MEDIUM)
    attachments = MultiFileField(label=_("Attachments"), required=False, widget=MultiFileInput())

    def clean(self):
        data = super().clean()
        if not data.get("url") and not data.get("description"):
            raise forms.ValidationError(_("Give a URL or a description."))
        return data


class AcceptReportForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Case title"), max_length=300, required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, required=False)
    confidentiality = forms.ChoiceField(label=_("Confidentiality"), choices=Confidentiality.choices,
                                        initial=Confidentiality.NORMAL)
    participants = forms.ModelMultipleChoiceField(label=_("Participating agencies"), required=False,
                                                  queryset=Agency.objects.filter(active=True).order_by("name"),
                                                  widget=forms.CheckboxSelectMultiple)


class MergeReportForm(BootstrapMixin, forms.Form):
    case = forms.ModelChoiceField(label=_("Case"), queryset=None)
    note = forms.CharField(label=_("Note"), required=False)

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases


class DismissReportForm(BootstrapMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=DismissReason.choices,
                               help_text=_("The reporter is told the outcome and may appeal."))
    note = forms.CharField(label=_("Note"), required=False)


class CoordinationForm(BootstrapMixin, forms.Form):
    mode = forms.ChoiceField(label=_("Coordination mode"), choices=CoordinationMode.choices)


class VerificationForm(BootstrapMixin, forms.Form):
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 4}))
    verdict = forms.ChoiceField(label=_("Verdict"), choices=Verdict.choices)
    sources = forms.CharField(label=_("Sources relied on"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    evidence = forms.ModelMultipleChoiceField(label=_("Evidence relied on"), queryset=None, required=False,
                                              widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = case.evidence.all()


class AppraisalForm(BootstrapMixin, forms.Form):
    expression_type = forms.ChoiceField(label=_("Type of expression"), choices=ExpressionType.choices,
                                        widget=forms.RadioSelect)
    protected_kinds = forms.MultipleChoiceField(label=_("Protected expression"), choices=ProtectedKind.choices,
                                                required=False, widget=forms.CheckboxSelectMultiple)
    legal_basis = forms.ModelMultipleChoiceField(label=_("Legal basis"), required=False,
                                                 queryset=LegalProvision.objects.filter(active=True),
                                                 widget=forms.CheckboxSelectMultiple)
    severity = forms.ChoiceField(label=_("Severity"), choices=Severity.choices)
    reasoning = forms.CharField(label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expression_type"].widget.attrs["class"] = "form-check-input"


class PlanActionForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("handling action", "Action"), choices=ActionKind.choices)
    owner_agency = forms.ModelChoiceField(label=_("Owner agency"), queryset=Agency.objects.filter(active=True))
    deadline = VietnameseDateField(label=_("Deadline"), required=False)  # dd/mm/yyyy whatever the browser's language
    description = forms.CharField(label=_("What to do"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    target_url = EncodingURLField(label=_("Target URL (to correct or remove)"), required=False, max_length=2000, assume_scheme="https")
    published_url = EncodingURLField(label=_("Link to the official information"), required=False, max_length=2000, assume_scheme="https")
    response_text = forms.CharField(label=_("Response text (grievance)"), widget=forms.Textarea(attrs={"rows": 2}),
                                    required=False)
    channel = forms.CharField(label=_("Channel"), required=False, max_length=200)
    legal_basis = forms.ModelMultipleChoiceField(label=_("Legal basis (removal, penalty, referral)"), required=False,
                                                 queryset=LegalProvision.objects.filter(active=True),
                                                 widget=forms.CheckboxSelectMultiple)
    reasons = forms.CharField(label=_("Statement of reasons (removal, penalty, referral)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(BootstrapMixin, forms.Form):
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeForm(BootstrapMixin, forms.Form):
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}))


class ProofForm(BootstrapMixin, forms.Form):
    refetch = forms.BooleanField(label=_("Re-fetch the target URL now and record the response"), required=False)
    text = forms.CharField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    url = EncodingURLField(label=_("Link"), required=False, max_length=2000, assume_scheme="https")
    file = LimitedFileField(label=_("File"), required=False)


class CompleteActionForm(BootstrapMixin, forms.Form):
    result = forms.CharField(label=_("Result"), widget=forms.Textarea(attrs={"rows": 2}))
    failed = forms.BooleanField(label=_("The action failed"), required=False)


class AppealForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision appealed"), choices=())
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, decisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = decisions


class DecideAppealForm(BootstrapMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=[("uphold", _("uphold the decision")),
                                                             ("reverse", _("reverse the decision"))])
    reason = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}))


class ParticipantForm(BootstrapMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.filter(active=True))


class EvidenceForm(BootstrapMixin, forms.Form):
    url = EncodingURLField(label=_("URL"), required=False, max_length=2000, assume_scheme="https")
    file = LimitedFileField(label=_("File"), required=False)
    note = forms.CharField(label=_("Note"), required=False)


def item_category(item) -> str:
    """The category an item is already known by: an officer's latest verdict, else the analyser's top
    category; "" when neither says."""
    verdict = item.verdicts.exclude(category="").order_by("-created_at").values_list("category", flat=True).first() \
        if hasattr(item, "verdicts") else None
    if verdict in HarmCategory.values:
        return verdict
    try:
        top = item.signals.top_category
    except Exception:  # noqa: BLE001 - no analysis yet (RelatedObjectDoesNotExist)
        return ""
    return top if top in HarmCategory.values else ""


def default_case_title(report) -> str:
    return report.suggested_case_title()
