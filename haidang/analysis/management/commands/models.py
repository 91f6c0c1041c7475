import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.analysis.registry import TASKS


class Command(BaseCommand):
    help = ("The model registry: `list [--task T]` the versions, `activate VERSION` switches a task's "
            "active model, `verify` checks every model file's SHA-256.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ls = sub.add_parser("list", help="versions per task: active marker, dev macro-F1, date, SHA-256")
        ls.add_argument("--task", choices=sorted(TASKS))
        ls.add_argument("--json", action="store_true", help="one JSON object per line")
        act = sub.add_parser("activate", help="make VERSION its task's active model (audited with a database)")
        act.add_argument("version")
        ver = sub.add_parser("verify", help="check every recorded model file against its SHA-256")
        ver.add_argument("--task", choices=sorted(TASKS))

    def handle(self, *args, **opts):
        getattr(self, f"_{opts['action']}")(opts)

    def _list(self, opts):
        from haidang.analysis import registry

        rows = registry.list_versions(opts.get("task"))
        if opts.get("json"):
            for r in rows:
                self.stdout.write(json.dumps({k: r.get(k) for k in ("task", "version", "active", "macro_f1", "date",
                                                                   "sha256", "path", "sources", "exists")},
                                             ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("no models registered")
            return
        task = None
        for r in rows:
            if r["task"] != task:
                task = r["task"]
                self.stdout.write(task)
            f1 = f"{r['macro_f1']:.4f}" if isinstance(r["macro_f1"], float | int) else "–"
            missing = "  (file missing)" if not r["exists"] else ""
            self.stdout.write(f"  {'*' if r['active'] else ' '} {r['version']:34} macro-F1 {f1:6}  "
                              f"{(r.get('date') or '')[:19]:19}  {r['sha256'][:12]:12}  "
                              f"{','.join(r['sources'])}{missing}")
        for t, why in registry.load_errors().items():
            if opts.get("task") in (None, t):
                self.stderr.write(f"{t}: active model not loaded: {why}")

    def _activate(self, opts):
        from haidang.analysis import registry
        from haidang.analysis.actions import do_activate_version

        try:
            row = do_activate_version(opts["version"])
        except (LookupError, ValueError) as exc:  # unknown version, missing file, ModelIntegrityError
            raise CommandError(str(exc)) from None
        where = "database and registry.json" if registry.db_available() else "registry.json"
        self.stdout.write(self.style.SUCCESS(f"{row['task']}: {row['version']} is now active ({where})"))

    def _verify(self, opts):
        from haidang.analysis import registry

        seen: dict[tuple, list[str]] = {}
        for r in registry.records(opts.get("task")):
            seen.setdefault((r["task"], r["version"], r["path"], r.get("sha256") or ""), []).append(r["source"])
        bad = 0
        for (_task, version, path, expected), sources in sorted(seen.items()):
            where = ",".join(sources)
            if not Path(path).exists():
                bad += 1
                self.stdout.write(f"MISSING   {version} {path} ({where})")
                continue
            actual = registry.sha256_file(Path(path))  # not the cache: verify reads every byte again
            if actual != expected:
                bad += 1
                self.stdout.write(f"MISMATCH  {version} {path} ({where}): expected {expected or '(none)'}, "
                                  f"got {actual}")
            else:
                self.stdout.write(f"OK        {version} {path} ({where})")
        if bad:
            raise CommandError(f"{bad} of {len(seen)} model files failed verification")
        self.stdout.write(self.style.SUCCESS(f"{len(seen)} model files verified"))
