"""Errors as RFC 9457 problem details (`application/problem+json`), with Vietnamese titles.

    {"type": "https://haidang.invalid/problems/not-found", "title": "Không tìm thấy", "status": 404,
     "detail": "...", "instance": "/api/v1/cases/7/", "errors": {"field": ["..."]}}

`type` is a stable identifier a client can switch on; `title` and `detail` are for people.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from haidang.cases.errors import CaseError

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://haidang.invalid/problems/"


class ProblemJSONRenderer(JSONRenderer):
    """Lets a view answer `application/problem+json` whatever the client's Accept says."""

    media_type = PROBLEM_CONTENT_TYPE


def _titles() -> dict[int, tuple[str, str]]:
    return {
        400: ("invalid", _("The request is not valid")),
        401: ("unauthenticated", _("Authentication is needed")),
        403: ("forbidden", _("Not allowed")),
        404: ("not-found", _("Not found")),
        405: ("method-not-allowed", _("Method not allowed")),
        406: ("not-acceptable", _("Cannot answer in the requested format")),
        409: ("conflict", _("The workflow does not allow this now")),
        413: ("too-large", _("The request is too large")),
        415: ("unsupported-media-type", _("Unsupported content type")),
        422: ("idempotency-key-reused", _("This Idempotency-Key was used for another request")),
        429: ("throttled", _("Too many requests")),
    }


class WorkflowConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def problem(status_code: int, detail="", *, instance: str = "", errors=None, headers=None) -> Response:
    slug, title = _titles().get(status_code, ("error", _("Error")))
    body = {"type": PROBLEM_BASE + slug, "title": title, "status": status_code, "detail": str(detail or title)}
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    response = Response(body, status=status_code, headers=headers, content_type=PROBLEM_CONTENT_TYPE)
    return response


def exception_handler(exc, context):
    if getattr(context.get("view"), "plain_json_errors", False):
        # The push endpoint keeps its documented `{"error": ...}` answers (docs/ingest.md).
        return drf_exception_handler(exc, context)
    if isinstance(exc, CaseError):
        exc = WorkflowConflict(str(exc))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.messages)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Not found, or you may not see it."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a real server error: Django's 500 handling, logged with the request id
    request = context.get("request")
    data = response.data
    errors = None
    if isinstance(exc, exceptions.ValidationError):
        errors = data if isinstance(data, dict) else {"non_field_errors": data}
        detail = _("Some fields are not valid; see `errors`.")
    elif isinstance(data, dict) and "detail" in data:
        detail = data["detail"]
    else:
        detail = ""
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After", "Allow")}
    answer = problem(response.status_code, detail, instance=request.path if request else "", errors=errors,
                     headers=headers)
    if request is not None:
        # The negotiated renderer may be the browsable one or plain JSON; problems are always JSON.
        request.accepted_renderer = ProblemJSONRenderer()
        request.accepted_media_type = PROBLEM_CONTENT_TYPE
    return answer
