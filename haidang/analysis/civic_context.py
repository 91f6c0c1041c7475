"""A second opinion on every finding but hate: does the post read like the harm the rules found?

The rule families quote the words they fire on, but they were written on the civic set's dev posts and
read new writers less well: a complaint that says "chặn đường" (a road blocked by floods) reads as a call
to block it, a debunk that quotes the rumour reads as the rumour, and a rumour told flatly fires one weak
cue and waits at "cần xem xét". This model is trained on the civic set's DEV split only (project-owned,
CC0), over its lawful posts and each harm category (see context_model.py for what it reads).

It never flags a post on its own. It may:
- **lower** a finding of scam, impersonation, rumour, incitement or exposed personal data to a look when
  it reads the post as lawful (P(lawful) at or above `lower_at`), unless the evidence is a planned call to
  violence (`STANDS`); hate has its own model (hate_context.py);
- **confirm** a rule's finding that was too weak to decide ("cần xem xét", with the rule's words quoted)
  when it reads the post as that same category (P ≥ `confirm_at`). Only a rule's words, not the span
  tagger's unconfirmed ones; not a rule that capped itself because the post warns about a scam; not on
  press and agency sources, whose stricter thresholds it must not undo; not a hate finding the
  hate-context model lowered.

Both thresholds were chosen on dev data, leave-one-writing-batch-out, on what the analyser found in
batches it had not yet read (docs/models.md, "Eleventh pass").
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

from haidang.core.vocabulary import HarmCategory

from . import context_model

logger = logging.getLogger(__name__)

FORMAT = "civic_context/1"
TASK = "civic_context"
SHIPPED_PATH = Path(__file__).resolve().parent / "shipped" / "civic_context.joblib"
LAWFUL = "lawful"
# What it may lower; hate findings get the hate-context model's opinion instead.
LOWERABLE = frozenset((HarmCategory.SCAM, HarmCategory.IMPERSONATION, HarmCategory.MISINFORMATION,
                       HarmCategory.INCITEMENT, HarmCategory.PERSONAL_DATA))
# Evidence that stands whatever the model reads: a call to block or attack with two of a time, a place,
# weapons or a gathering ("9h sáng thứ Tư dàn hết xe ngang trạm thu phí…") is a plan; a tone reader may
# not lower it (rules.py scores such a call 0.72 and more).
STANDS = {HarmCategory.INCITEMENT: 0.7}
# A rumour is lowered only when read as lawful with more certainty: a missed dam-break rumour is a danger,
# while a rumour flag on a lawful post only asks for verification, never removal (on fresh dev posts the
# lawful rumour flags lowered all read ≥ 0.8, the real rumours lost 0.76–0.79).
LOWER_AT_LEAST = {HarmCategory.MISINFORMATION: 0.8}
DEFAULT_C = 8.0
DEFAULT_LOWER_AT = 0.6
DEFAULT_CONFIRM_AT = 0.7


class CivicContext(context_model.TextLinearModel):
    @property
    def lower_at(self) -> float:
        return float(self.meta.get("lower_at", self.threshold))

    @property
    def confirm_at(self) -> float:
        return float(self.meta.get("confirm_at", DEFAULT_CONFIRM_AT))

    def probabilities(self, normalized: str) -> dict[str, float]:
        """{class: probability} for one normalised text; the classes are "lawful" and the harm categories."""
        return dict(zip(self.classes, map(float, self.score_one(normalized)), strict=True))


def label(row: dict) -> str:
    """A civic row's class: "lawful", or its harm category."""
    return LAWFUL if row["lawful"] == "1" else row["category"]


def train(texts: Sequence[str], labels: Sequence[str], *, C: float = DEFAULT_C, lower_at: float = DEFAULT_LOWER_AT,
          confirm_at: float = DEFAULT_CONFIRM_AT) -> CivicContext:
    model = context_model.fit(texts, [str(v) for v in labels], C=C, threshold=lower_at, model_class=CivicContext)
    model.meta.update(lower_at=lower_at, confirm_at=confirm_at)
    return model


def save(model: CivicContext, path: Path, *, data: dict | None = None) -> str:
    return context_model.save(model, path, fmt=FORMAT, task=TASK, data=data)


def load(path: Path, expected_sha256: str) -> CivicContext:
    model = context_model.load(path, expected_sha256, fmt=FORMAT, model_class=CivicContext)
    if LAWFUL not in model.classes:
        raise ValueError(f"{path}: no {LAWFUL!r} class")
    return model


@functools.lru_cache(maxsize=1)
def shipped() -> CivicContext:
    """The shipped model, checked against the sha256 recorded in `civic_context.json`."""
    from .registry import sha256_beside

    return load(SHIPPED_PATH, sha256_beside(SHIPPED_PATH))


@functools.lru_cache(maxsize=1)
def shipped_or_none() -> CivicContext | None:
    """The shipped model, or None (said once in the log) when it is missing or fails its check: then every
    finding stands as the rules made it."""
    try:
        return shipped()
    except (OSError, ValueError) as exc:
        logger.error("civic-context model not loaded, findings are not given a second opinion: %s", exc)
        return None


def lowers(top: str, score: float, probabilities: dict[str, float], lower_at: float) -> bool:
    """Whether a finding of `top` (its rules' `score`) becomes a look: a category it may lower, evidence
    short of what stands on its own, and the post read as lawful."""
    return top in LOWERABLE and score < STANDS.get(top, 1.01) \
        and probabilities.get(LAWFUL, 0.0) >= max(lower_at, LOWER_AT_LEAST.get(top, 0.0))


def confirms(weak: str, probabilities: dict[str, float], confirm_at: float) -> bool:
    """Whether a rule's weak finding of `weak` is decided: the model reads the post as that category."""
    return weak in HarmCategory.values and weak not in (HarmCategory.OTHER, HarmCategory.NEEDS_REVIEW,
                                                        HarmCategory.GRIEVANCE) \
        and probabilities.get(weak, 0.0) >= confirm_at
