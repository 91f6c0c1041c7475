"""Database sessions whose idle timeout does not cost a write on every page.

SESSION_SAVE_EVERY_REQUEST keeps the idle timeout (the expiry moves on with each request), but it
made every read a write: on SQLite each feed page then waited for the write lock, behind the
worker's and the collectors' writes. Here an unchanged session is written only when its stored
expiry is more than REFRESH_SECONDS behind the new one, so the idle timeout is kept to within a
minute and a burst of reads writes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

REFRESH_SECONDS = 60


class SessionStore(DatabaseSessionStore):
    _stored_expiry: dt.datetime | None = None

    def _get_session_from_db(self):
        session = super()._get_session_from_db()
        self._stored_expiry = session.expire_date if session is not None else None
        return session

    def save(self, must_create=False):
        if not must_create and not self.modified and self.session_key is not None and self._is_fresh():
            return
        super().save(must_create=must_create)
        self._stored_expiry = self.get_expiry_date()

    def _is_fresh(self) -> bool:
        if self._stored_expiry is None:
            return False
        return self.get_expiry_date() - self._stored_expiry < dt.timedelta(seconds=REFRESH_SECONDS)
