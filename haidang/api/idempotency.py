"""`Idempotency-Key` for writes: a client that did not hear the answer sends the same request with the
same key again, and gets the first answer back instead of a second acknowledgement, report or answer.

Keys are per user (a token acts as its user); the same key with a different request is refused (422).
Only answers below 500 are kept: after a server error the request may really be tried again.
"""

from __future__ import annotations

import functools
import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from rest_framework.response import Response

from .models import IdempotencyKey
from .problems import problem

HEADER = "Idempotency-Key"


def _fingerprint(request) -> str:
    try:
        body = json.dumps(request.data, sort_keys=True, default=str)
    except (TypeError, ValueError):
        body = repr(request.data)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def idempotent(view_method):
    @functools.wraps(view_method)
    def wrapper(self, request, *args, **kwargs):
        key = (request.headers.get(HEADER) or "").strip()
        if not key:
            return view_method(self, request, *args, **kwargs)
        if len(key) > 200:
            return problem(400, _("The Idempotency-Key header is longer than 200 characters."),
                           instance=request.path)
        fingerprint = _fingerprint(request)
        seen = IdempotencyKey.objects.filter(user=request.user, key=key).first()
        if seen is not None:
            if seen.fingerprint != fingerprint:
                return problem(422, _("This Idempotency-Key was already used for a different request."),
                               instance=request.path)
            return Response(seen.response_body, status=seen.response_status, headers={"Idempotency-Replayed": "true"})
        response = view_method(self, request, *args, **kwargs)
        if response.status_code < 500:
            try:
                with transaction.atomic():
                    IdempotencyKey.objects.create(user=request.user, key=key, fingerprint=fingerprint,
                                                  response_status=response.status_code,
                                                  response_body=json.loads(json.dumps(response.data, default=str)))
            except IntegrityError:
                pass  # the same request, twice at once: the first answer is kept
        return response

    return wrapper
