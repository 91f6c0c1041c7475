"""The REST resources over the workflow. Reads go through each model's `restrict()` (the screens' one
access path: an object you may not see is a 404, never a 403); writes call the same actions.py
functions as the screens, so roles, safeguards, the timeline and the audit log hold."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from haidang.alerts import actions as alert_actions
from haidang.alerts.models import Alert, Story
from haidang.cases import actions as case_actions
from haidang.cases import queries as case_queries
from haidang.cases import visibility
from haidang.cases.choices import CaseState
from haidang.cases.models import Case, Report
from haidang.claims import queries as claim_queries
from haidang.claims.models import Claim
from haidang.content.api import ItemPushView
from haidang.content.models import Item
from haidang.coordination import actions as coordination_actions
from haidang.coordination.models import Answer, Consultation, Meeting
from haidang.core import exports
from haidang.core.models import Job
from haidang.grievances import actions as grievance_actions
from haidang.grievances.models import Grievance

from . import filters, serializers
from .idempotency import HEADER, idempotent
from .permissions import TokenScope

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER, OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description=_("Any unique string (a UUID) per write; sending the same write again with the same key "
                  "answers the first result instead of doing it twice."))


class NewestFirst(CursorPagination):
    """Cursor pagination, newest first: stable under inserts (new items never shift a page)."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class RestrictedViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only resource limited by `Model.objects.restrict(user)`."""

    model = None
    related: tuple[str, ...] = ()
    pagination_class = NewestFirst

    def get_queryset(self):
        queryset = self.model.objects.restrict(self.request.user)
        return queryset.select_related(*self.related) if self.related else queryset


def _summary(list_text, detail_text):
    return {"list": extend_schema(summary=list_text), "retrieve": extend_schema(summary=detail_text)}


@extend_schema_view(**_summary(_("Collected items, with their signals (newest first)"),
                               _("One collected item, with its signals")))
class ItemViewSet(RestrictedViewSet):
    model = Item
    related = ("source", "signals")
    serializer_class = serializers.ItemSerializer
    filterset_class = filters.ItemFilter


@extend_schema_view(**_summary(_("Stories: the same content across sources"), _("One story")))
class StoryViewSet(RestrictedViewSet):
    model = Story
    serializer_class = serializers.StorySerializer
    filterset_class = filters.StoryFilter

    def get_queryset(self):
        return super().get_queryset().filter(merged_into__isnull=True)


@extend_schema_view(**_summary(_("Alerts routed to my agency (and high ones, for the lead agency)"),
                               _("One alert")))
class AlertViewSet(RestrictedViewSet):
    model = Alert
    related = ("agency",)
    serializer_class = serializers.AlertSerializer
    filterset_class = filters.AlertFilter

    def _answer(self, alert):
        return Response(serializers.AlertSerializer(Alert.objects.select_related("agency").get(pk=alert.pk)).data)

    @extend_schema(summary=_("Acknowledge an alert"), request=None, parameters=[IDEMPOTENCY_PARAMETER],
                   responses=serializers.AlertSerializer)
    @action(detail=True, methods=["post"])
    @idempotent
    def acknowledge(self, request, pk=None):
        alert = self.get_object()
        return self._answer(alert_actions.do_acknowledge_alert(alert, acting_user=request.user))

    @extend_schema(summary=_("Dismiss an alert, saying why"), request=serializers.DismissBody,
                   parameters=[IDEMPOTENCY_PARAMETER], responses=serializers.AlertSerializer)
    @action(detail=True, methods=["post"])
    @idempotent
    def dismiss(self, request, pk=None):
        alert = self.get_object()
        body = serializers.DismissBody(data=request.data)
        body.is_valid(raise_exception=True)
        return self._answer(alert_actions.do_dismiss_alert(alert, reason=body.validated_data["reason"],
                                                           acting_user=request.user))

    @extend_schema(summary=_("Report an alert to the lead agency"), request=serializers.ReportAlertBody,
                   parameters=[IDEMPOTENCY_PARAMETER], responses={201: serializers.ReportSerializer})
    @action(detail=True, methods=["post"])
    @idempotent
    def report(self, request, pk=None):
        alert = self.get_object()
        body = serializers.ReportAlertBody(data=request.data)
        body.is_valid(raise_exception=True)
        report = alert_actions.do_report_alert(alert, acting_user=request.user,
                                               reason=body.validated_data["reason"])
        return Response(serializers.ReportSerializer(report).data, status=status.HTTP_201_CREATED)


@extend_schema_view(**_summary(_("Reports to the lead agency (mine, or all for the lead agency)"),
                               _("One report")))
class ReportViewSet(mixins.CreateModelMixin, RestrictedViewSet):
    model = Report
    related = ("reporting_agency",)
    serializer_class = serializers.ReportSerializer
    filterset_class = filters.ReportFilter

    def retrieve(self, request, pk=None):
        # The screens' reader: a confidential case's report leaves an audit entry when read.
        report = case_queries.view_report_for_user(request.user, pk)
        return Response(serializers.ReportSerializer(report).data)

    @extend_schema(summary=_("Report something to the lead agency"), request=serializers.ReportCreateBody,
                   parameters=[IDEMPOTENCY_PARAMETER], responses={201: serializers.ReportSerializer})
    @idempotent
    def create(self, request):
        body = serializers.ReportCreateBody(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        item_id, item = data.pop("item"), None
        if item_id:
            item = Item.objects.restrict(request.user).filter(pk=item_id).first()
            if item is None:
                raise ValidationError({"item": [_("No such item.")]})
        report = case_actions.do_create_report(acting_user=request.user, item=item, **data)
        return Response(serializers.ReportSerializer(report).data, status=status.HTTP_201_CREATED)


@extend_schema_view(**_summary(_("Cases I may see"), _("One case")))
class CaseViewSet(RestrictedViewSet):
    model = Case
    related = ("lead_agency",)
    serializer_class = serializers.CaseSerializer
    filterset_class = filters.CaseFilter

    def retrieve(self, request, pk=None):
        case = case_queries.view_case_for_user(request.user, pk)
        return Response(serializers.CaseSerializer(case).data)

    @extend_schema(summary=_("A case's timeline, as its page shows it"), filters=False,
                   responses=serializers.CaseEventSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def timeline(self, request, pk=None):
        case = case_queries.view_case_for_user(request.user, pk)
        events = visibility.visible_events(request.user, case, case.events.select_related("agency"))
        return Response(serializers.CaseEventSerializer(events, many=True).data)

    @extend_schema(summary=_("Move a case to another state"), request=serializers.CaseTransitionBody,
                   parameters=[IDEMPOTENCY_PARAMETER], responses=serializers.CaseSerializer)
    @action(detail=True, methods=["post"], filterset_class=None)
    @idempotent
    def transition(self, request, pk=None):
        case = case_queries.access_case_for_user(request.user, pk)
        body = serializers.CaseTransitionBody(data=request.data)
        body.is_valid(raise_exception=True)
        to, reason, user = body.validated_data["to"], body.validated_data["reason"], request.user
        if to == CaseState.VERIFYING and case.state in (CaseState.CLOSED, CaseState.DISMISSED):
            case_actions.do_reopen_case(case, acting_user=user, reason=reason)
        elif to == CaseState.VERIFYING:
            case_actions.do_start_verification(case, acting_user=user)
        elif to == CaseState.HANDLING:
            case_actions.do_start_handling(case, acting_user=user)
        elif to == CaseState.CLOSED:
            case_actions.do_close_case(case, acting_user=user, outcome=reason)
        else:
            case_actions.do_dismiss_case(case, acting_user=user, reason=reason)
        return Response(serializers.CaseSerializer(Case.objects.select_related("lead_agency").get(pk=case.pk)).data)


@extend_schema_view(**_summary(_("Consultations of cases I take part in"), _("One consultation")))
class ConsultationViewSet(RestrictedViewSet):
    model = Consultation
    serializer_class = serializers.ConsultationSerializer
    filterset_class = filters.ConsultationFilter

    def get_queryset(self):
        return super().get_queryset().prefetch_related("invitations__agency")

    @extend_schema(summary=_("The answers I may read"), filters=False,
                   responses=serializers.AnswerSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def answers(self, request, pk=None):
        consultation = self.get_object()
        answers = (Answer.objects.restrict(request.user).filter(consultation=consultation)
                   .select_related("agency").order_by("id"))
        return Response(serializers.AnswerSerializer(answers, many=True).data)

    @extend_schema(summary=_("Answer a consultation as my agency"), request=serializers.ConsultationAnswerBody,
                   parameters=[IDEMPOTENCY_PARAMETER], responses={201: serializers.AnswerSerializer})
    @action(detail=True, methods=["post"], filterset_class=None)
    @idempotent
    def answer(self, request, pk=None):
        consultation = self.get_object()
        body = serializers.ConsultationAnswerBody(data=request.data)
        body.is_valid(raise_exception=True)
        token = getattr(request, "api_token", None)
        answer = coordination_actions.do_answer_consultation(
            consultation, acting_user=request.user, agency=token.agency if token else None, **body.validated_data)
        return Response(serializers.AnswerSerializer(answer).data, status=status.HTTP_201_CREATED)


@extend_schema_view(**_summary(_("Meetings of cases I take part in"), _("One meeting")))
class MeetingViewSet(RestrictedViewSet):
    model = Meeting
    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter


@extend_schema_view(**_summary(_("Grievances my agency must answer (all, for the lead agency)"),
                               _("One grievance")))
class GrievanceViewSet(RestrictedViewSet):
    model = Grievance
    related = ("agency",)
    serializer_class = serializers.GrievanceSerializer
    filterset_class = filters.GrievanceFilter

    @extend_schema(summary=_("Submit the official answer to a grievance (a leader approves it)"),
                   request=serializers.GrievanceAnswerBody, parameters=[IDEMPOTENCY_PARAMETER],
                   responses=serializers.GrievanceSerializer)
    @action(detail=True, methods=["post"], filterset_class=None)
    @idempotent
    def answer(self, request, pk=None):
        grievance = self.get_object()
        body = serializers.GrievanceAnswerBody(data=request.data)
        body.is_valid(raise_exception=True)
        grievance_actions.do_submit_answer(grievance, acting_user=request.user, **body.validated_data)
        return Response(serializers.GrievanceSerializer(Grievance.objects.select_related("agency")
                                                        .get(pk=grievance.pk)).data)


@extend_schema_view(**_summary(_("The claim library: verified statements and their corrections"),
                               _("One claim")))
class ClaimViewSet(RestrictedViewSet):
    model = Claim
    related = ("agency",)
    serializer_class = serializers.ClaimSerializer
    filterset_class = filters.ClaimFilter

    def retrieve(self, request, pk=None):
        return Response(serializers.ClaimSerializer(claim_queries.access_claim_for_user(request.user, pk)).data)


# The file types an export may come as (the reports' formats); anything else is application/octet-stream.
EXPORT_MEDIA_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", "text/html",
    "application/zip", "application/octet-stream")


EXPORT_JOB_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("The export job's id"))


class ExportViewSet(viewsets.ViewSet):
    """Export jobs: files the reports app produces in the background (a periodic report, the
    transparency report, a case dossier), started with the screens' rules and audited as there.
    A job and its file are its requester's only (others get 404), as on the screens."""

    # An export reads what its requester may see, into a file: a `read` token may ask for one.
    token_scope = "read"

    def _job(self, request, pk) -> Job:
        job = Job.objects.filter(pk=pk, created_by=request.user).first() if str(pk).isdigit() and len(str(pk)) < 19 else None
        if job is None or not exports.is_export_job(job):
            raise Http404("not found")
        return job

    @extend_schema(summary=_("Request an export job"), request=serializers.ExportRequestBody,
                   parameters=[IDEMPOTENCY_PARAMETER], responses={202: serializers.ExportJobSerializer})
    @idempotent
    def create(self, request):
        body = serializers.ExportRequestBody(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        params = {**data["filters"], "format": data.get("format", "")}
        job = exports.start_export(data["kind"], request.user, params)
        return Response(serializers.ExportJobSerializer(Job.objects.get(pk=job.pk)).data,
                        status=status.HTTP_202_ACCEPTED)

    @extend_schema(summary=_("An export job's status and progress"), parameters=[EXPORT_JOB_ID],
                   responses=serializers.ExportJobSerializer)
    def retrieve(self, request, pk=None):
        return Response(serializers.ExportJobSerializer(self._job(request, pk)).data)

    @extend_schema(summary=_("Download an export job's file, once it succeeded"), parameters=[EXPORT_JOB_ID],
                   responses={(200, media): OpenApiTypes.BINARY for media in EXPORT_MEDIA_TYPES})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        found = exports.export_file(self._job(request, pk))
        if found is None:  # not finished, failed, or its file is gone
            raise Http404("not found")
        path, filename, content_type = found
        return FileResponse(path.open("rb"), as_attachment=True, filename=filename, content_type=content_type)


@extend_schema(
    summary=_("Push collected items (JSON list, or {\"source\": name, \"items\": [...]})"),
    description=_("Bulk and idempotent: items are keyed by (source, id) or their canonical URL. "
                  "Needs a token with the `push` scope. See docs/ingest.md for the fields."),
    request={"application/json": OpenApiTypes.OBJECT},
    responses={200: OpenApiTypes.OBJECT, 400: OpenApiTypes.OBJECT, 403: OpenApiTypes.OBJECT,
               404: OpenApiTypes.OBJECT, 413: OpenApiTypes.OBJECT, 415: OpenApiTypes.OBJECT,
               503: OpenApiTypes.OBJECT},
)
class PushItemsView(ItemPushView):
    """content's push view, behind the `push` scope (a read or act token cannot push)."""

    token_scope = "push"
    plain_json_errors = True
    permission_classes = [permissions.IsAuthenticated, TokenScope]
