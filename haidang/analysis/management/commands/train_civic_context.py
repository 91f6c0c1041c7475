import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.analysis.context_model import add_training_arguments, read_civic_dev


class Command(BaseCommand):
    help = ("Train the civic-context model (analysis/civic_context.py) on the civic set's DEV split only: its "
            "lawful posts against each harm category. Writes civic_context.joblib/.json into --out (default: "
            "the shipped folder) and prints, as JSON, a leave-one-writing-batch-out report.")

    def add_arguments(self, parser):
        add_training_arguments(parser, "civic_context.joblib")
        parser.add_argument("--lower-at", type=float, default=None)
        parser.add_argument("--confirm-at", type=float, default=None)
        parser.add_argument("--no-report", action="store_true", help="skip the held-out report (faster)")

    def handle(self, *args, **opts):
        from haidang.analysis import civic_context as cc

        path = Path(opts["civic"])
        try:
            rows = read_civic_dev(path)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        if not rows:
            raise CommandError(f"{path}: no dev rows")
        C = opts["C"] or cc.DEFAULT_C
        lower_at = opts["lower_at"] if opts["lower_at"] is not None else cc.DEFAULT_LOWER_AT
        confirm_at = opts["confirm_at"] if opts["confirm_at"] is not None else cc.DEFAULT_CONFIRM_AT
        texts = [r["text"] for r in rows]
        labels = [cc.label(r) for r in rows]
        if len(set(labels)) < 2 or cc.LAWFUL not in labels:
            raise CommandError(f"{path}: the dev rows need lawful posts and at least one harm category")
        report = {} if opts["no_report"] else self._held_out_report(cc, rows, texts, labels, C, lower_at, confirm_at)
        model = cc.train(texts, labels, C=C, lower_at=lower_at, confirm_at=confirm_at)
        out = Path(opts["out"]) if opts["out"] else cc.SHIPPED_PATH.parent
        digest = cc.save(model, out / cc.SHIPPED_PATH.name,
                         data={"data": f"{path.name}, split dev ({len(rows)} rows)", "held_out_report": report})
        cc.shipped.cache_clear()
        cc.shipped_or_none.cache_clear()
        self.stdout.write(json.dumps({"version": model.version, "sha256": digest, **report}, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"{model.version} -> {out / cc.SHIPPED_PATH.name}"))

    @staticmethod
    def _held_out_report(cc, rows, texts, labels, C, lower_at, confirm_at) -> dict:
        from haidang.analysis.context_model import civic_batch
        from haidang.text.normalize import clean, normalize

        # One writing batch held out at a time: every score is for posts by hands the model never read.
        groups = [civic_batch(r["id"]) for r in rows]
        n = {"lawful": 0, "lawful_read_as_harm": 0, "harmful": 0, "harm_read_as_lawful": 0, "harm_confirmed": 0}
        for g in sorted(set(groups)):
            train = [i for i, x in enumerate(groups) if x != g]
            held = [i for i, x in enumerate(groups) if x == g]
            if len({labels[i] for i in train}) < 2:
                continue
            model = cc.train([texts[i] for i in train], [labels[i] for i in train], C=C)
            for i in held:
                p = model.probabilities(normalize(clean(texts[i])))
                if labels[i] == cc.LAWFUL:
                    n["lawful"] += 1
                    n["lawful_read_as_harm"] += p.get(cc.LAWFUL, 0.0) < lower_at
                else:
                    n["harmful"] += 1
                    n["harm_read_as_lawful"] += p.get(cc.LAWFUL, 0.0) >= lower_at
                    n["harm_confirmed"] += p.get(labels[i], 0.0) >= confirm_at
        return {"C": C, "lower_at": lower_at, "confirm_at": confirm_at, "n": len(rows),
                "held_out_lawful_not_read_as_lawful": round(n["lawful_read_as_harm"] / max(1, n["lawful"]), 4),
                "held_out_harmful_read_as_lawful": round(n["harm_read_as_lawful"] / max(1, n["harmful"]), 4),
                "held_out_harmful_confirmed": round(n["harm_confirmed"] / max(1, n["harmful"]), 4)}
