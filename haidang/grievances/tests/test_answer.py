"""Answered on record: the officer writes, the agency's leader approves (not the writer), the posts stay."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from haidang.cases.errors import FourEyesRequired, IllegalTransition
from haidang.core.models import Notification
from haidang.grievances import actions
from haidang.grievances.choices import AnswerStatus, GrievanceState
from haidang.grievances.models import Grievance

from .helpers import ROAD, WARD_CODE, by_hand, detect, grievance_of, source, ward_leader, ward_viewer

URL = "https://donghoi.quangtri.gov.vn/tra-loi/duong-to-5"


@pytest.mark.django_db
def test_answering_needs_the_leaders_approval(personas, django_capture_on_commit_callbacks):
    p = personas
    leader = ward_leader(p)
    post = detect(django_capture_on_commit_callbacks, source(p), ROAD, place=(WARD_CODE, "Phường Đồng Hới"))
    g = grievance_of(post)
    actions.do_take_grievance(g, acting_user=p.walter)
    actions.do_submit_answer(g, acting_user=p.walter, text="Phường đã cho san lấp, sửa chữa xong.", published_url=URL)
    g.refresh_from_db()
    assert g.state == GrievanceState.ANSWER_SUBMITTED and g.answered_at is None and not g.published_url
    assert Notification.objects.filter(recipient=leader, verb="grievances.answer_submitted").exists()
    with pytest.raises(PermissionDenied):
        actions.do_approve_answer(g, acting_user=p.walter)  # an officer is no approver
    with pytest.raises(PermissionDenied):
        actions.do_approve_answer(g, acting_user=p.lena)  # nor is another agency's leader
    actions.do_approve_answer(g, acting_user=leader)
    g.refresh_from_db()
    assert g.state == GrievanceState.ANSWERED and g.published_url == URL and g.answered_on_time
    assert list(g.posts.values_list("item_id", flat=True)) == [post.pk]  # the posts stay linked
    page = p.client_for(p.walter).get(f"/grievances/{g.pk}/").content.decode()
    assert URL in page and 'data-testid="answered-banner"' in page


@pytest.mark.django_db
def test_the_leader_who_wrote_the_answer_cannot_approve_it(personas):
    p = personas
    leader, second = ward_leader(p), None
    g = by_hand(p)
    actions.do_submit_answer(g, acting_user=leader, text="Trả lời.", published_url=URL)
    with pytest.raises(FourEyesRequired):
        actions.do_approve_answer(g, acting_user=leader)
    from haidang.agencies.actions import do_create_officer

    second = do_create_officer(username="wes", password="x-pass-123456", agency=p.ward, role="leader",
                               full_name="Wes", email="wes@example.test")
    assert actions.do_approve_answer(g, acting_user=second).state == GrievanceState.ANSWERED


@pytest.mark.django_db
def test_a_returned_answer_goes_back_to_the_officer_with_the_note(personas):
    p = personas
    leader = ward_leader(p)
    g = by_hand(p)
    actions.do_submit_answer(g, acting_user=p.walter, text="Sẽ xem xét.", published_url=URL)
    with pytest.raises(IllegalTransition):
        actions.do_submit_answer(g, acting_user=p.walter, text="again", published_url=URL)
    actions.do_reject_answer(g, acting_user=leader, note="Nêu rõ thời hạn sửa chữa.")
    g.refresh_from_db()
    assert g.state == GrievanceState.IN_PROGRESS
    assert g.answers.get().status == AnswerStatus.REJECTED
    assert Notification.objects.filter(recipient=p.walter, verb="grievances.answer_returned").exists()
    upload = SimpleUploadedFile("cong-van.pdf", b"%PDF-1.4 signed letter", content_type="application/pdf")
    answer = actions.do_submit_answer(g, acting_user=p.walter, text="Sửa xong trước 30/6.", published_url=URL,
                                      attachment=upload)
    assert len(answer.attachment_sha256) == 64
    actions.do_approve_answer(g, acting_user=leader)
    assert g.answers.filter(status=AnswerStatus.APPROVED).get() == answer


@pytest.mark.django_db
def test_the_answer_through_the_pages(personas):
    p = personas
    leader = ward_leader(p)
    g = by_hand(p)
    walter = p.client_for(p.walter)
    assert walter.post(f"/grievances/{g.pk}/take/").status_code == 302
    response = walter.post(f"/grievances/{g.pk}/answer/", {"text": "Đã sửa.", "published_url": URL})
    assert response.status_code == 302
    assert walter.post(f"/grievances/{g.pk}/approve/", {}).status_code == 403
    assert p.client_for(leader).post(f"/grievances/{g.pk}/approve/", {}).status_code == 302
    assert Grievance.objects.get(pk=g.pk).state == GrievanceState.ANSWERED


@pytest.mark.django_db
def test_an_answer_needs_its_publication_link(personas):
    p = personas
    g = by_hand(p)
    response = p.client_for(p.walter).post(f"/grievances/{g.pk}/answer/", {"text": "Đã sửa."})
    assert response.status_code == 400
    assert Grievance.objects.get(pk=g.pk).state == GrievanceState.NEW


@pytest.mark.django_db
def test_a_viewer_reads_but_cannot_answer(personas):
    p = personas
    viewer = ward_viewer(p)
    g = by_hand(p)
    client = p.client_for(viewer)
    assert client.get(f"/grievances/{g.pk}/").status_code == 200
    with pytest.raises(PermissionDenied):
        actions.do_submit_answer(g, acting_user=viewer, text="x", published_url=URL)
    assert client.post(f"/grievances/{g.pk}/answer/", {"text": "x", "published_url": URL}).status_code == 403
    assert client.post(f"/grievances/{g.pk}/take/").status_code == 403
    assert p.client_for(p.vera).post(f"/grievances/{g.pk}/answer/", {"text": "x", "published_url": URL}) \
        .status_code == 403  # the lead agency's viewer neither
    assert not g.answers.exists()


@pytest.mark.django_db
def test_another_agencys_officer_gets_404_on_a_grievance_not_its_own(personas):
    p = personas
    g = by_hand(p)
    bob = p.client_for(p.bob)
    assert bob.get(f"/grievances/{g.pk}/").status_code == 404
    for step in ("take", "assign", "answer", "approve", "return", "reassign", "deadline", "case", "resume"):
        assert bob.post(f"/grievances/{g.pk}/{step}/", {"reason": "x", "note": "x"}).status_code == 404, step
    assert g.code not in bob.get("/grievances/?tab=all").content.decode()
    assert p.client_for(p.alice).get(f"/grievances/{g.pk}/").status_code == 200  # the lead agency sees all
    assert p.client_for(p.charlie).get("/grievances/?agency=all").context["agency"] == p.other


@pytest.mark.django_db
def test_people_without_an_agency_see_nothing(personas, django_user_model):
    p = personas
    g = by_hand(p)
    stranger = django_user_model.objects.create_user("stranger", password="x-pass-123456")
    client = p.client_for(stranger)
    assert client.get("/grievances/").status_code == 404
    assert client.get(f"/grievances/{g.pk}/").status_code == 404
    assert client.get("/grievances/new/").status_code == 404
    assert client.get("/grievances/figures/").status_code == 404
    assert client.post(f"/grievances/{g.pk}/resume/").status_code == 404
    from django.test import Client

    assert Client().get("/grievances/").status_code == 302  # to the log-in page
