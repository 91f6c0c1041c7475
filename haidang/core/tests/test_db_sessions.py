"""Sessions: the idle timeout is kept without making every read a write (haidang.core.db_sessions)."""

from __future__ import annotations

import datetime as dt

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haidang.core import db_sessions


def _session_writes(queries) -> list[str]:
    return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].lstrip().startswith("SELECT")]


def _logged_in(personas):
    client = personas.client_for(personas.alice)
    client.get("/content/")
    return client, Session.objects.get(session_key=client.session.session_key)


def test_reading_pages_with_a_fresh_session_writes_nothing(personas):
    client, _session = _logged_in(personas)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert client.get("/content/").status_code == 200
    assert _session_writes(queries.captured_queries) == []


def test_an_older_session_has_its_expiry_moved_on(personas):
    client, session = _logged_in(personas)
    old = session.expire_date - dt.timedelta(seconds=db_sessions.REFRESH_SECONDS + 5)
    Session.objects.filter(pk=session.pk).update(expire_date=old)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/content/").status_code == 200
    assert len(_session_writes(queries.captured_queries)) == 1
    assert Session.objects.get(pk=session.pk).expire_date > old + dt.timedelta(seconds=db_sessions.REFRESH_SECONDS)


def test_a_session_that_expired_while_idle_logs_out(personas):
    client, session = _logged_in(personas)
    Session.objects.filter(pk=session.pk).update(expire_date=session.expire_date - dt.timedelta(days=1))
    response = client.get("/content/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_changed_session_is_always_written(db):
    store = db_sessions.SessionStore()
    store["colour"] = "blue"
    store.save()
    again = db_sessions.SessionStore(session_key=store.session_key)
    assert again["colour"] == "blue"
    again["colour"] = "red"
    again.save()  # fresh expiry, but changed data: written
    assert db_sessions.SessionStore(session_key=store.session_key)["colour"] == "red"
