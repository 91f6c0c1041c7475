"""Forms of the coordination views. They only collect input; rules live in actions.py."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from haidang.agencies.models import Agency
from haidang.cases.choices import ActionKind, ExpressionType, ProtectedKind, Severity, Verdict
from haidang.cases.forms import BootstrapMixin, MultiFileField, MultiFileInput
from haidang.cases.models import LegalProvision
from haidang.core.forms import VietnameseDateField

from .choices import Position

DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _agency_field(case, label):
    return forms.ModelMultipleChoiceField(
        label=label, widget=forms.CheckboxSelectMultiple,
        queryset=Agency.objects.filter(active=True).exclude(pk=case.lead_agency_id).order_by("name"),
        help_text=_("Their designated coordinating officers receive it."))


class MeetingForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME_INPUT)
    duration = forms.IntegerField(label=_("Duration (minutes)"), min_value=15, max_value=600, initial=90)
    place = forms.CharField(label=pgettext_lazy("meeting venue", "Place"), max_length=300, required=False)
    online_link = forms.URLField(label=_("Online link"), max_length=1000, required=False, assume_scheme="https")
    agencies = forms.ModelMultipleChoiceField(label=_("Invited agencies"), queryset=Agency.objects.none())
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 8}), required=False,
                             help_text=_("Built from the case's evidence and findings; edit as needed."))

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"] = _agency_field(case, _("Invited agencies"))
        self.fields["agencies"].initial = list(case.participants.values_list("agency_id", flat=True))

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("online_link"):
            raise forms.ValidationError(_("Give a place or an online link."))
        return data


class RescheduleForm(BootstrapMixin, forms.Form):
    starts_at = forms.DateTimeField(label=_("New start"), widget=DATETIME_INPUT)
    duration = forms.IntegerField(label=_("Duration (minutes)"), min_value=15, max_value=600)
    place = forms.CharField(label=pgettext_lazy("meeting venue", "Place"), max_length=300, required=False)
    online_link = forms.URLField(label=_("Online link"), max_length=1000, required=False, assume_scheme="https")
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Sent to the invitees with the updated invitation."))

    @classmethod
    def for_meeting(cls, meeting, data=None):
        minutes = int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)
        return cls(data, auto_id="reschedule-%s", initial={
            "starts_at": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%dT%H:%M"),
            "duration": max(15, min(600, minutes)), "place": meeting.place, "online_link": meeting.online_link})

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("online_link"):
            raise forms.ValidationError(_("Give a place or an online link."))
        return data


class AttendanceForm(BootstrapMixin, forms.Form):
    """One checkbox and one names field per invited agency."""

    def __init__(self, *args, invitations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.invitations = list(invitations)
        for inv in self.invitations:
            self.fields[f"attended_{inv.agency_id}"] = forms.BooleanField(
                label=inv.agency.name, required=False, initial=bool(inv.attended))
            self.fields[f"names_{inv.agency_id}"] = forms.CharField(
                label=_("Representatives of %(agency)s") % {"agency": inv.agency.short_name}, required=False,
                max_length=500, initial=inv.representatives)
        # These fields were added after BootstrapMixin styled the form: style them here.
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-check-input")
            else:
                field.widget.attrs.setdefault("class", "form-control")

    def attendance(self) -> dict:
        return {inv.agency_id: (self.cleaned_data.get(f"attended_{inv.agency_id}", False),
                                self.cleaned_data.get(f"names_{inv.agency_id}", ""))
                for inv in self.invitations}


class MinutesForm(BootstrapMixin, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 10}))


class ConclusionActionForm(BootstrapMixin, forms.Form):
    """One agreed action of the plan (a row of the conclusions' formset; an untouched row is skipped)."""

    kind = forms.ChoiceField(label=_("Agreed action"), required=False, choices=[("", "—"), *ActionKind.choices])
    owner_agency = forms.ModelChoiceField(label=_("Owner agency"), required=False, empty_label="—",
                                          queryset=Agency.objects.filter(active=True).order_by("name"))
    deadline = VietnameseDateField(label=_("Deadline"), required=False)  # dd/mm/yyyy whatever the browser's language
    description = forms.CharField(label=_("What to do"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    target_url = forms.URLField(label=_("Target URL"), required=False, max_length=2000, assume_scheme="https")
    reasons = forms.CharField(label=_("Statement of reasons (removal, penalty, referral)"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("kind") and not data.get("owner_agency"):
            self.add_error("owner_agency", _("Choose the owner agency."))
        if not data.get("kind") and any(data.get(k) for k in ("owner_agency", "deadline", "description",
                                                               "target_url", "reasons")):
            self.add_error("kind", _("Choose the action."))
        return data


class BaseConclusionActionFormSet(forms.BaseFormSet):
    def agreed(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data.get("kind")]


# Three blank rows: a typical plan (warn, correct or remove, monitor) fits without a script.
ConclusionActionFormSet = forms.formset_factory(ConclusionActionForm, formset=BaseConclusionActionFormSet,
                                                extra=3, max_num=12, validate_max=True)


class ConclusionsForm(BootstrapMixin, forms.Form):
    """What was agreed: the conclusion, and optionally a verification, an appraisal and the plan's
    actions (a formset, `actions-N-<field>`). Nothing is ticked for the user: submitting the plan to
    the leaders is a choice they make."""

    ACTIONS_PREFIX = "actions"

    conclusion = forms.CharField(label=_("Conclusions"), widget=forms.Textarea(attrs={"rows": 4}))
    # Verification
    verdict = forms.ChoiceField(label=_("Verdict"), required=False, choices=[("", "—"), *Verdict.choices])
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    sources = forms.CharField(label=_("Sources relied on"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    # Appraisal
    expression_type = forms.ChoiceField(label=_("Type of expression"), required=False,
                                        choices=[("", "—"), *ExpressionType.choices])
    protected_kinds = forms.MultipleChoiceField(label=_("Protected expression"), choices=ProtectedKind.choices,
                                                required=False, widget=forms.CheckboxSelectMultiple)
    severity = forms.ChoiceField(label=_("Severity"), required=False, choices=[("", "—"), *Severity.choices])
    legal_basis = forms.ModelMultipleChoiceField(label=_("Legal basis"), required=False,
                                                 queryset=LegalProvision.objects.filter(active=True),
                                                 widget=forms.CheckboxSelectMultiple)
    reasoning = forms.CharField(label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    submit_plan = forms.BooleanField(label=_("Submit the plan to the leaders for approval"), required=False,
                                     initial=False)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.actions = ConclusionActionFormSet(data, prefix=self.ACTIONS_PREFIX)

    def is_valid(self) -> bool:
        valid = super().is_valid()
        # A POST without the management form (an older page, a script) simply agrees no action.
        if self.is_bound and f"{self.ACTIONS_PREFIX}-TOTAL_FORMS" not in self.data:
            self.actions = ConclusionActionFormSet(prefix=self.ACTIONS_PREFIX)
            return valid
        return self.actions.is_valid() and valid

    def clean(self):
        data = super().clean()
        if data.get("verdict") and not data.get("findings"):
            self.add_error("findings", _("Write down the findings."))
        if data.get("expression_type") and not data.get("severity"):
            self.add_error("severity", _("Choose a severity."))
        return data

    def conclusions(self) -> dict:
        d = self.cleaned_data
        verification = {"verdict": d["verdict"], "findings": d["findings"], "sources": d["sources"]} \
            if d.get("verdict") else None
        appraisal = {"severity": d["severity"], "expression_type": d["expression_type"],
                     "legal_basis": list(d["legal_basis"]), "protected_kinds": d["protected_kinds"],
                     "reasoning": d["reasoning"]} if d.get("expression_type") else None
        agreed = self.actions.agreed() if self.actions.is_bound else []
        plan_actions = [{"kind": a["kind"], "owner_agency": a["owner_agency"], "deadline": a["deadline"],
                         "description": a["description"], "target_url": a["target_url"],
                         "legal_basis": list(d["legal_basis"]), "reasons": a["reasons"]} for a in agreed]
        return {"verification": verification, "appraisal": appraisal, "plan_actions": plan_actions,
                "submit_plan": d["submit_plan"]}


class ConsultationForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    question_verification = forms.CharField(label=_("Question on verification"), required=False,
                                            widget=forms.Textarea(attrs={"rows": 3}))
    question_appraisal = forms.CharField(label=_("Question on appraisal"), required=False,
                                         widget=forms.Textarea(attrs={"rows": 3}))
    question_handling = forms.CharField(label=_("Proposed handling"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 3}))
    agencies = forms.ModelMultipleChoiceField(label=_("Invited agencies"), queryset=Agency.objects.none())
    deadline = forms.DateTimeField(label=_("Deadline for answers"), widget=DATETIME_INPUT)

    def __init__(self, *args, case=None, default_deadline: dt.datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"] = _agency_field(case, _("Invited agencies"))
        self.fields["agencies"].initial = list(case.participants.values_list("agency_id", flat=True))
        if default_deadline is not None:
            self.fields["deadline"].initial = timezone.localtime(default_deadline).strftime("%Y-%m-%dT%H:%M")
            self.fields["deadline"].help_text = _("By default, the working-day allowance for the case's priority.")

    def clean(self):
        data = super().clean()
        if not any(data.get(k) for k in ("question_verification", "question_appraisal", "question_handling")):
            raise forms.ValidationError(_("Ask at least one question: verification, appraisal or handling."))
        return data


class AnswerForm(BootstrapMixin, forms.Form):
    position = forms.ChoiceField(label=_("Your agency's position"), choices=Position.choices,
                                 widget=forms.RadioSelect)
    text = forms.CharField(label=_("Opinion and reasons"), widget=forms.Textarea(attrs={"rows": 6}))
    attachments = MultiFileField(label=_("Attachments (e.g. the signed letter)"), required=False,
                                 widget=MultiFileInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].widget.attrs["class"] = "form-check-input"


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
