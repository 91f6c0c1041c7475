"""Issue #15 item 1: a conclusion carries a whole plan (several actions, each with its owner), nothing is
pre-ticked, and once the plan is with the leaders "add an action" leads to a revision, not a dead end."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haidang.cases import actions as case_actions
from haidang.cases.choices import ActionStatus, CaseState, PlanStatus
from haidang.coordination import forms
from haidang.coordination.choices import MeetingStatus

from .helpers import meeting, new_case, provisions


def _conclusion_post(p, *, submit=True):
    basis = provisions("lanm-2018-d16", "blhs-2015-d174")
    deadline = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    rows = [
        {"kind": "publish_official_info", "owner_agency": p.health.pk, "deadline": deadline,
         "description": "Warn citizens on the SYT portal"},
        {"kind": "request_removal", "owner_agency": p.lead.pk, "deadline": deadline,
         "target_url": "https://scam.example.net/post/1", "reasons": "impersonates SYT to defraud citizens"},
        {"kind": "keep_monitoring", "owner_agency": p.police.pk, "description": "Watch for re-uploads"},
    ]
    data = {"conclusion": "Fake page: warn, remove, watch.", "verdict": "false", "findings": "SYT has no such page.",
            "expression_type": "unlawful", "severity": "high", "legal_basis": [b.pk for b in basis],
            "reasoning": "impersonation to defraud",
            "actions-TOTAL_FORMS": "4", "actions-INITIAL_FORMS": "0", "actions-MIN_NUM_FORMS": "0",
            "actions-MAX_NUM_FORMS": "12"}
    for i, row in enumerate(rows):
        data.update({f"actions-{i}-{k}": v for k, v in row.items()})
    if submit:
        data["submit_plan"] = "on"
    return data


def test_nothing_is_pre_ticked_and_three_blank_rows_are_offered():
    form = forms.ConclusionsForm()
    assert form.fields["submit_plan"].initial is False
    assert len(form.actions.forms) == 3
    assert not any(f.fields["kind"].initial for f in form.actions.forms)


@pytest.mark.django_db
def test_a_conclusion_with_three_actions_of_different_owners_is_approved_and_carried_out(personas):
    p = personas
    case = new_case(p)
    m = meeting(p, case, agencies=[p.health, p.police])
    alice = p.client_for(p.alice)
    page = alice.get(reverse("coordination:meeting", args=[m.pk])).content.decode()
    assert 'name="actions-2-kind"' in page and 'name="submit_plan"' in page
    assert 'name="submit_plan" class="form-check-input" id="id_submit_plan" checked' not in page

    response = alice.post(reverse("coordination:meeting_conclude", args=[m.pk]), _conclusion_post(p))
    assert response.status_code == 302, response.content.decode()[:2000]
    m.refresh_from_db()
    case.refresh_from_db()
    assert m.status == MeetingStatus.CONCLUDED and case.state == CaseState.APPRAISED
    plan = case.current_plan()
    assert plan.status == PlanStatus.SUBMITTED and plan.origin == f"meeting:{m.pk}"
    planned = list(plan.actions.order_by("id"))
    assert [a.kind for a in planned] == ["publish_official_info", "request_removal", "keep_monitoring"]
    assert {a.owner_agency_id for a in planned} == {p.health.pk, p.lead.pk, p.police.pk}

    # Approval, then the second approval of the removal (four eyes), then each owner carries out its own.
    case_actions.do_approve_plan(case, acting_user=p.lena)
    warn, removal, watch = (case.actions.get(pk=a.pk) for a in planned)
    assert removal.status == ActionStatus.AWAITING_SECOND_APPROVAL and warn.status == ActionStatus.READY
    case_actions.do_second_approve_action(removal, acting_user=p.lars)
    for action, doer in ((warn, p.bob), (removal, p.alice), (watch, p.peter)):
        action.refresh_from_db()
        case_actions.do_start_action(action, acting_user=doer)
        if action.kind != "keep_monitoring":
            case_actions.do_record_proof(action, acting_user=doer, url="https://soyte.quangtri.gov.vn/canh-bao")
        case_actions.do_complete_action(action, acting_user=doer, result="done")
    assert set(case.actions.values_list("status", flat=True)) == {ActionStatus.DONE}
    case_actions.do_close_case(case, acting_user=p.alice, outcome="warned, removed, watched")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED


@pytest.mark.django_db
def test_an_unticked_submit_leaves_a_draft_and_a_half_filled_row_is_refused(personas):
    p = personas
    case = new_case(p)
    m = meeting(p, case)
    alice = p.client_for(p.alice)
    data = _conclusion_post(p, submit=False)
    data["actions-3-description"] = "a row without an action"
    response = alice.post(reverse("coordination:meeting_conclude", args=[m.pk]), data)
    assert response.status_code == 400 and "Choose the action." in response.content.decode()
    del data["actions-3-description"]
    assert alice.post(reverse("coordination:meeting_conclude", args=[m.pk]), data).status_code == 302
    case.refresh_from_db()
    assert case.current_plan().status == PlanStatus.DRAFT and case.current_plan().actions.count() == 3


@pytest.mark.django_db
def test_after_submission_adding_an_action_opens_a_revision_not_a_400(personas):
    p = personas
    case = new_case(p)
    m = meeting(p, case)
    alice = p.client_for(p.alice)
    alice.post(reverse("coordination:meeting_conclude", args=[m.pk]), _conclusion_post(p))
    case.refresh_from_db()
    page = alice.get(reverse("cases:detail", args=[case.pk]), {"tab": "plan"}).content.decode()
    assert reverse("cases:plan_add_action", args=[case.pk]) not in page
    assert reverse("cases:plan_revise", args=[case.pk]) in page

    # An old link to "add an action" still lands somewhere useful.
    response = alice.get(reverse("cases:plan_add_action", args=[case.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("cases:plan_revise", args=[case.pk])
    revise = alice.get(response["Location"])
    assert revise.status_code == 200 and 'data-testid="decision-facts"' in revise.content.decode()
    response = alice.post(reverse("cases:plan_revise", args=[case.pk]), {"note": "add a correction request"})
    assert response.status_code == 302 and response["Location"] == reverse("cases:plan_add_action", args=[case.pk])
    assert case.current_plan().status == PlanStatus.DRAFT
    assert alice.get(response["Location"]).status_code == 200
    assert case.events.filter(type="plan_withdrawn").exists()
    # A leader cannot be stopped by it: the plan is submitted again and approved as usual.
    case_actions.do_submit_plan(case, acting_user=p.alice)
    case_actions.do_approve_plan(case, acting_user=p.lena)


@pytest.mark.django_db
def test_the_consultation_summary_puts_each_answer_under_its_agency(personas):
    from haidang.coordination import actions

    from .helpers import consultation

    p = personas
    case = new_case(p)
    c = consultation(p, case, agencies=[p.health, p.police, p.ward])
    actions.do_answer_consultation(c, acting_user=p.bob, position="agree", text="Remove it.")
    actions.do_answer_consultation(c, acting_user=p.peter, position="disagree", text="Refer it to us instead.")
    response = p.client_for(p.alice).get(reverse("coordination:consultation_summary", args=[c.pk]))
    text = response.content.decode()
    lines = text.splitlines()
    health = lines.index(next(line for line in lines if "Sở Y tế (SYT)" in line))
    assert lines[health + 1].strip() == "Position: agree" and "Bob" in lines[health + 2]
    assert "Remove it." in lines[health + 3]
    police = lines.index(next(line for line in lines if "Công an tỉnh (CAT)" in line))
    assert lines[police + 1].strip() == "Position: disagree" and "Refer it to us instead." in lines[police + 3]
    ward = lines.index(next(line for line in lines if "UBND Phường Đồng Hới (P-DONGHOI)" in line))
    assert lines[ward + 1].strip() == "Position: no answer"
    assert "Is the page yours?" in text


@pytest.mark.django_db
def test_an_answer_attachment_downloads_for_the_lead_and_the_answering_agency_only(personas, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from haidang.audit.models import AuditEntry
    from haidang.coordination import actions
    from haidang.coordination.models import AnswerAttachment

    from .helpers import consultation

    settings.MEDIA_ROOT = tmp_path
    p = personas
    case = new_case(p, confidentiality="confidential")
    c = consultation(p, case, agencies=[p.health, p.police])
    actions.do_answer_consultation(c, acting_user=p.bob, position="agree", text="Signed letter attached.",
                                   attachments=[SimpleUploadedFile("cong-van.pdf", b"%PDF-1.4")])
    attachment = AnswerAttachment.objects.get()
    url = reverse("coordination:answer_attachment", args=[c.pk, attachment.pk])
    for user in (p.alice, p.bob):
        response = p.client_for(user).get(url)
        assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
    assert AuditEntry.objects.filter(action="case.file_download", object_id=str(attachment.pk)).count() == 2
    for user in (p.peter, p.charlie):  # another invited agency; an outsider
        assert p.client_for(user).get(url).status_code == 404
    assert url in p.client_for(p.alice).get(reverse("coordination:consultation", args=[c.pk])).content.decode()
