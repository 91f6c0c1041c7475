"""Issue #19: the SQLite write gate (`haidang.core.db_sqlite`): one writer at a time, taken at BEGIN and
let go at COMMIT/ROLLBACK, and a waiting web request goes before the worker's next transaction."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError
from django.db.utils import ConnectionHandler

from haidang.core.db_sqlite.base import WriteGate, background_writes


def test_one_holder_at_a_time_even_within_one_process(tmp_path):
    first, second = WriteGate(str(tmp_path / "db")), WriteGate(str(tmp_path / "db"))
    first.acquire(timeout=1)
    with pytest.raises(OperationalError):
        second.acquire(timeout=0.05)
    first.release()
    second.acquire(timeout=1)
    assert second.held
    second.close()
    first.close()


def test_a_waiting_foreground_writer_goes_before_a_background_one(tmp_path):
    path = str(tmp_path / "db")
    holder = WriteGate(path)
    holder.acquire(timeout=1)
    order: list[str] = []

    def writer(name: str, background: bool):
        gate = WriteGate(path)
        with background_writes(background):
            gate.acquire(timeout=5)
        order.append(name)
        time.sleep(0.02)
        gate.release()
        gate.close()

    web = threading.Thread(target=writer, args=("web", False))
    worker = threading.Thread(target=writer, args=("worker", True))
    worker.start()  # the worker asked first...
    time.sleep(0.05)
    web.start()
    time.sleep(0.05)
    holder.release()
    web.join(5)
    worker.join(5)
    holder.close()
    assert order == ["web", "worker"]  # ...but steps aside while a web request waits


@pytest.fixture
def sqlite_file(tmp_path):
    from django.conf import settings

    options = dict(settings.SQLITE_OPTIONS)
    handler = ConnectionHandler({"default": {"ENGINE": "haidang.core.db_sqlite", "NAME": str(tmp_path / "g.sqlite3"),
                                          "OPTIONS": options}})
    conn = handler["default"]  # its own handler: not the test database
    yield conn, str(tmp_path / "g.sqlite3")
    conn.close()


@pytest.mark.django_db  # allows opening connections (this one is to its own file)
def test_the_gate_is_held_from_begin_to_commit_and_for_a_plain_write(sqlite_file):
    conn, path = sqlite_file
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE t (x integer)")
    other = WriteGate(path)
    conn.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)  # what atomic() does
    with conn.cursor() as cur:
        cur.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(OperationalError):
        other.acquire(timeout=0.02)
    conn.commit()
    conn.set_autocommit(True)
    other.acquire(timeout=0.1)  # free after the commit
    other.release()
    conn.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    conn.rollback()
    conn.set_autocommit(True)
    other.acquire(timeout=0.1)  # and after a rollback
    # A write in autocommit waits for the gate (here: until the timeout, then "database is locked").
    conn.settings_dict["OPTIONS"]["timeout"] = 0.05
    with pytest.raises(OperationalError), conn.cursor() as cur:
        cur.execute("INSERT INTO t VALUES (2)")
    other.release()
    with conn.cursor() as cur:
        cur.execute("INSERT INTO t VALUES (3)")
        cur.execute("SELECT x FROM t ORDER BY x")
        assert [r[0] for r in cur.fetchall()] == [1, 3]
    other.close()
