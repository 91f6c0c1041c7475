"""`{% coordination_section case %}`: the case page's Coordination card (meetings, consultations, tally)."""

from __future__ import annotations

from django import template

from haidang.cases.choices import CaseState

from .. import queries

register = template.Library()

RUNNABLE = (CaseState.NEW, CaseState.VERIFYING, CaseState.COORDINATING, CaseState.APPRAISED)


@register.inclusion_tag("coordination/_case_section.html", takes_context=True)
def coordination_section(context, case):
    user = context["request"].user
    data = queries.case_coordination(user, case)
    data["can_run"] = queries.is_lead_of(user, case) and case.state in RUNNABLE
    return {"case": case, "coordination": data, "request": context["request"]}
