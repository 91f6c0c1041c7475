import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Train the hateful/offensive span tagger on a ViHOS-style CSV (text,label,spans), choose its "
            "thresholds on --dev, print the dev metrics as JSON and write hate_spans.joblib/.json into --out.")

    def add_arguments(self, parser):
        parser.add_argument("--data", required=True, help="training CSV with columns text,label,spans")
        parser.add_argument("--dev", required=True, help="dev CSV (thresholds are chosen on it, never trained on)")
        parser.add_argument("--out", help="folder for hate_spans.joblib (default: the shipped folder)")
        parser.add_argument("--config", help='JSON overrides of spans.DEFAULT_CONFIG, e.g. \'{"C": 2}\'')

    def handle(self, *args, **opts):
        from haidang.analysis import spans

        for p in (opts["data"], opts["dev"]):
            if not Path(p).exists():
                raise CommandError(f"no such file: {p}")
        try:
            config = json.loads(opts["config"]) if opts["config"] else None
            tagger, metrics = spans.train(opts["data"], opts["dev"], config)
        except ValueError as exc:
            raise CommandError(str(exc))
        out = Path(opts["out"]) if opts["out"] else spans.SHIPPED_DIR
        digest = spans.save(tagger, out / spans.SHIPPED_PATH.name)
        if out.resolve() == spans.SHIPPED_DIR.resolve():
            spans.shipped_tagger.cache_clear()
        self.stdout.write(json.dumps({"version": tagger.version, "sha256": digest,
                                      "size_bytes": tagger.meta["size_bytes"], **metrics}, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"{tagger.version} -> {out / spans.SHIPPED_PATH.name}"))
