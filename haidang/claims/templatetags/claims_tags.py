"""Template tags other rooms' templates use to show claims (the case page's verification tab)."""

from django import template

from haidang.claims.queries import claims_for_case

register = template.Library()


@register.simple_tag(takes_context=True)
def case_claims(context, case):
    request = context.get("request")
    if request is None or case is None:
        return []
    return claims_for_case(request.user, case)
