from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.analysis.registry import TASKS


class Command(BaseCommand):
    help = ("Train a classifier on CSV files (columns text,label), evaluate it on dev, save it as a new "
            "version (MODELS_DIR/<task>/<version>.joblib) and make it active unless --no-activate.")

    def add_arguments(self, parser):
        parser.add_argument("--task", required=True, choices=sorted(TASKS))
        parser.add_argument("--data", required=True, help="CSV[,CSV...] with columns text,label")
        parser.add_argument("--out", help="directory for the artefact, or a new .joblib file; never an existing "
                                          "file (default: MODELS_DIR/<task>/<version>.joblib)")
        parser.add_argument("--dev", help="dev CSV (default: dev.csv beside a train.csv)")
        parser.add_argument("--C", type=float, help="inverse regularisation (default: tuned per task on dev)")
        parser.add_argument("--include-feedback", action="store_true",
                            help="add officers' verdicts as labels; reports dev metrics before and after")
        parser.add_argument("--no-activate", action="store_true",
                            help="register without making it active (then: haidang models activate VERSION)")
        parser.add_argument("--shipped", action="store_true",
                            help="write a shipped default into analysis/shipped/ (maintainers only: ViHOS or "
                                 "project-owned data only)")

    def handle(self, *args, **opts):
        from haidang.analysis import training

        data = [p for p in opts["data"].split(",") if p]
        for p in data + ([opts["dev"]] if opts["dev"] else []):
            if not Path(p).exists():
                raise CommandError(f"no such file: {p}")
        try:
            meta = training.train(opts["task"], data, Path(opts["out"]) if opts["out"] else None, dev=opts["dev"],
                                  C=opts["C"], include_feedback=opts["include_feedback"], shipped=opts["shipped"],
                                  activate=not opts["no_activate"],
                                  progress=lambda m: (self.stdout.write(m), self.stdout.flush()))
        except ValueError as exc:
            raise CommandError(str(exc))
        before = meta.get("dev_metrics_before_feedback")
        if before:
            self.stdout.write(f"dev macro-F1 before feedback {before['macro_f1']}, "
                              f"after {meta['dev_metrics'].get('macro_f1')}")
        state = ("shipped" if opts["shipped"] else "active" if meta["active"]
                 else f"not active: haidang models activate {meta['version']}")
        self.stdout.write(self.style.SUCCESS(
            f"{meta['version']} -> {meta['path']} ({meta['size_bytes'] // 1024} KiB) in {meta['train_seconds']}s "
            f"({state})"))
