from haidang.analysis import calibration
from haidang.analysis.calibration import decide, fit, thresholds


def test_fit_chooses_the_lowest_threshold_with_enough_precision():
    scored = [({"scam": 0.9}, "scam")] * 19 + [({"scam": 0.55}, "")] * 5 + [({"scam": 0.7}, "")] * 2
    result = fit(scored)
    # At 0.55 precision is 19/26, at 0.60 19/21; at 0.75 it is 19/19.
    assert result["thresholds"]["scam"] == 0.75  # above the default 0.5
    assert result["report"]["scam"]["precision"] == 1.0
    assert result["report"]["incitement"]["kept_default"]


def test_below_the_threshold_the_answer_is_needs_a_look_not_a_harm(settings):
    limits = thresholds()
    top, reason = decide({"incitement": 0.45}, {}, limits)
    assert top == "needs_review" and "cần xem xét" in reason
    assert decide({"incitement": 0.9}, {}, limits)[0] == "incitement"
    assert decide({"incitement": 0.1}, {}, limits)[0] == "other"
    assert decide({"grievance": 0.6, "incitement": 0.2}, {}, limits)[0] == "grievance"


def test_a_learned_hate_score_alone_never_decides_or_asks(settings):
    limits = thresholds()
    assert decide({}, {"hate_offensive": 0.99, "hate": 0.99}, limits)[0] == "other"
    assert decide({}, {"scam": 0.97}, limits)[0] == "needs_review"


def test_press_thresholds_are_stricter_except_for_scams_and_personal_data():
    limits = thresholds()
    assert calibration.limit("misinformation", limits, strict=True) > calibration.limit("misinformation", limits, strict=False)
    assert calibration.limit("scam", limits, strict=True) == calibration.limit("scam", limits, strict=False)
