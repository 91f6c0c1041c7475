"""Template tags other rooms' templates use to show claims (the case page's verification tab)."""

from django import template

from haidang.claims.queries import claims_for_case

register = template.Library()


@register.simple_tag(takes_context=True)
def case_claims(context, case, evidence=None, reports=None):
    """`evidence` and `reports`: the case's rows when the page has loaded them (lists), else looked up."""
    request = context.get("request")
    if request is None or case is None:
        return []
    return claims_for_case(request.user, case, evidence=evidence if isinstance(evidence, list) else None,
                           reports=reports if isinstance(reports, list) else None)
