"""The threshold in force: the configured floor, raised when officers' decisions show it lets through
too many wrong matches. Pure function over (score, confirmed) pairs, plus the database read."""

from __future__ import annotations

from collections.abc import Iterable

from .conf import conf


def tuned_threshold(decisions: Iterable[tuple[float, bool]], *, floor: float, target: float,
                    min_decisions: int) -> float:
    """The lowest threshold ≥ floor at which the decided matches above it are right at least `target`
    of the time. With too few decisions the floor stands. If no threshold reaches the target, the one
    just above the highest rejected score is used (no rejected score passes again)."""
    rows = sorted((float(s), bool(ok)) for s, ok in decisions if s >= floor)
    if len(rows) < min_decisions:
        return floor
    # Candidate thresholds: the floor, then each decided score, ascending; the first that reaches the target wins.
    for threshold in [floor, *(s for s, _ok in rows)]:
        above = [ok for s, ok in rows if s >= threshold]
        if above and sum(above) / len(above) >= target:
            return threshold
    rejected = [s for s, ok in rows if not ok]
    return max(floor, max(rejected) + 1e-6) if rejected else floor


def threshold_in_force() -> float:
    from .choices import MatchStatus
    from .models import ClaimMatch

    decided = ClaimMatch.objects.filter(status__in=[MatchStatus.CONFIRMED, MatchStatus.REJECTED]).values_list(
        "score", "status")
    return tuned_threshold(((s, st == MatchStatus.CONFIRMED) for s, st in decided),
                           floor=float(conf("THRESHOLD")), target=float(conf("TARGET_PRECISION")),
                           min_decisions=int(conf("MIN_DECISIONS")))
