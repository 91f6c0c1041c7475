"""Query filters (django-filter) for the list endpoints. They narrow what restrict() already allows."""

from __future__ import annotations

import django_filters as filters
from django.utils.translation import gettext_lazy as _

from haidang.alerts.choices import AlertStatus
from haidang.alerts.models import Alert, Story
from haidang.cases.choices import CaseState, HarmCategory, ReportStatus, Urgency
from haidang.cases.models import Case, Report
from haidang.claims.choices import ClaimStatus, ClaimVerdict
from haidang.claims.matching import prepare
from haidang.claims.models import Claim
from haidang.content.models import Item
from haidang.coordination.choices import ConsultationStatus, MeetingStatus
from haidang.coordination.models import Consultation, Meeting
from haidang.core.vocabulary import Priority
from haidang.grievances.choices import GrievanceState
from haidang.grievances.models import Grievance
from haidang.sources.choices import Platform
from haidang.text.normalize import fold


class ItemFilter(filters.FilterSet):
    q = filters.CharFilter(method="search", label=_("Words in the text (accents ignored)"))
    platform = filters.ChoiceFilter(choices=Platform.choices)
    source = filters.NumberFilter(field_name="source_id", label=_("Source id"))
    priority = filters.ChoiceFilter(field_name="signals__priority", choices=Priority.choices)
    category = filters.ChoiceFilter(field_name="signals__top_category", choices=HarmCategory.choices)
    min_risk = filters.NumberFilter(field_name="signals__risk", lookup_expr="gte", label=_("Risk at least"))
    fetched_after = filters.IsoDateTimeFilter(field_name="fetched_at", lookup_expr="gte")
    story = filters.NumberFilter(field_name="story_membership__story_id", label=_("Story id"))

    class Meta:
        model = Item
        fields = ["q", "platform", "source", "priority", "category", "min_risk", "fetched_after", "story"]

    def search(self, queryset, name, value):
        words = fold(value).split()[:10]
        for word in words:
            queryset = queryset.filter(text_folded__contains=word)
        return queryset


class StoryFilter(filters.FilterSet):
    priority = filters.ChoiceFilter(field_name="max_priority", choices=Priority.choices)
    category = filters.ChoiceFilter(field_name="dominant_category", choices=HarmCategory.choices)
    updated_after = filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Story
        fields = ["priority", "category", "updated_after"]


class AlertFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=AlertStatus.choices)
    priority = filters.MultipleChoiceFilter(choices=Priority.choices)
    category = filters.ChoiceFilter(choices=HarmCategory.choices)
    agency = filters.CharFilter(field_name="agency__short_name", label=_("Agency short name"))
    created_after = filters.IsoDateTimeFilter(field_name="created_at", lookup_expr="gte")

    class Meta:
        model = Alert
        fields = ["status", "priority", "category", "agency", "created_after"]


class ReportFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=ReportStatus.choices)
    category = filters.ChoiceFilter(choices=HarmCategory.choices)
    urgency = filters.ChoiceFilter(choices=Urgency.choices)

    class Meta:
        model = Report
        fields = ["status", "category", "urgency"]


class CaseFilter(filters.FilterSet):
    state = filters.MultipleChoiceFilter(choices=CaseState.choices)
    category = filters.ChoiceFilter(choices=HarmCategory.choices)
    priority = filters.ChoiceFilter(choices=Priority.choices)
    updated_after = filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Case
        fields = ["state", "category", "priority", "updated_after"]


class ConsultationFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=ConsultationStatus.choices)
    case = filters.NumberFilter(field_name="case_id")
    invited = filters.CharFilter(field_name="invitations__agency__short_name", label=_("Invited agency short name"))

    class Meta:
        model = Consultation
        fields = ["status", "case", "invited"]


class MeetingFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=MeetingStatus.choices)
    case = filters.NumberFilter(field_name="case_id")
    starts_after = filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")

    class Meta:
        model = Meeting
        fields = ["status", "case", "starts_after"]


class GrievanceFilter(filters.FilterSet):
    state = filters.MultipleChoiceFilter(choices=GrievanceState.choices)
    priority = filters.ChoiceFilter(choices=Priority.choices)
    agency = filters.CharFilter(field_name="agency__short_name", label=_("Agency short name"))

    class Meta:
        model = Grievance
        fields = ["state", "priority", "agency"]


class ClaimFilter(filters.FilterSet):
    q = filters.CharFilter(method="search", label=_("Words in the statement or the correction (accents ignored)"))
    status = filters.ChoiceFilter(choices=ClaimStatus.choices)
    verdict = filters.ChoiceFilter(choices=ClaimVerdict.choices)
    updated_after = filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Claim
        fields = ["q", "status", "verdict", "updated_after"]

    def search(self, queryset, name, value):
        # As the library's screen: every word, folded as the matcher folds it (accents, teencode).
        words = prepare(value).split()
        if not words:
            return queryset
        ids = [pk for pk, statement, correction in queryset.values_list("pk", "statement", "correction").iterator()
               if all(f" {w}" in f" {prepare(statement)} {prepare(correction)} " for w in words)]
        return queryset.filter(pk__in=ids)
