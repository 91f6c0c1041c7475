"""A second opinion on insults: does the post read like someone being attacked, or like everyday venting?

The hate rules and the span tagger find rude words well; what they read badly is *who* the words are
for. Writers of the civic set call "ngu vl, quên khóa cốp" (said of oneself), "dm cái app" (of a thing)
and gamers' banter lawful, and those were the largest share of lawful posts flagged as hate on fresh
text. This model is trained on the civic set's DEV split only (project-owned, CC0): its lawful posts
against its harassment and group-hate posts, on the accent-folded normalised text (so evasions and
posts typed without accents read the same), with character 2–5 grams and word 1–2 grams kept when seen
twice, and a class-balanced logistic regression.

It can only lower a finding, never raise one: when the only hate evidence is insults or offending
spans (not a threat, a call to shun someone, or degrading words about a group) and this model's
probability is under its threshold, the post asks for a look ("cần xem xét") instead of being flagged.
The threshold was chosen on dev data, leave-one-batch-out (docs/models.md, "Tenth pass").

Storage and scoring are context_model.py's, shared with the civic-context model; its sha256 is recorded
in `hate_context.json` beside the file and checked before anything is read from it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from . import context_model

logger = logging.getLogger(__name__)

FORMAT = "hate_context/1"
SHIPPED_PATH = Path(__file__).resolve().parent / "shipped" / "hate_context.joblib"
# The kinds of the civic set this model learns as harmful; every lawful kind is the other side.
HARMFUL_KINDS = ("harassment_person", "hate_group")
# Hate evidence this model may not lower: these rules read structure (a threat on someone, a call to
# shun, degrading words about a people), where a second opinion on tone has nothing to add.
STRUCTURAL_RULES = frozenset(("hate.threat", "hate.shun", "hate.group", "hate.body_shaming"))
DEFAULT_C = 8.0
DEFAULT_THRESHOLD = 0.4


class HateContext(context_model.TextLinearModel):
    def probability(self, normalized: str) -> float:
        """P(the post attacks someone) for one normalised text."""
        return float(self.score_one(normalized))

    def probabilities(self, normalized: Sequence[str]) -> np.ndarray:
        """P(the post attacks someone) for each normalised text, in one batch."""
        return self.score_many(normalized)


def train(texts: Sequence[str], harmful: Sequence[bool], *, C: float = DEFAULT_C,
          threshold: float = DEFAULT_THRESHOLD) -> HateContext:
    """Fit on raw texts (cleaned and normalised as the analyser does) and 0/1 labels."""
    return context_model.fit(texts, [bool(h) for h in harmful], C=C, threshold=threshold, model_class=HateContext)


def save(model: HateContext, path: Path, *, data: dict | None = None) -> str:
    return context_model.save(model, path, fmt=FORMAT, task="hate_context", data=data)


def load(path: Path, expected_sha256: str) -> HateContext:
    return context_model.load(path, expected_sha256, fmt=FORMAT, model_class=HateContext)


@functools.lru_cache(maxsize=1)
def shipped() -> HateContext:
    """The shipped model, checked against the sha256 recorded in `hate_context.json`."""
    from .registry import sha256_beside

    return load(SHIPPED_PATH, sha256_beside(SHIPPED_PATH))


@functools.lru_cache(maxsize=1)
def shipped_or_none() -> HateContext | None:
    """The shipped model, or None (said once in the log) when it is missing or fails its check: then every
    hate finding stands as the rules and the span tagger made it."""
    try:
        return shipped()
    except (OSError, ValueError) as exc:
        logger.error("hate-context model not loaded, hate findings are not given a second opinion: %s", exc)
        return None


def lowers(rules: Sequence[str], probability: float | None, threshold: float) -> bool:
    """Whether a hate finding resting on `rules` becomes a look: only insults and offending spans, and a
    probability under the threshold."""
    return probability is not None and probability < threshold and bool(rules) \
        and STRUCTURAL_RULES.isdisjoint(rules)
