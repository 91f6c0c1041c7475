"""The case page looks up the verification, appraisal and plan in force once each, and shows them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .helpers import appraised_case


def _reads_of(queries, table: str) -> int:
    return sum(1 for q in queries if f'FROM "{table}"' in q["sql"])


@pytest.mark.django_db
def test_the_decisions_in_force_are_read_once_and_shown(personas):
    p = personas
    case = appraised_case(p)
    verification, appraisal = case.current_verification(), case.current_appraisal()
    with CaptureQueriesContext(connection) as ctx:
        page = p.client_for(p.alice).get(reverse("cases:detail", args=[case.pk]))
    assert page.status_code == 200
    assert page.context["verification"] == verification and page.context["appraisal"] == appraisal
    # The current one, and the tab's list of every verification (appraisal): never one per helper.
    assert _reads_of(ctx.captured_queries, "cases_verification") <= 2
    assert _reads_of(ctx.captured_queries, "cases_appraisal") <= 2
    assert _reads_of(ctx.captured_queries, "cases_handlingplan") <= 2
    # The decisions one may appeal against still name them (read from the same look-ups).
    choices = dict(page.context["decisions"])
    assert f"verification:{verification.pk}" in choices and f"appraisal:{appraisal.pk}" in choices
