"""A misrouted grievance is sent to another agency with a reason: audited, and the new agency is told."""

import pytest
from django.core.exceptions import PermissionDenied

from haidang.audit.models import AuditEntry
from haidang.cases.errors import CaseError
from haidang.core.models import Notification
from haidang.grievances import actions
from haidang.grievances.choices import GrievanceState, RoutedBy
from haidang.grievances.models import Grievance, GrievanceTransfer

from .helpers import by_hand, local, ward_leader


@pytest.mark.django_db
def test_reassignment_is_audited_and_notifies_the_new_agency(personas):
    p = personas
    g = by_hand(p, title="Bệnh viện bắt chờ đợi", received_at=local(2026, 3, 2, 9, 0))
    g = actions.do_reassign_grievance(g, p.health, acting_user=p.alice, reason="a hospital matter, not the ward's")
    assert g.agency == p.health and g.routed_by == RoutedBy.REASSIGNED and g.state == GrievanceState.NEW
    entry = AuditEntry.objects.filter(action="grievance.reassign", object_id=str(g.pk)).get()
    assert entry.changes["from"] == "P-DONGHOI" and entry.changes["to"] == "SYT"
    assert entry.changes["reason"] == "a hospital matter, not the ward's" and entry.actor == p.alice
    for officer in (p.bob, p.hanh):  # its designated officer and its leader
        assert Notification.objects.filter(recipient=officer, verb="grievances.reassigned",
                                           target_id=str(g.pk)).exists()
    transfer = GrievanceTransfer.objects.get(grievance=g)
    assert (transfer.from_agency, transfer.to_agency, transfer.moved_by) == (p.ward, p.health, p.alice)
    # It is the health department's now: the ward no longer sees it.
    assert p.client_for(p.walter).get(f"/grievances/{g.pk}/").status_code == 404
    assert p.client_for(p.bob).get(f"/grievances/{g.pk}/").status_code == 200


@pytest.mark.django_db
def test_who_may_reassign(personas):
    p = personas
    leader = ward_leader(p)
    g = by_hand(p)
    with pytest.raises(PermissionDenied):
        actions.do_reassign_grievance(g, p.health, acting_user=p.walter, reason="not ours")  # an officer
    with pytest.raises(PermissionDenied):
        actions.do_reassign_grievance(g, p.health, acting_user=p.vera, reason="not ours")  # a viewer
    with pytest.raises(CaseError):
        actions.do_reassign_grievance(g, p.health, acting_user=leader, reason="  ")
    with pytest.raises(CaseError):
        actions.do_reassign_grievance(g, p.ward, acting_user=leader, reason="same agency")
    assert actions.do_reassign_grievance(g, p.health, acting_user=leader, reason="not ours").agency == p.health


@pytest.mark.django_db
def test_reassigning_withdraws_an_answer_waiting_for_approval(personas):
    p = personas
    g = by_hand(p)
    actions.do_submit_answer(g, acting_user=p.walter, text="x", published_url="https://example.gov.vn/a")
    actions.do_reassign_grievance(g, p.health, acting_user=p.alice, reason="misrouted")
    g.refresh_from_db()
    assert g.answers.get().status == "withdrawn" and g.assignee is None


@pytest.mark.django_db
def test_reassign_through_the_page(personas):
    p = personas
    g = by_hand(p)
    client = p.client_for(p.alice)
    assert client.post(f"/grievances/{g.pk}/reassign/", {"agency": p.health.pk, "reason": ""}).status_code == 400
    response = client.post(f"/grievances/{g.pk}/reassign/", {"agency": p.health.pk, "reason": "hospital"})
    assert response.status_code == 302 and response["Location"] == "/grievances/"
    assert Grievance.objects.get(pk=g.pk).agency == p.health
