"""Shared set-up for content tests: a file source and a way to run `haidang ingest`."""

import io
import json

from django.core.management import call_command
from django.core.management.base import CommandError

from haidang.sources.actions import do_create_source


def file_source(personas, name="test import", **fields):
    return do_create_source(name=name, kind="file", agency=personas.lead, **fields)


def run_ingest(*args) -> tuple[int, dict | None, str]:
    """(exit code, parsed JSON or None, error text) of `haidang ingest ...`."""
    out = io.StringIO()
    try:
        call_command("ingest", *args, stdout=out)
    except CommandError as exc:
        return exc.returncode, None, str(exc)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1, "the command prints exactly one JSON object"
    return 0, json.loads(lines[0]), ""
