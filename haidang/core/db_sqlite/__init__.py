"""SQLite with a fair write gate: Django's backend, plus an OS file lock taken before SQLite's write lock.

Why: SQLite waits for its write lock by polling (sleeps of up to 100 ms between tries). A web request
waiting for it rarely hits the few-millisecond gap between two of the worker's back-to-back
transactions, so under a steady worker a push or an answer waited seconds. Here every writer first
takes an exclusive `flock` on `<database>.write-gate`, then BEGIN IMMEDIATE (which then finds the
SQLite lock free), and lets go after COMMIT/ROLLBACK. Waiting writers poll the gate every
millisecond, and background writers (the Huey consumer) step aside while a foreground writer
(a web request) is waiting: a web write waits for at most the one worker transaction in progress.

Writes outside a transaction (a plain `.update()` or `.save()` in autocommit) take the gate for
that one statement. In-memory databases (the tests) have no gate: one process, nothing to share.
"""
