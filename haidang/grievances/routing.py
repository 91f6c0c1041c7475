"""Which agency must answer a grievance, whatever its priority:

1. a routing rule marked "even when a ward or commune is named" whose keywords match;
2. the committee of the ward or commune it names (`Agency.place_code`, else its `place_name` in the text);
3. the first routing rule whose keywords match (hospital → Sở Y tế, school → Sở GD&ĐT, …);
4. the lead agency, which assigns it by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from haidang.agencies import access
from haidang.agencies.choices import AgencyKind
from haidang.agencies.models import Agency
from haidang.text.normalize import fold

from .choices import RoutedBy
from .models import GrievanceRoute


@dataclass(frozen=True)
class Route:
    agency: Agency | None
    routed_by: str
    rule: str = ""
    place_code: str = ""
    place_name: str = ""


def _word_in(needle: str, haystack: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def _matches(rule: GrievanceRoute, folded: str) -> bool:
    return any(_word_in(fold(word), folded) for word in rule.keyword_list())


def place_agency(place_codes: Sequence[str], folded_text: str) -> Agency | None:
    """The ward/commune committee of the first named place, by code, else by name in the text."""
    agencies = list(Agency.objects.filter(active=True, kind=AgencyKind.WARD).exclude(place_code="", place_name=""))
    by_code = {a.place_code: a for a in agencies if a.place_code}
    for code in place_codes:
        if str(code) in by_code:
            return by_code[str(code)]
    for agency in agencies:
        if agency.place_name and _word_in(fold(agency.place_name), folded_text):
            return agency
    return None


def route(text: str, place_codes: Iterable[str] = (), rules: list[GrievanceRoute] | None = None) -> Route:
    if rules is None:
        rules = list(GrievanceRoute.objects.filter(active=True, agency__active=True).select_related("agency"))
    folded = fold(text or "")
    codes = [str(c) for c in place_codes]
    for rule in rules:
        if rule.before_place and _matches(rule, folded):
            return Route(rule.agency, RoutedBy.SUBJECT, rule.name)
    agency = place_agency(codes, folded)
    if agency is not None:
        return Route(agency, RoutedBy.PLACE, "", agency.place_code, agency.place_name)
    for rule in rules:
        if not rule.before_place and _matches(rule, folded):
            return Route(rule.agency, RoutedBy.SUBJECT, rule.name)
    return Route(access.lead_agency(), RoutedBy.DEFAULT)
