"""`{% coordination_section case %}`: a Coordination card (meetings, consultations, tally);
`{% case_coordination case as coord %}`: the same data for the case page's Meetings and Consultations tabs."""

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


@register.simple_tag(takes_context=True)
def case_coordination(context, case) -> dict:
    """`{% case_coordination case as coord %}`: the meetings and consultations (with tallies) of a case
    that this user may see, and whether the user may convene or consult (the case page's tabs)."""
    user = context["request"].user
    data = queries.case_coordination(user, case)
    data["can_run"] = queries.is_lead_of(user, case) and case.state in RUNNABLE
    return data
