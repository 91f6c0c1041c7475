"""The queue's tabs, and the pages in Vietnamese first."""

import pytest

from haidang.grievances import actions

from .helpers import by_hand, local, ward_leader


@pytest.mark.django_db
def test_the_tabs_split_to_answer_overdue_and_answered(personas):
    p = personas
    leader = ward_leader(p)
    fresh = by_hand(p, title="fresh")
    late = by_hand(p, title="late", received_at=local(2026, 1, 5, 9, 0))
    done = by_hand(p, title="done")
    actions.do_submit_answer(done, acting_user=p.walter, text="ok", published_url="https://example.gov.vn/a")
    actions.do_approve_answer(done, acting_user=leader)
    client = p.client_for(p.walter)

    def codes(tab):
        return [g.code for g in client.get(f"/grievances/?tab={tab}").context["grievances"]]

    assert codes("open") == [late.code, fresh.code]  # the overdue one on top
    assert codes("overdue") == [late.code]
    assert codes("answered") == [done.code]
    assert set(codes("all")) == {fresh.code, late.code, done.code}


@pytest.mark.django_db
def test_the_lead_agency_looks_at_any_agencys_queue(personas):
    p = personas
    g = by_hand(p)
    client = p.client_for(p.alice)
    assert g.code not in client.get("/grievances/").content.decode()  # its own queue first
    assert g.code in client.get(f"/grievances/?agency={p.ward.pk}").content.decode()
    assert g.code in client.get("/grievances/?agency=all").content.decode()


@pytest.mark.django_db
def test_the_pages_speak_vietnamese_first(personas, settings):
    settings.LANGUAGE_CODE = "vi"
    p = personas
    g = by_hand(p)
    client = p.client_for(p.walter)
    queue = client.get("/grievances/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Phản ánh, kiến nghị cần trả lời" in queue
    page = client.get(f"/grievances/{g.pk}/").content.decode()
    assert "Nhận xử lý" in page and "Soạn nội dung trả lời" in page
    assert "<script>" not in page and "style=" not in page  # strict CSP: nothing inline
