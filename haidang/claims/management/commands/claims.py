"""`haidang claims import FILE.jsonl | match` — load the claim library, match texts against it.

- `import FILE.jsonl`: one JSON object per line, `{"claim_id", "statement", "verdict", "correction"}`
  (optionally "sources"). Idempotent on claim_id. All or nothing: the first bad line stops the import
  with its line number.
- `match`: JSON lines `{"text": ...}` on stdin → one line each, `{"claim_id": ... or null, "score": ...}`,
  at the threshold in force.

Unreadable input (missing file, not UTF-8, not JSON, wrong fields): exit status 2 and one line on stderr.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError


def _fail(message: str) -> CommandError:
    return CommandError(message.replace("\n", " "), returncode=2)


class Command(BaseCommand):
    help = "Claim library: import claims from a JSON-lines file; match texts from stdin."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        imp = sub.add_parser("import", help="Load claims from a JSON-lines file (idempotent on claim_id).")
        imp.add_argument("file", help="FILE.jsonl, or - for stdin")
        imp.add_argument("--agency", default="", help="short name of the verifying agency of new claims")
        sub.add_parser("match", help="Match JSON lines {\"text\": ...} from stdin against the claims.")

    def handle(self, *args, **options):
        if options["verb"] == "import":
            self._import(options["file"], options["agency"])
        else:
            self._match()

    def _lines(self, stream):
        try:
            yield from enumerate(stream, start=1)
        except UnicodeDecodeError as exc:
            raise _fail(f"unreadable input: not UTF-8 ({exc.reason})") from exc

    def _import(self, path: str, agency_name: str) -> None:
        from haidang.agencies.models import Agency

        from ...actions import ImportLineError, do_import_claims, validate_import_row

        agency = None
        if agency_name:
            agency = Agency.objects.filter(short_name=agency_name).first()
            if agency is None:
                raise _fail(f"no agency with short name {agency_name!r}")
        try:
            stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise _fail(f"cannot read {path}: {exc.strerror}") from exc
        rows, seen = [], set()
        with stream:
            for number, line in self._lines(stream):
                if not line.strip():
                    continue
                try:
                    row = validate_import_row(json.loads(line), number)
                except json.JSONDecodeError as exc:
                    raise _fail(f"line {number}: not JSON ({exc.msg})") from exc
                except ImportLineError as exc:
                    raise _fail(str(exc)) from exc
                if row["claim_id"] in seen:
                    raise _fail(f"line {number}: claim_id {row['claim_id']!r} repeated")
                seen.add(row["claim_id"])
                rows.append(row)
        counts = do_import_claims(rows, agency=agency)
        self.stdout.write(json.dumps(counts))

    def _match(self) -> None:
        from ...actions import match_text
        from ...models import Claim

        ids = dict(Claim.objects.values_list("pk", "claim_id"))
        for number, line in self._lines(sys.stdin):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _fail(f"line {number}: not JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise _fail(f"line {number}: expected {{\"text\": \"...\"}}")
            pk, score = match_text(row["text"])
            self.stdout.write(json.dumps({"claim_id": ids.get(pk) if pk is not None else None,
                                          "score": round(score, 4)}, ensure_ascii=False))
