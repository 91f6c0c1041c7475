"""Given-steps for the coordination tests: cases, meetings and consultations made through the actions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haidang.cases import actions as case_actions
from haidang.cases.choices import ActionKind, ExpressionType, Severity, Verdict
from haidang.cases.models import LegalProvision
from haidang.coordination import actions


def provisions(*codes):
    return list(LegalProvision.objects.filter(code__in=codes))


def new_case(p, *, confidentiality="normal", participants=None, priority="high"):
    report = case_actions.do_create_report(acting_user=p.bob, url="https://scam.example.net/post/1",
                                           description="Fake SYT page asks for money", category="scam",
                                           urgency=priority, reason="fraud")
    return case_actions.do_accept_report(report, acting_user=p.alice, title="Fake health department page",
                                         confidentiality=confidentiality,
                                         participants=participants if participants is not None else [p.health])


def meeting(p, case, *, agencies=None, starts_in=dt.timedelta(hours=-1)):
    # Started an hour ago by default: conclusions are recorded only once a meeting has begun.
    start = timezone.now() + starts_in
    return actions.do_create_meeting(case, acting_user=p.alice, title="Agree the handling", starts_at=start,
                                     place="Room 2, STTTT", agencies=agencies or [p.health, p.police])


def consultation(p, case, *, agencies=None, deadline=None):
    return actions.do_open_consultation(
        case, acting_user=p.alice, title="Opinions on the fake page", agencies=agencies or [p.health, p.police, p.ward],
        question_verification="Is the page yours?", question_appraisal="Is it unlawful?",
        question_handling="We propose removal and a public warning.",
        deadline=deadline or timezone.now() + dt.timedelta(days=3))


VERIFICATION = {"verdict": Verdict.FALSE, "findings": "SYT has no such page.", "sources": "SYT registry"}


def appraisal():
    return {"severity": Severity.HIGH, "expression_type": ExpressionType.UNLAWFUL,
            "legal_basis": provisions("blhs-2015-d174", "lanm-2018-d16"), "reasoning": "impersonation to defraud"}


def warning_action(p):
    return {"kind": ActionKind.PUBLISH_OFFICIAL_INFO, "owner_agency": p.health,
            "description": "Warn citizens on the SYT portal"}


def removal_action(p):
    return {"kind": ActionKind.REQUEST_REMOVAL, "owner_agency": p.lead,
            "target_url": "https://scam.example.net/post/1", "legal_basis": provisions("lanm-2018-d16"),
            "reasons": "impersonation of a state body to defraud citizens"}


def carry_out_and_close(p, case):
    """Leaders approve; each action is carried out with proof; the case closes."""
    from haidang.cases.choices import ActionStatus

    case_actions.do_approve_plan(case, acting_user=p.lena)
    for action in case.actions.exclude(status=ActionStatus.CANCELLED):
        action.refresh_from_db()
        if action.status == ActionStatus.AWAITING_SECOND_APPROVAL:
            case_actions.do_second_approve_action(action, acting_user=p.lars)
        doer = p.bob if action.owner_agency_id == p.health.pk else p.alice
        case_actions.do_start_action(action, acting_user=doer)
        case_actions.do_record_proof(action, acting_user=doer, url="https://soyte.quangtri.gov.vn/canh-bao")
        case_actions.do_complete_action(action, acting_user=doer, result="done")
    case_actions.do_close_case(case, acting_user=p.alice, outcome="handled after coordination")
    case.refresh_from_db()
    return case
