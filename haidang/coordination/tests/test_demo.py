import io

import pytest
from django.urls import reverse

from haidang.coordination.models import Consultation, Meeting
from haidang.workdays.models import ExtraDayOff


@pytest.mark.django_db
def test_demo_loads_once_and_renders(client):
    from haidang.agencies import demo as agencies_demo
    from haidang.cases import demo as cases_demo
    from haidang.coordination import demo

    agencies_demo.load()
    cases_demo.load(io.StringIO())
    first = demo.load(io.StringIO())
    assert first == {"extra_days_off": 3, "meetings": 1, "consultations": 1}
    assert demo.load(io.StringIO()) == {"extra_days_off": 0, "meetings": 0, "consultations": 0}
    assert ExtraDayOff.objects.count() == 3
    consultation = Consultation.objects.get()
    assert consultation.is_open and consultation.answers.count() == 2
    meeting = Meeting.objects.get()
    assert meeting.case.is_confidential
    client.force_login(meeting.case.lead_officer)
    for url in (reverse("coordination:meeting", args=[meeting.pk]), reverse("coordination:my_work"),
                reverse("coordination:consultation", args=[consultation.pk]), reverse("coordination:load"),
                reverse("cases:detail", args=[consultation.case_id])):
        assert client.get(url).status_code == 200, url
