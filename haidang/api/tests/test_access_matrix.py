"""One access path: for each persona and object, the API answers what the screens answer (200 or 404,
never 403 for what one may not see), and lists hold exactly what restrict() holds."""

import pytest
from django.urls import reverse

from haidang.alerts.models import Alert
from haidang.cases.models import Case, Report
from haidang.coordination.models import Consultation, Meeting
from haidang.grievances.models import Grievance

from .conftest import api, make_token

PERSONAS = ["alice", "lena", "bob", "hanh", "peter", "walter", "charlie", "vera"]


def _agency(p, user):
    return user.memberships.first().agency


def _screen(p, name):
    """(API path prefix, screen URL name or None, model) per kind of object."""
    return name


KINDS = {
    "cases": ("cases:detail", Case),
    "reports": ("cases:report_detail", Report),
    "consultations": ("coordination:consultation", Consultation),
    "meetings": ("coordination:meeting", Meeting),
    "grievances": ("grievances:detail", Grievance),
    "alerts": (None, Alert),
}


def _objects(world):
    reports = list(Report.objects.filter(case__in=[world.normal, world.internal, world.confidential]))
    return {
        "cases": [world.normal, world.internal, world.confidential],
        "reports": reports,
        "consultations": [world.consultation],
        "meetings": [world.meeting],
        "grievances": [world.grievance],
        "alerts": [world.alert_high, world.alert_low],
    }


@pytest.mark.parametrize("username", PERSONAS)
def test_the_api_answers_each_persona_as_the_screens_do(personas, world, username):
    user = getattr(personas, username)
    client = api(make_token(user, _agency(personas, user)))
    screen = personas.client_for(user)
    for kind, objects in _objects(world).items():
        url_name, model = KINDS[kind]
        allowed = set(model.objects.restrict(user).values_list("pk", flat=True))
        for obj in objects:
            status = client.get(f"/api/v1/{kind}/{obj.pk}/").status_code
            assert status == (200 if obj.pk in allowed else 404), (username, kind, obj.pk)
            if url_name:
                screen_status = screen.get(reverse(url_name, args=[obj.pk])).status_code
                assert (screen_status == 200) == (status == 200), (username, kind, obj.pk, screen_status)
        listed = set()
        url = f"/api/v1/{kind}/?page_size=2"
        while url:
            body = client.get(url).json()
            listed |= {row["id"] for row in body["results"]}
            url = body["next"]
        assert listed == allowed, (username, kind)


def test_confidential_objects_are_404_problems_to_outsiders(personas, world):
    client = api(make_token(personas.charlie, personas.other))
    response = client.get(f"/api/v1/cases/{world.confidential.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["type"].endswith("/not-found") and body["instance"].endswith("/")
    timeline = client.get(f"/api/v1/cases/{world.confidential.pk}/timeline/")
    assert timeline.status_code == 404


def test_a_token_acts_for_its_agency_only(personas, world):
    """A person in two agencies: the token of one sees what that agency sees, not the other's."""
    from haidang.agencies.actions import do_add_membership

    do_add_membership(personas.charlie, personas.police, "officer")
    police_token = make_token(personas.charlie, personas.police)
    other_token = make_token(personas.charlie, personas.other)
    assert api(police_token).get(f"/api/v1/cases/{world.internal.pk}/").status_code == 200
    assert api(other_token).get(f"/api/v1/cases/{world.internal.pk}/").status_code == 404


def test_a_case_timeline_is_the_case_pages(personas, world):
    client = api(make_token(personas.alice, personas.lead))
    events = client.get(f"/api/v1/cases/{world.normal.pk}/timeline/").json()
    assert events and all("text" in e and e["type"] for e in events)
