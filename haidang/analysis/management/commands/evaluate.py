import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.analysis.registry import TASKS


class Command(BaseCommand):
    help = ("Evaluate a classifier on a labelled CSV (columns text,label): macro-F1, accuracy, per class, "
            "with the version of the model evaluated.")

    def add_base_argument(self, parser, *args, **kwargs):
        if "--version" not in args:  # here --version names the model's version, not Django's
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--task", required=True, choices=sorted(TASKS))
        parser.add_argument("--data", required=True, help="CSV with columns text,label")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--version", help="a registered version (default: the task's active model)")
        which.add_argument("--model", help="artefact path (default: the task's active model)")
        parser.add_argument("--json", action="store_true", help="one JSON object on stdout")

    def _load(self, opts):
        """(model, name shown, version, path): the model's SHA-256 is checked by `load_model`."""
        from haidang.analysis import registry

        if opts["model"]:
            path = Path(opts["model"])
            if not path.exists():
                raise CommandError(f"no such model: {opts['model']}")
            model = registry.load_model(path)
            return model, opts["model"], model.meta.get("version", ""), path
        if opts["version"]:
            row = registry.get_version(opts["version"])
            if row is None:
                raise CommandError(f"unknown model version {opts['version']!r} (haidang models list shows them)")
            if row["task"] != opts["task"]:
                raise CommandError(f"{opts['version']} is a {row['task']} model, not {opts['task']}")
            entry = row
        else:
            entry = registry.active_entries().get(opts["task"])
            if entry is None:
                raise CommandError(f"no active model for {opts['task']}: run haidang train first")
        path = Path(entry["path"])
        if not path.exists():
            raise CommandError(f"{path}: the file of {entry['version']} is missing")
        model = registry.load_model(path, sha256=entry.get("sha256") or "")
        version = entry.get("version") or ""
        # The artefact names its own version: a registry entry pointing at another version's file is an error.
        if version and model.meta.get("version") not in (None, "", version):
            raise CommandError(f"{path} holds {model.meta['version']}, not {version}: the registry points at "
                               "another version's file")
        return model, version or str(path), version, path

    def handle(self, *args, **opts):
        from haidang.analysis import training

        if not Path(opts["data"]).exists():
            raise CommandError(f"no such file: {opts['data']}")
        try:
            model, name, version, path = self._load(opts)
        except ValueError as exc:  # ModelIntegrityError, features version
            raise CommandError(str(exc))
        if model.task != opts["task"]:
            raise CommandError(f"the model is for {model.task}, not {opts['task']}")
        try:
            texts, labels = training.load_csv(opts["data"])
        except ValueError as exc:
            raise CommandError(str(exc))
        if not texts:
            raise CommandError("the data file has no rows")
        result = {"task": opts["task"], "model": name, "version": version, "path": str(path),
                  **training.evaluate(model, texts, labels)}
        if opts["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            label = name if version in ("", name) else f"{name} ({version})"
            self.stdout.write(f"{result['task']} {label}: macro-F1 {result['macro_f1']} accuracy "
                              f"{result['accuracy']} n={result['n']} ({result['docs_per_s']} docs/s)")
            for label, r in result["per_class"].items():
                self.stdout.write(f"  {label:20} P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} "
                                  f"n={r['support']}")
