"""`Idempotency-Key` for writes: a client that did not hear the answer sends the same request with the
same key again, and gets the first answer back instead of a second acknowledgement, report or answer.

Keys are per user (a token acts as its user); the same key with a different request is refused (422).
Only answers below 500 are kept: after a server error the request may really be tried again.

The key is reserved (a row with status 0) in its own committed transaction *before* the write runs, so
two copies of one request sent at once cannot both act: the second gets 409 "still in progress" and
retries later to get the first one's answer (as Stripe's and the IETF draft's idempotency keys do).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.response import Response

from .models import IdempotencyKey
from .problems import problem

HEADER = "Idempotency-Key"
IN_PROGRESS = 0  # response_status of a key whose first request is still running
ABANDONED_AFTER = dt.timedelta(minutes=10)


def _replay(request, key: str, fingerprint: str):
    seen = IdempotencyKey.objects.filter(user=request.user, key=key).first()
    if seen is None:  # the first request failed and gave its key back between our insert and this read
        return problem(409, _("A request with this Idempotency-Key has just failed; send it again."),
                       instance=request.path)
    if seen.fingerprint != fingerprint:
        return problem(422, _("This Idempotency-Key was already used for a different request."),
                       instance=request.path)
    if seen.response_status == IN_PROGRESS and seen.created_at < timezone.now() - ABANDONED_AFTER:
        # Its process died mid-request (nothing answered, nothing kept): free the key for the retry.
        IdempotencyKey.objects.filter(pk=seen.pk, response_status=IN_PROGRESS).delete()
        return problem(409, _("A request with this Idempotency-Key has just failed; send it again."),
                       instance=request.path)
    if seen.response_status == IN_PROGRESS:
        return problem(409, _("A request with this Idempotency-Key is still being processed; try again shortly."),
                       instance=request.path, headers={"Retry-After": "1"})
    return Response(seen.response_body, status=seen.response_status, headers={"Idempotency-Replayed": "true"})


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
        try:
            with transaction.atomic():
                reservation = IdempotencyKey.objects.create(user=request.user, key=key, fingerprint=fingerprint,
                                                            response_status=IN_PROGRESS)
        except IntegrityError:
            return _replay(request, key, fingerprint)
        response = None
        try:
            response = view_method(self, request, *args, **kwargs)
        finally:
            if response is None or response.status_code >= 500:
                # Nothing was answered (an exception) or the server failed: the request may be tried again.
                IdempotencyKey.objects.filter(pk=reservation.pk).delete()
            else:
                IdempotencyKey.objects.filter(pk=reservation.pk).update(
                    response_status=response.status_code,
                    response_body=json.loads(json.dumps(response.data, default=str)))
        return response

    return wrapper
