import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.analysis.registry import TASKS


class Command(BaseCommand):
    help = "Evaluate a classifier on a labelled CSV (columns text,label): macro-F1, accuracy, per class."

    def add_arguments(self, parser):
        parser.add_argument("--task", required=True, choices=sorted(TASKS))
        parser.add_argument("--data", required=True, help="CSV with columns text,label")
        parser.add_argument("--model", help="artefact path (default: the task's active model)")
        parser.add_argument("--json", action="store_true", help="one JSON object on stdout")

    def handle(self, *args, **opts):
        from haidang.analysis import registry, training

        if not Path(opts["data"]).exists():
            raise CommandError(f"no such file: {opts['data']}")
        if opts["model"]:
            if not Path(opts["model"]).exists():
                raise CommandError(f"no such model: {opts['model']}")
            model, name = registry.load_model(Path(opts["model"])), opts["model"]
        else:
            entry = registry.active_entries().get(opts["task"])
            if entry is None:
                raise CommandError(f"no active model for {opts['task']}: run haidang train first")
            model, name = registry.load_model(Path(entry["path"])), entry.get("version") or entry["path"]
        if model.task != opts["task"]:
            raise CommandError(f"the model is for {model.task}, not {opts['task']}")
        try:
            texts, labels = training.load_csv(opts["data"])
        except ValueError as exc:
            raise CommandError(str(exc))
        if not texts:
            raise CommandError("the data file has no rows")
        result = {"task": opts["task"], "model": name, **training.evaluate(model, texts, labels)}
        if opts["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            self.stdout.write(f"{result['task']} {name}: macro-F1 {result['macro_f1']} accuracy "
                              f"{result['accuracy']} n={result['n']} ({result['docs_per_s']} docs/s)")
            for label, r in result["per_class"].items():
                self.stdout.write(f"  {label:20} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
                                  f"n={r['support']}")
