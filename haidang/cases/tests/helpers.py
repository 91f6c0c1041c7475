"""Given-steps shared by the cases tests: bring a case to a given state through the actions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haidang.cases import actions
from haidang.cases.choices import ActionKind, ExpressionType, Severity, Verdict
from haidang.cases.models import LegalProvision


def provisions(*codes):
    return list(LegalProvision.objects.filter(code__in=codes))


def report(p, *, url="https://scam.example.net/post/1", by=None, **kw):
    return actions.do_create_report(acting_user=by or p.bob, url=url, description=kw.pop("description", "Fake SYT page"),
                                    category=kw.pop("category", "scam"), urgency=kw.pop("urgency", "high"),
                                    reason=kw.pop("reason", "asks for money"), **kw)


def accepted_case(p, *, confidentiality="normal", participants=None, by=None, **kw):
    r = report(p, by=by, **kw)
    return actions.do_accept_report(r, acting_user=p.alice, title="Fake health department page",
                                    confidentiality=confidentiality,
                                    participants=participants if participants is not None else [p.health])


def verified_case(p, **kw):
    case = accepted_case(p, **kw)
    actions.do_start_verification(case, acting_user=p.alice)
    actions.do_record_verification(case, acting_user=p.bob, findings="The page is not ours.", verdict=Verdict.FALSE,
                                   sources="SYT registry", evidence=list(case.evidence.all()))
    return case


def appraised_case(p, *, expression=ExpressionType.UNLAWFUL, **kw):
    case = verified_case(p, **kw)
    basis = provisions("blhs-2015-d174", "lanm-2018-d16") if expression != ExpressionType.PROTECTED else []
    kinds = ["criticism"] if expression != ExpressionType.UNLAWFUL else []
    actions.do_record_appraisal(case, acting_user=p.alice, severity=Severity.HIGH, expression_type=expression,
                                legal_basis=basis, protected_kinds=kinds, reasoning="impersonates SYT to defraud")
    return case


def add_removal(p, case, **kw):
    return actions.do_add_plan_action(
        case, acting_user=p.alice, kind=ActionKind.REQUEST_REMOVAL, owner_agency=p.lead,
        deadline=timezone.localdate() + dt.timedelta(days=2), target_url=kw.pop("target_url", "https://scam.example.net/post/1"),
        legal_basis=kw.pop("legal_basis", provisions("lanm-2018-d16")), reasons=kw.pop("reasons", "fraud on citizens"),
        **kw)
