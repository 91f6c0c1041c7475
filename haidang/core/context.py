"""Per-request context (request id, acting user) that actions and the audit log read.

A contextvar rather than thread-locals: works the same under gunicorn threads and Huey threads.
"""

from __future__ import annotations

import contextvars
import uuid

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("haidang_request_id", default="")


def current_request_id() -> str:
    rid = request_id_var.get()
    if not rid:
        # Writes from the CLI or a task still get an id, so their audit rows can be grouped.
        rid = "local-" + uuid.uuid4().hex[:16]
        request_id_var.set(rid)
    return rid


def new_request_id(prefix: str = "") -> str:
    rid = prefix + uuid.uuid4().hex
    request_id_var.set(rid)
    return rid
