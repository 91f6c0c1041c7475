"""The second stage of claim matching (issue #17, recall): a logistic regression over the few best candidates.

`ClaimIndex` (matching.py) scores a post against every claim with the hand-set blend of cosine, coverage,
fuzzy ratio and figure agreement. The `CANDIDATES` best claims are then described by four numbers each
(`FEATURES`, computed in `matching.ClaimIndex._candidates`) and this model gives the probability that the
post repeats the claim; the most probable candidate is the match.

- `score`: the pair's hand-set score;
- `lead`: the pair's score less the best other candidate's, capped at `LEAD_CAP`: a post that stands out
  from a dense library's near neighbours on one claim says that claim; one that fits two about equally
  says neither. In a library smaller than `DENSE_LIBRARY` every claim leads by far, so there the lead
  counts only against (capped at the margin of the hand-set rule, `matching.MARGIN`): the scorer is
  then stricter than on the benchmark, never more lenient;
- `rank`: the candidate's place among the candidates (0 = the best by the hand-set score);
- `score_lead`: score × lead: a lead is evidence in proportion to how well the claim fits the post (a
  post that fits nothing well can still fit one claim a little better than the rest).

Features of the post's wording (the share of the claim's character trigrams, the length of the best part
against the claim's) were tried and left out: they raised the dev figures out of fold, but cost recall on
rewordings put inside a longer sentence (docs/claims.md). Of the features of the candidates' scores tried
besides (lead², lead over the third, the others' mean score, the runner-up's score), only `score_lead`
added to both.

The coefficients are learnt by `bench/claims.py --fit-scorer` on the benchmark's **dev** split only (pairs:
each post against its candidates, positive when the candidate is the post's claim), stored with their
provenance in `scorer.json` beside this file: a handful of numbers, no downloaded weights; the arithmetic is
plain and deterministic.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

FEATURES = ("score", "lead", "rank", "score_lead")
CANDIDATES = 10
# Chosen on dev (0.04, 0.1, 0.2, 0.3, uncapped tried): at 0.04 the lead only penalises, as the hand-set
# margin does, and the scorer gained nothing; 0.2 and more recalled the most out of fold (with score_lead:
# 0.1, 0.2, 0.3 tried, 0.2 best).
LEAD_CAP = 0.2
DENSE_LIBRARY = 1000
# A repeat in other words never scores as a near-copy: the probability is scaled under AUTO_LINK's 0.9
# (claims/conf.py), so that only near-copies (hand-set score ≥ NEAR_COPY) link without an officer, as before.
CEILING = 0.89
NEAR_COPY = 0.9
COEFFICIENTS_PATH = Path(__file__).with_name("scorer.json")


class Scorer:
    """`probability(features)`: the logistic model's probability for one (post, claim) pair."""

    def __init__(self, weights: dict[str, float], intercept: float, threshold: float = 0.5):
        missing = set(FEATURES) - set(weights)
        if missing:
            raise ValueError(f"scorer weights lack {sorted(missing)}")
        self.weights = tuple(float(weights[name]) for name in FEATURES)
        self.intercept = float(intercept)
        self.threshold = float(threshold)  # chosen with it, out of fold on dev (claims/conf.py's THRESHOLD)

    def probability(self, values) -> float:
        z = self.intercept + sum(w * float(x) for w, x in zip(self.weights, values, strict=True))
        # Written to stay finite for any z.
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def score(self, values) -> float:
        """The match score of a pair: the probability, scaled under the near-copies' range."""
        return CEILING * self.probability(values)

    @classmethod
    def from_file(cls, path: Path = COEFFICIENTS_PATH) -> Scorer:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["threshold"])


@lru_cache(maxsize=1)
def shipped() -> Scorer:
    """The scorer of `scorer.json` (read once per process)."""
    return Scorer.from_file()
