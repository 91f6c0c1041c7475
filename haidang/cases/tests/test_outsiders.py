"""Every view refuses outsiders: 404 for anything about a case or report they may not see
(never 403, so that nothing is revealed); anonymous users are sent to log in."""

import pytest
from django.test import Client
from django.urls import reverse

from haidang.cases import actions
from haidang.cases.choices import DecisionType

from .helpers import add_removal, appraised_case, report

CASE_VIEWS = ["detail", "export_case", "start_verification", "start_coordination", "verify", "appraise",
              "plan_add_action", "plan_submit", "plan_approve", "plan_return", "close", "dismiss", "reopen",
              "participant_add", "evidence_add", "appeal"]
ACTION_VIEWS = ["action_second_approve", "action_start", "action_proof", "action_complete"]


@pytest.fixture
def world(personas):
    p = personas
    case = appraised_case(p)
    removal = add_removal(p, case)
    appeal = actions.do_file_appeal(acting_user=p.bob, decision_type=DecisionType.APPRAISAL,
                                    target_id=case.current_appraisal().pk, grounds="x")
    pending = report(p, url="https://other.example/1")
    return case, removal, appeal, pending


def _urls(case, removal, appeal, pending):
    urls = [reverse(f"cases:{name}", args=[case.pk]) for name in CASE_VIEWS]
    urls += [reverse(f"cases:{name}", args=[case.pk, removal.pk]) for name in ACTION_VIEWS]
    urls.append(reverse("cases:appeal_decide", args=[case.pk, appeal.pk]))
    urls += [reverse(f"cases:{name}", args=[pending.pk]) for name in
             ("report_detail", "report_accept", "report_merge", "report_dismiss", "report_appeal")]
    urls.append(reverse("cases:triage"))
    return urls


@pytest.mark.django_db
def test_outsider_is_refused_by_every_view(personas, world):
    client = personas.client_for(personas.charlie)
    for url in _urls(*world):
        method = client.post if url.endswith(("/accept/", "/merge/", "/dismiss/", "/appeal/")) and "/reports/" in url \
            else client.get
        assert method(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


@pytest.mark.django_db
def test_anonymous_is_sent_to_log_in(personas, world):
    client = Client()
    for url in [*_urls(*world), reverse("cases:list"), reverse("cases:export"), reverse("cases:inbox"),
                reverse("cases:report_new")]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url, url


@pytest.mark.django_db
def test_outsider_lists_and_exports_are_empty(personas, world):
    client = personas.client_for(personas.charlie)
    case = world[0]
    assert case.code not in client.get(reverse("cases:list")).content.decode()
    assert client.get(reverse("cases:export"), {"format": "json"}).json() == {"cases": []}
    assert case.code not in client.get(reverse("cases:inbox")).content.decode()


@pytest.mark.django_db
def test_a_participant_without_the_role_gets_403_not_a_change(personas, world):
    """Bob's agency takes part, so he sees the case; approving is still refused, server-side."""
    case = world[0]
    client = personas.client_for(personas.bob)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 200
    assert client.post(reverse("cases:plan_approve", args=[case.pk]), {}).status_code == 403
    case.refresh_from_db()
    assert case.state == "appraised"


@pytest.mark.django_db
def test_viewers_cannot_report(personas):
    assert personas.client_for(personas.vera).get(reverse("cases:report_new")).status_code == 403
