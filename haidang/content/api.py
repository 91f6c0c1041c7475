"""Push API: external collectors POST items here (schema in docs/ingest.md)."""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

MAX_ITEMS_PER_REQUEST = 5000


class ItemPushView(APIView):
    """`POST /api/v1/items`: a list of items, or `{"source": name, "items": [...]}`.

    Bulk and idempotent: items are keyed by (source, id) or their canonical URL, so a collector
    may resend a batch after a timeout. Answers the ingest counts; rejected items are listed
    with their index (1-based) and the reason, the others are kept.
    """

    parser_classes = [JSONParser]

    def post(self, request):
        from haidang.sources.actions import push_source_for
        from haidang.sources.models import Source

        from .actions import do_push_items

        body = request.body  # read before .data so the exact bytes become the evidence
        try:
            data = request.data
        except ParseError as exc:
            return Response({"error": str(exc.detail)}, status=status.HTTP_400_BAD_REQUEST)
        source_name = None
        if isinstance(data, dict):
            source_name = data.get("source")
            data = data.get("items")
        if not isinstance(data, list):
            return Response({"error": "send a JSON list of items, or an object with an \"items\" list"},
                            status=status.HTTP_400_BAD_REQUEST)
        if len(data) > MAX_ITEMS_PER_REQUEST:
            return Response({"error": f"at most {MAX_ITEMS_PER_REQUEST} items per request"},
                            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        token = getattr(request, "api_token", None)
        if source_name:
            source = Source.objects.filter(name=str(source_name)).first()
            if source is None:
                return Response({"error": "no such source"}, status=status.HTTP_404_NOT_FOUND)
        elif token is not None:
            source = push_source_for(token)
        else:
            return Response({"error": "name a push source with \"source\""}, status=status.HTTP_400_BAD_REQUEST)
        if token is not None and source.agency_id != token.agency_id:
            return Response({"error": "this token cannot push to that source"}, status=status.HTTP_403_FORBIDDEN)
        try:
            stats = do_push_items(data, source=source, body=body or json.dumps(data).encode(), acting_user=request.user)
        except PermissionDenied as exc:
            return Response({"error": str(exc)}, status=status.HTTP_403_FORBIDDEN)
        return Response({"source": source.name, **stats.as_dict()}, status=status.HTTP_200_OK)
