import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.analysis.context_model import add_training_arguments, read_civic_dev


class Command(BaseCommand):
    help = ("Train the hate-context model (analysis/hate_context.py) on the civic set's DEV split only: its "
            "lawful posts against its harassment and group-hate posts. Writes hate_context.joblib/.json into "
            "--out (default: the shipped folder) and prints, as JSON, a leave-one-batch-out report.")

    def add_arguments(self, parser):
        add_training_arguments(parser, "hate_context.joblib")
        parser.add_argument("--threshold", type=float, default=None)

    def handle(self, *args, **opts):
        from haidang.analysis import hate_context as hc

        path = Path(opts["civic"])
        try:
            rows = read_civic_dev(path)
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from exc
        rows = [r for r in rows if r["lawful"] == "1" or r["kind"] in hc.HARMFUL_KINDS]
        if not rows:
            raise CommandError(f"{path}: no dev rows")
        C = opts["C"] or hc.DEFAULT_C
        threshold = opts["threshold"] if opts["threshold"] is not None else hc.DEFAULT_THRESHOLD
        texts = [r["text"] for r in rows]
        harmful = [r["kind"] in hc.HARMFUL_KINDS for r in rows]
        report = self._held_out_report(hc, rows, texts, harmful, C, threshold)
        model = hc.train(texts, harmful, C=C, threshold=threshold)
        out = Path(opts["out"]) if opts["out"] else hc.SHIPPED_PATH.parent
        digest = hc.save(model, out / hc.SHIPPED_PATH.name,
                         data={"data": f"{path.name}, split dev ({len(rows)} rows)", "held_out_report": report})
        hc.shipped.cache_clear()
        self.stdout.write(json.dumps({"version": model.version, "sha256": digest, **report}, ensure_ascii=False))
        self.stdout.write(self.style.SUCCESS(f"{model.version} -> {out / hc.SHIPPED_PATH.name}"))

    @staticmethod
    def _held_out_report(hc, rows, texts, harmful, C, threshold) -> dict:
        from haidang.analysis.context_model import civic_batch
        from haidang.text.normalize import clean, normalize

        # One writing batch held out at a time: every score is for posts by hands the model never read.
        groups = [civic_batch(r["id"]) for r in rows]
        below = {"lawful": 0, "harmful": 0}
        for g in sorted(set(groups)):
            train = [i for i, x in enumerate(groups) if x != g]
            held = [i for i, x in enumerate(groups) if x == g]
            if not any(harmful[i] for i in train) or all(harmful[i] for i in train):
                continue
            model = hc.train([texts[i] for i in train], [harmful[i] for i in train], C=C, threshold=threshold)
            probs = model.probabilities([normalize(clean(texts[i])) for i in held])
            for i, p in zip(held, probs, strict=True):
                if p < threshold:
                    below["harmful" if harmful[i] else "lawful"] += 1
        n_harm = sum(harmful)
        return {"C": C, "threshold": threshold, "n": len(rows), "n_harmful": n_harm,
                "held_out_lawful_below_threshold": round(below["lawful"] / max(1, len(rows) - n_harm), 4),
                "held_out_harmful_below_threshold": round(below["harmful"] / max(1, n_harm), 4)}
