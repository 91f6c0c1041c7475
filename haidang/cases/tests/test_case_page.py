"""The case page's tabs, next step and audit tab; the list filters; triage and inbox pages."""

import pytest
from django.urls import reverse

from haidang.cases import actions
from haidang.cases.models import Report


def _case(p, **kw):
    return actions.do_open_case(acting_user=p.alice, title="Fake SYT page", category="scam", priority="high",
                                participants=[p.health], **kw)


@pytest.mark.django_db
def test_it_renders_every_tab_and_selects_one_from_the_query(personas):
    p = personas
    case = _case(p)
    page = p.client_for(p.alice).get(reverse("cases:detail", args=[case.pk]), {"tab": "plan"}).content.decode()
    for key in ("overview", "evidence", "verification", "appraisal", "meetings", "consultations", "plan", "actions"):
        assert f'id="pane-{key}"' in page
    assert 'id="pane-plan" role="tabpanel"' in page and 'class="tab-pane fade show active" id="pane-plan"' in page
    assert "What happens next" in page and "Alice (STTTT)" in page
    # An unknown tab falls back to the overview.
    page = p.client_for(p.alice).get(reverse("cases:detail", args=[case.pk]), {"tab": "nope"}).content.decode()
    assert 'class="tab-pane fade show active" id="pane-overview"' in page


@pytest.mark.django_db
def test_audit_tab_is_for_lead_leaders_only(personas):
    p = personas
    case = _case(p)
    url = reverse("cases:detail", args=[case.pk])
    leader_page = p.client_for(p.lena).get(url, {"tab": "audit"}).content.decode()
    assert 'id="pane-audit"' in leader_page and "case.open" in leader_page
    for user in (p.alice, p.bob):
        page = p.client_for(user).get(url, {"tab": "audit"}).content.decode()
        assert 'id="pane-audit"' not in page and 'id="tab-audit"' not in page
    assert p.client_for(p.charlie).get(url, {"tab": "audit"}).status_code == 404


@pytest.mark.django_db
def test_next_step_says_what_who_and_by_when(personas):
    from haidang.cases.queries import next_step

    p = personas
    case = _case(p)
    step = next_step(case)
    assert step["tab"] == "overview" and "Alice" in step["who"] and step["by"] == case.due_at


@pytest.mark.django_db
def test_list_filters_by_priority_confidentiality_and_open(personas):
    p = personas
    high = _case(p)
    low = actions.do_open_case(acting_user=p.alice, title="Rumour", category="misinformation", priority="low",
                               confidentiality="internal")
    client = p.client_for(p.alice)
    url = reverse("cases:list")
    page = client.get(url, {"priority": "high"}).content.decode()
    assert high.code in page and low.code not in page
    page = client.get(url, {"confidentiality": "internal"}).content.decode()
    assert low.code in page and high.code not in page
    page = client.get(url, {"state": "open"}).content.decode()
    assert high.code in page and low.code in page
    # An outsider's filters never reveal anything.
    assert high.code not in p.client_for(p.charlie).get(url, {"priority": "high"}).content.decode()


@pytest.mark.django_db
def test_triage_forms_have_ids_of_their_own_per_report(personas):
    p = personas
    for n in range(2):
        actions.do_create_report(acting_user=p.bob, url=f"https://x.example/{n}", description=f"Post {n}",
                                 category="scam", urgency="high")
    page = p.client_for(p.alice).get(reverse("cases:triage")).content.decode()
    first, second = Report.objects.order_by("pk")
    assert f'id="r{first.pk}-accept-title"' in page and f'id="r{second.pk}-accept-title"' in page
    assert p.client_for(p.charlie).get(reverse("cases:triage")).status_code == 404


@pytest.mark.django_db
def test_inbox_shows_unread_only_on_request(personas):
    p = personas
    report = actions.do_create_report(acting_user=p.bob, url="https://x.example/1", description="Post",
                                      category="scam", urgency="high")
    actions.do_dismiss_report(report, reason="not_harmful", acting_user=p.alice)
    client = p.client_for(p.bob)
    assert "dismissed" in client.get(reverse("cases:inbox"), {"unread": "1"}).content.decode().lower()
    client.post(reverse("cases:inbox"))
    assert "Nothing unread." in client.get(reverse("cases:inbox"), {"unread": "1"}).content.decode()
