"""States, transitions, audit and timeline."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from haidang.audit.models import AuditEntry
from haidang.cases import actions
from haidang.cases.choices import ActionKind, CaseState, CoordinationMode
from haidang.cases.errors import CaseError, IllegalTransition

from .helpers import accepted_case, appraised_case, verified_case


@pytest.mark.django_db
def test_illegal_transitions_raise_a_clear_error(personas):
    p = personas
    case = accepted_case(p)
    with pytest.raises(IllegalTransition, match="cannot be appraised now"):
        actions.do_record_appraisal(case, acting_user=p.alice, severity="low", expression_type="unlawful")
    with pytest.raises(IllegalTransition, match=r"is new; it cannot move to closed"):
        actions.do_close_case(case, acting_user=p.alice, outcome="done")
    with pytest.raises(IllegalTransition):
        actions.do_approve_plan(case, acting_user=p.lena)
    with pytest.raises(IllegalTransition):
        actions.do_reopen_case(case, acting_user=p.lena, reason="x")
    actions.do_start_verification(case, acting_user=p.alice)
    with pytest.raises(IllegalTransition):
        actions.do_start_verification(case, acting_user=p.alice)
    with pytest.raises(IllegalTransition, match="verification before"):
        actions.do_record_appraisal(case, acting_user=p.alice, severity="low", expression_type="protected",
                                    protected_kinds=["opinion"])


@pytest.mark.django_db
def test_every_state_change_writes_audit_and_timeline(personas):
    p = personas
    case = verified_case(p)
    actions.do_start_coordination(case, acting_user=p.alice, mode=CoordinationMode.MEETING)
    actions.do_start_coordination(case, acting_user=p.alice, mode=CoordinationMode.WRITTEN)
    actions.do_dismiss_case(case, acting_user=p.alice, reason="resolved before handling")
    actions.do_reopen_case(case, acting_user=p.lena, reason="it came back")
    case.refresh_from_db()
    assert case.coordination_modes == ["meeting", "written"]
    transitions = [(e.parameters["old"], e.parameters["new"]) for e in case.events.filter(type="state_changed")]
    assert transitions == [("new", "verifying"), ("verifying", "coordinating"), ("coordinating", "dismissed"),
                           ("dismissed", "verifying")]
    audited = [(c["from"], c["to"]) for c in AuditEntry.objects.filter(
        action="case.transition", object_id=str(case.pk)).values_list("changes", flat=True)]
    assert audited == transitions


@pytest.mark.django_db
def test_roles_are_enforced_in_actions(personas):
    p = personas
    case = accepted_case(p)
    with pytest.raises(PermissionDenied):
        actions.do_start_verification(case, acting_user=p.bob)  # participant, not lead
    with pytest.raises(PermissionDenied):
        actions.do_start_verification(case, acting_user=p.vera)  # lead viewer
    with pytest.raises(PermissionDenied):
        actions.do_record_verification(case, acting_user=p.charlie, findings="x", verdict="true")
    case = appraised_case(p)
    actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.NO_ACTION, owner_agency=p.lead)
    with pytest.raises(PermissionDenied):
        actions.do_approve_plan(case, acting_user=p.alice)  # coordinators do not approve
    with pytest.raises(PermissionDenied):
        actions.do_create_report(acting_user=p.vera, url="https://x.example")


@pytest.mark.django_db
def test_completion_needs_proof_and_closure_needs_finished_actions(personas, monkeypatch):
    p = personas
    case = appraised_case(p)
    publish = actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.PUBLISH_OFFICIAL_INFO,
                                         owner_agency=p.health)
    actions.do_approve_plan(case, acting_user=p.lena)
    actions.do_start_action(publish, acting_user=p.bob)
    with pytest.raises(CaseError, match="proof"):
        actions.do_complete_action(publish, acting_user=p.bob, result="published")
    with pytest.raises(IllegalTransition, match="finished"):
        actions.do_close_case(case, acting_user=p.alice, outcome="x")
    monkeypatch.setattr(actions, "_refetch", lambda url, user: None)  # the ingest app without re-fetch
    with pytest.raises(CaseError, match="not available"):
        actions.do_record_proof(publish, acting_user=p.bob, refetch=True, url="https://soyte.example/a")
    actions.do_record_proof(publish, acting_user=p.bob, url="https://soyte.example/a")
    actions.do_complete_action(publish, acting_user=p.bob, result="published")
    actions.do_close_case(case, acting_user=p.alice, outcome="answered")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED


@pytest.mark.django_db
def test_priority_sets_the_due_date(personas):
    p = personas
    urgent = accepted_case(p, urgency="urgent")
    low = accepted_case(p, urgency="low")
    # Working days on the Vietnamese calendar (haidang.workdays.deadlines), by priority.
    from haidang.cases.choices import DUE_DAYS
    from haidang.workdays.deadlines import add_working_days, is_working_day

    assert urgent.due_at == add_working_days(urgent.created_at, DUE_DAYS["urgent"])
    assert low.due_at == add_working_days(low.created_at, DUE_DAYS["low"])
    assert urgent.created_at < urgent.due_at < low.due_at
    assert (low.due_at - low.created_at).days >= 14  # ten working days span at least two weekends
    assert is_working_day(timezone.localtime(low.due_at).date())


@pytest.mark.django_db
def test_reports_from_items_stories_and_alerts(personas):
    p = personas

    class Item:
        pk = 42
        url = "https://forum.example/t/1"
        title = "Fake vaccine notice"
        is_press = False

    r = actions.do_create_report(acting_user=p.bob, item=Item(), category="misinformation")
    assert (r.subject_type, r.subject_id, r.url) == ("item", "42", Item.url)
    r = actions.do_create_report(acting_user=p.bob, story_id=7)
    assert (r.subject_type, r.subject_id) == ("story", "7")
    r = actions.do_create_report(acting_user=p.bob, alert_id=9, urgency="urgent")
    assert (r.subject_type, r.subject_id, r.urgency) == ("alert", "9", "urgent")
    with pytest.raises(CaseError):
        actions.do_create_report(acting_user=p.bob)
