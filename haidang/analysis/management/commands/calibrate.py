import csv
import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

HARM = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


class Command(BaseCommand):
    help = ("Choose per-category thresholds on DEV data for a precision of at least 0.95 against lawful "
            "text, and write them to analysis/data/thresholds.json (or --out).")

    def add_arguments(self, parser):
        parser.add_argument("--civic", default="datasets/civic/civic.csv",
                            help="the project's civic set; only its dev split is read")
        parser.add_argument("--lawful", nargs="*", default=[],
                            help="extra CSVs of lawful text: file[:label_column=value], e.g. "
                                 "../shared/data/reintel_partial/dev.csv:label=RELIABLE")
        parser.add_argument("--out", default="")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **opts):
        from haidang.analysis import calibration
        from haidang.analysis.analyzer import analyze_many
        from haidang.analysis.registry import sha256_file

        rows: list[tuple[str, str]] = []
        sources = []
        civic = Path(opts["civic"])
        if not civic.exists():
            raise CommandError(f"no civic set at {civic}")
        with civic.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r["split"] != "dev":  # the test split is never looked at here
                    continue
                rows.append((r["text"], r["category"] if r["category"] in HARM else ""))
        sources.append({"file": str(civic), "split": "dev", "sha256": sha256_file(civic)})
        for spec in opts["lawful"]:
            path, _sep, cond = spec.partition(":")
            column, _eq, value = cond.partition("=")
            with open(path, encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    if not column or r.get(column) == value:
                        rows.append((r["text"], ""))
            sources.append({"file": path, "only": cond, "sha256": sha256_file(Path(path))})
        scored = []
        for start in range(0, len(rows), 256):
            chunk = rows[start:start + 256]
            for (_text, truth), result in zip(chunk, analyze_many([t for t, _ in chunk], explain=False), strict=True):
                scored.append((result["categories"], truth))
        fitted = calibration.fit(scored)
        payload = {"thresholds": fitted["thresholds"], "report": fitted["report"], "rows": len(rows),
                   "data": sources, "target_precision": calibration.TARGET_PRECISION,
                   "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        text = json.dumps(payload, ensure_ascii=False, indent=1)
        self.stdout.write(text)
        if not opts["dry_run"]:
            out = Path(opts["out"]) if opts["out"] else calibration.THRESHOLDS_FILE
            out.write_text(text + "\n", encoding="utf-8")
            calibration.clear_cache()
