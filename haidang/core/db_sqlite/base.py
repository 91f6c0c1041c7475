"""The `haidang.core.db_sqlite` engine: Django's SQLite backend with the write gate (see the package)."""

from __future__ import annotations

import contextlib
import contextvars
import fcntl
import logging
import os
import sys
import time

from django.db import OperationalError
from django.db.backends.sqlite3 import base as sqlite_base

log = logging.getLogger(__name__)

# The Huey consumer's writes are background work: they give way to waiting web requests.
_BACKGROUND_PROCESS = any(arg.endswith("run_huey") for arg in sys.argv)
_background = contextvars.ContextVar("haidang_background_writes", default=_BACKGROUND_PROCESS)
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
POLL_SECONDS = 0.001
# A background writer steps aside for foreground ones for at most this long per transaction, so a
# stream of web writes cannot stop the worker.
MAX_DEFER_SECONDS = 2.0


@contextlib.contextmanager
def background_writes(on: bool = True):
    """Mark the writes made inside as background work (they yield to foreground writers)."""
    token = _background.set(on)
    try:
        yield
    finally:
        _background.reset(token)


class WriteGate:
    """One per connection: its own file descriptors, so threads of one process exclude each other too
    (flock locks belong to the open file, not to the process)."""

    def __init__(self, path: str):
        self.gate = os.open(path + ".write-gate", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o660)
        # Held shared by foreground writers while they wait; a background writer that cannot take it
        # exclusively knows someone is waiting and steps aside.
        self.want = os.open(path + ".write-want", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o660)
        self.held = False
        self.waited = 0.0  # seconds the last acquire waited (tests, diagnostics)
        self.pid = os.getpid()

    def _try(self, fd: int, mode: int) -> bool:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _someone_waits(self) -> bool:
        if self._try(self.want, fcntl.LOCK_EX):
            fcntl.flock(self.want, fcntl.LOCK_UN)
            return False
        return True

    def acquire(self, timeout: float) -> None:
        if self.held:
            return
        start = time.monotonic()
        deadline = start + timeout
        background = _background.get()
        if not background and self._try(self.gate, fcntl.LOCK_EX):
            self.held, self.waited = True, 0.0
            return
        if not background:
            fcntl.flock(self.want, fcntl.LOCK_SH)  # only ever held exclusively for an instant
        try:
            while True:
                now = time.monotonic()
                defer = background and now - start < MAX_DEFER_SECONDS and self._someone_waits()
                if not defer and self._try(self.gate, fcntl.LOCK_EX):
                    self.held, self.waited = True, now - start
                    return
                if now >= deadline:
                    raise OperationalError("database is locked (write gate)")
                time.sleep(POLL_SECONDS)
        finally:
            if not background:
                fcntl.flock(self.want, fcntl.LOCK_UN)

    def release(self) -> None:
        if self.held:
            self.held = False
            fcntl.flock(self.gate, fcntl.LOCK_UN)

    def close(self) -> None:
        self.release()
        self.abandon()

    def abandon(self) -> None:
        """Close the descriptors without unlocking: after a fork they are shared with the parent, and
        an unlock through them would free the parent's lock."""
        for fd in (self.gate, self.want):
            with contextlib.suppress(OSError):
                os.close(fd)


class DatabaseWrapper(sqlite_base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._gate: WriteGate | None = None
        self._no_gate = False
        self.execute_wrappers.append(self._gate_autocommit_write)

    def _write_gate(self) -> WriteGate | None:
        if self._gate is not None and self._gate.pid != os.getpid():
            self._gate.abandon()  # a connection inherited across a fork: this process needs its own
            self._gate = None
        if self._gate is None and not self._no_gate and not self.is_in_memory_db():
            try:
                self._gate = WriteGate(str(self.settings_dict["NAME"]))
            except OSError as exc:
                # E.g. a read-only folder: SQLite's own locking still holds, only the fairness is lost.
                log.warning("SQLite write gate unavailable next to %s (%s): writers queue on SQLite's lock alone",
                            self.settings_dict["NAME"], exc)
                self._no_gate = True
        return self._gate

    def _gate_timeout(self) -> float:
        return float(self.settings_dict.get("OPTIONS", {}).get("timeout", 30))

    def _start_transaction_under_autocommit(self):
        gate = self._write_gate()
        if gate is not None:
            gate.acquire(self._gate_timeout())
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            if gate is not None:
                gate.release()
            raise

    def _commit(self):
        try:
            super()._commit()
        finally:
            if self._gate is not None:
                self._gate.release()

    def _rollback(self):
        try:
            super()._rollback()
        finally:
            if self._gate is not None:
                self._gate.release()

    def _close(self):
        try:
            super()._close()
        finally:
            if self._gate is not None:
                self._gate.close()
                self._gate = None

    def _gate_autocommit_write(self, execute, sql, params, many, context):
        # Inside a transaction the gate is already held (taken at BEGIN); BEGIN itself passes here.
        if self.in_atomic_block or not self.get_autocommit() or not sql.lstrip()[:7].upper().startswith(_WRITES):
            return execute(sql, params, many, context)
        gate = self._write_gate()
        if gate is None or gate.held:
            return execute(sql, params, many, context)
        gate.acquire(self._gate_timeout())
        try:
            return execute(sql, params, many, context)
        finally:
            gate.release()
