import json
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = 'Analyse texts: --text "..." or JSON lines {"text": ...} on stdin; one JSON line per input.'

    def add_arguments(self, parser):
        parser.add_argument("--text", help="the text to analyse (otherwise JSON lines on stdin)")
        parser.add_argument("--json", action="store_true", help="JSON output (the default; kept for scripts)")
        parser.add_argument("--batch", type=int, default=256, help="texts analysed together")

    def handle(self, *args, **opts):
        from haidang.analysis.analyzer import analyze_many

        if opts["text"] is not None:
            self._emit(analyze_many([opts["text"]]))
            return
        batch: list[dict] = []
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    row = {"text": str(row)}
            except ValueError:
                row = {"text": line}  # a plain line is a text too, rather than a crash
            batch.append(row)
            if len(batch) >= opts["batch"]:
                self._run(batch)
                batch = []
        if batch:
            self._run(batch)

    def _run(self, rows):
        from haidang.analysis.analyzer import analyze_many

        self._emit(analyze_many(
            [str(r.get("text") or "") for r in rows],
            engagements=[r.get("engagement") if isinstance(r.get("engagement"), int) else None for r in rows],
            source_credibilities=[r.get("source_credibility") if isinstance(r.get("source_credibility"), float | int)
                                  else None for r in rows],
            province_hints=[r.get("province_hint") for r in rows],
            author_names=[str(r.get("author_name") or "") for r in rows],
        ))

    def _emit(self, results):
        for r in results:
            self.stdout.write(json.dumps(r, ensure_ascii=False, default=str))
