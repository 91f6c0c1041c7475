"""Push API: external collectors POST items here (schema in docs/ingest.md)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db import IntegrityError, InterfaceError, OperationalError
from rest_framework import status
from rest_framework.parsers import BaseParser
from rest_framework.response import Response
from rest_framework.views import APIView

from .pushbody import BodyError, read_push_body

MAX_ITEMS_PER_REQUEST = 5000
log = logging.getLogger(__name__)


def _error(message: str, code: int, **extra) -> Response:
    return Response({"error": message, **extra}, status=code)


class _BodyKept(BaseParser):
    """Reads nothing: the view parses `request.body` itself (record by record when it must). DRF
    would otherwise parse during the session CSRF check, where a hostile body cannot be answered
    per record, and the exact bytes would no longer be readable for the evidence."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return {}


class ItemPushView(APIView):
    """`POST /api/v1/items`: a list of items, or `{"source": name, "items": [...]}`.

    Bulk and idempotent: items are keyed by (source, id) or their canonical URL, so a collector
    may resend a batch after a timeout. Answers the ingest counts; rejected items are listed
    with their index (1-based) and the reason, the others are kept. Every error is JSON:
    `{"error": "..."}`.
    """

    parser_classes = [_BodyKept]

    def post(self, request):
        from haidang.sources.actions import push_source_for
        from haidang.sources.models import Source

        from .actions import do_push_items

        media_type = (request.content_type or "").split(";", 1)[0].strip().lower()
        if media_type != "application/json" and not media_type.endswith("+json"):
            return _error("send JSON (Content-Type: application/json)", status.HTTP_415_UNSUPPORTED_MEDIA_TYPE)
        body = request.body  # the exact bytes become the evidence
        try:
            source_name, data = read_push_body(body.decode("utf-8-sig"))
        except UnicodeDecodeError:
            return _error("the body is not UTF-8", status.HTTP_400_BAD_REQUEST)
        except BodyError as exc:
            return _error(str(exc), status.HTTP_400_BAD_REQUEST)
        if not isinstance(data, list):
            return _error("send a JSON list of items, or an object with an \"items\" list",
                          status.HTTP_400_BAD_REQUEST)
        if len(data) > MAX_ITEMS_PER_REQUEST:
            return _error(f"at most {MAX_ITEMS_PER_REQUEST} items per request", status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        if source_name is not None and not isinstance(source_name, str):
            return _error("\"source\" must be the name of a push source", status.HTTP_400_BAD_REQUEST)
        token = getattr(request, "api_token", None)
        if source_name:
            source = Source.objects.filter(name=source_name).first()
            if source is None:
                return _error("no such source", status.HTTP_404_NOT_FOUND)
        elif token is not None:
            try:
                source = push_source_for(token)
            except (ValidationError, IntegrityError):
                # Two first pushes of a token at once: the other one has just created the source.
                source = push_source_for(token)
        else:
            return _error("name a push source with \"source\"", status.HTTP_400_BAD_REQUEST)
        if token is not None and source.agency_id != token.agency_id:
            return _error("this token cannot push to that source", status.HTTP_403_FORBIDDEN)
        try:
            stats = do_push_items(data, source=source, body=body, acting_user=request.user, token=token)
        except PermissionDenied as exc:
            return _error(str(exc), status.HTTP_403_FORBIDDEN)
        return Response({"source": source.name, **stats.as_dict()}, status=status.HTTP_200_OK)

    def handle_exception(self, exc):
        """JSON for every failure, never Django's HTML pages: collectors parse the answer."""
        if isinstance(exc, RequestDataTooBig):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            return _error(f"the body is larger than {limit} bytes; send fewer items per request",
                          status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        if isinstance(exc, OperationalError | InterfaceError):
            log.exception("push: the database is unavailable")
            return Response({"error": "the database is busy or unavailable; send the same items again shortly"},
                            status=status.HTTP_503_SERVICE_UNAVAILABLE, headers={"Retry-After": "30"})
        try:
            response = super().handle_exception(exc)
        except Exception:  # noqa: BLE001 - a bug: logged with its traceback, answered in JSON
            log.exception("push failed")
            return _error("internal error; the request id names it in the server log",
                          status.HTTP_500_INTERNAL_SERVER_ERROR,
                          request_id=getattr(self.request, "request_id", ""))
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        if detail is not None and "error" not in response.data:
            response.data = {"error": str(detail), **response.data}
        return response
