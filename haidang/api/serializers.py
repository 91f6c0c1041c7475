"""What the API shows of each object. Read-only representations, and the small bodies of the writes
(the writes themselves go through each app's actions.py, like the screens)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from haidang.alerts.models import Alert, Story
from haidang.analysis.models import ItemSignals
from haidang.cases.choices import CaseState, HarmCategory, Urgency
from haidang.cases.models import Case, CaseEvent, Report
from haidang.claims.models import Claim
from haidang.content.models import Item
from haidang.coordination.choices import Position
from haidang.coordination.models import Answer, Consultation, Meeting
from haidang.core.choices import JobStatus
from haidang.core.exports import export_kinds
from haidang.core.models import Job
from haidang.grievances.models import Grievance


class AgencyField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(slug_field="short_name", **kwargs)


class SignalsSerializer(serializers.ModelSerializer):
    class Meta:
        model = ItemSignals
        fields = ["top_category", "categories", "priority", "risk", "watchlist_hits", "places", "why", "analyzed_at"]


class ItemSerializer(serializers.ModelSerializer):
    signals = serializers.SerializerMethodField(help_text=_("The analyser's result; null until analysed."))
    source = serializers.CharField(source="source.name", read_only=True)

    class Meta:
        model = Item
        fields = ["id", "source", "platform", "external_id", "url", "canonical_url", "author_name", "published_at",
                  "fetched_at", "title", "text", "language", "likes", "shares", "comments", "views", "parent",
                  "is_press", "deleted_at", "signals"]

    @extend_schema_field(SignalsSerializer(allow_null=True))
    def get_signals(self, item):
        signals = getattr(item, "signals", None)
        return SignalsSerializer(signals).data if signals is not None else None


class StorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Story
        fields = ["id", "title", "representative", "first_seen", "last_seen", "item_count", "source_count",
                  "total_engagement", "category_counts", "place_counts", "subtopics", "dominant_category",
                  "max_priority", "max_risk", "urgent_hit", "merged_into", "updated_at"]


class AlertSerializer(serializers.ModelSerializer):
    agency = AgencyField()

    class Meta:
        model = Alert
        fields = ["id", "kind", "story", "title", "priority", "category", "reasons", "agency", "routed_by", "status",
                  "item_count", "spike_dimension", "spike_key", "handled_at", "dismiss_reason", "report_id",
                  "created_at", "updated_at"]


class ReportSerializer(serializers.ModelSerializer):
    reporting_agency = AgencyField()

    class Meta:
        model = Report
        fields = ["id", "reporting_agency", "created_at", "subject_type", "subject_id", "item", "url", "description",
                  "reason", "category", "urgency", "is_press", "status", "case", "triaged_at", "dismiss_reason"]


class CaseSerializer(serializers.ModelSerializer):
    lead_agency = AgencyField()

    class Meta:
        model = Case
        fields = ["id", "code", "title", "summary", "category", "priority", "confidentiality", "state", "lead_agency",
                  "coordination_modes", "due_at", "created_at", "updated_at", "closed_at", "outcome",
                  "dismiss_reason"]


class CaseEventSerializer(serializers.ModelSerializer):
    agency = AgencyField()
    text = serializers.SerializerMethodField(help_text=_("The timeline line, as the case page shows it."))

    class Meta:
        model = CaseEvent
        fields = ["id", "type", "text", "parameters", "agency", "created_at"]

    def get_text(self, event) -> str:
        from haidang.cases import events

        return str(events.describe(event))


class AnswerSerializer(serializers.ModelSerializer):
    agency = AgencyField()

    class Meta:
        model = Answer
        fields = ["id", "agency", "position", "text", "signed_at", "revision"]


class ConsultationSerializer(serializers.ModelSerializer):
    invited = serializers.SerializerMethodField(help_text=_("Short names of the invited agencies."))

    class Meta:
        model = Consultation
        fields = ["id", "case", "title", "question_verification", "question_appraisal", "question_handling",
                  "deadline", "status", "conclusion", "closed_at", "created_at", "invited"]

    def get_invited(self, consultation) -> list[str]:
        return sorted(i.agency.short_name for i in consultation.invitations.all())


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "case", "title", "starts_at", "ends_at", "place", "online_link", "agenda", "status",
                  "conclusions_due_at", "conclusions", "concluded_at", "created_at"]


class GrievanceSerializer(serializers.ModelSerializer):
    agency = AgencyField()

    class Meta:
        model = Grievance
        fields = ["id", "code", "title", "text", "origin", "story", "priority", "place_code", "place_name", "agency",
                  "state", "received_at", "due_at", "voice_count", "source_count", "answered_at", "published_url",
                  "case", "created_at", "updated_at"]


# --- write bodies ----------------------------------------------------------------------------


class DismissBody(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, help_text=_("Why the alert is dismissed."))


class ReportAlertBody(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="",
                                   help_text=_("Why it is reported to the lead agency."))


class ReportCreateBody(serializers.Serializer):
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    description = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    category = serializers.ChoiceField(choices=HarmCategory.choices, required=False, default=HarmCategory.OTHER)
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False, default=Urgency.MEDIUM)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    item = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1,
                                    help_text=_("The collected item reported, if any."))

    def validate(self, data):
        if not (data.get("url") or data.get("description") or data.get("item")):
            raise serializers.ValidationError(_("Give a URL, a description or an item."))
        return data


CASE_TRANSITIONS = {
    CaseState.VERIFYING: _("start verification (new → verifying), or reopen (closed/dismissed → verifying)"),
    CaseState.HANDLING: _("start handling (plan approved → handling)"),
    CaseState.CLOSED: _("close (handling → closed), with the outcome in `reason`"),
    CaseState.DISMISSED: _("dismiss, with the reason"),
}


class CaseTransitionBody(serializers.Serializer):
    to = serializers.ChoiceField(choices=[(k.value, k.label) for k in CASE_TRANSITIONS],
                                 help_text=_("The state to move to."))
    reason = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="",
                                   help_text=_("Outcome (closing), reason (dismissing or reopening)."))


class ConsultationAnswerBody(serializers.Serializer):
    position = serializers.ChoiceField(choices=Position.choices)
    text = serializers.CharField(max_length=20000, help_text=_("The agency's opinion."))


class GrievanceAnswerBody(serializers.Serializer):
    text = serializers.CharField(max_length=20000, help_text=_("The official answer."))
    published_url = serializers.URLField(max_length=2000, help_text=_("Where the answer is (to be) published."))


class ClaimSerializer(serializers.ModelSerializer):
    agency = AgencyField()
    is_public = serializers.BooleanField(read_only=True, help_text=_("Approved and shown on the public pages."))

    class Meta:
        model = Claim
        fields = ["id", "claim_id", "statement", "verdict", "correction", "sources", "agency", "case", "story",
                  "status", "verified_on", "created_at", "updated_at", "approved_at", "is_public"]


class ExportRequestBody(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[], help_text=_(
        "periodic (filters: report_id; docx, pdf, xlsx), transparency (filters: from, to as YYYY-MM-DD; "
        "html, pdf, csv) or dossier (filters: case_id; zip)"))
    format = serializers.CharField(required=False, allow_blank=True, max_length=10,
                                   help_text=_("The file's format; the kind's first format when left out."))
    filters = serializers.DictField(required=False, default=dict, help_text=_("What to export, by kind."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The kinds are those the producing app registered (haidang.core.exports), read when used.
        self.fields["kind"].choices = sorted(export_kinds())


class ExportJobSerializer(serializers.ModelSerializer):
    kind = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField(help_text=_("Where to fetch the file, once it is ready."))

    class Meta:
        model = Job
        fields = ["id", "kind", "name", "status", "progress_done", "progress_total", "created_at", "started_at",
                  "finished_at", "failure_reason", "download_url"]

    def get_kind(self, job) -> str:
        return job.kind.split(".", 1)[-1]

    def get_download_url(self, job) -> str | None:
        if job.status != JobStatus.SUCCEEDED:
            return None
        return reverse("api:export-download", args=[job.pk])
