"""Expression and press safeguards are enforced in actions.py, whatever the UI does."""

import pytest

from haidang.cases import actions
from haidang.cases.choices import ActionKind, ExpressionType
from haidang.cases.errors import SafeguardViolation
from haidang.cases.models import PressOutlet

from .helpers import add_removal, appraised_case, provisions


@pytest.mark.django_db
def test_protected_expression_refuses_removal_penalty_and_police(personas):
    p = personas
    case = appraised_case(p, expression=ExpressionType.PROTECTED, category="grievance")
    for kind in (ActionKind.REQUEST_REMOVAL, ActionKind.REFER_PENALTY, ActionKind.REFER_POLICE):
        with pytest.raises(SafeguardViolation, match="protected expression"):
            actions.do_add_plan_action(case, acting_user=p.alice, kind=kind, owner_agency=p.lead,
                                       legal_basis=provisions("lanm-2018-d16"), reasons="x")
    # Answering and publishing accurate information remain open.
    answer = actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.ANSWER_GRIEVANCE,
                                        owner_agency=p.health, response_text="The clinic reopens Monday.",
                                        channel="ward portal")
    assert answer.pk


@pytest.mark.django_db
def test_press_source_refuses_removal_but_allows_correction(personas):
    p = personas
    PressOutlet.objects.create(name="Báo Quảng Trị", domain="baoquangtri.vn", agency=p.press_agency)
    case = appraised_case(p, url="https://www.baoquangtri.vn/xa-hoi/bai-viet-123.htm")
    assert case.reports.get().is_press
    with pytest.raises(SafeguardViolation, match="press"):
        add_removal(p, case, target_url="https://www.baoquangtri.vn/xa-hoi/bai-viet-123.htm")
    correction = actions.do_add_plan_action(case, acting_user=p.alice, kind=ActionKind.REQUEST_CORRECTION,
                                            owner_agency=p.lead, target_url=case.reports.get().url,
                                            legal_basis=provisions("lbc-2016"), description="wrong figures")
    assert correction.kind == ActionKind.REQUEST_CORRECTION


@pytest.mark.django_db
def test_a_press_url_as_target_is_refused_even_on_a_non_press_case(personas):
    p = personas
    PressOutlet.objects.create(name="Báo Quảng Trị", domain="baoquangtri.vn")
    case = appraised_case(p)
    with pytest.raises(SafeguardViolation):
        add_removal(p, case, target_url="https://news.baoquangtri.vn/a")


@pytest.mark.django_db
def test_restrictive_actions_need_a_prohibiting_provision_and_reasons(personas):
    p = personas
    case = appraised_case(p)
    with pytest.raises(SafeguardViolation, match="legal basis"):
        add_removal(p, case, legal_basis=[])
    with pytest.raises(SafeguardViolation, match="legal basis"):
        add_removal(p, case, legal_basis=provisions("lbc-2016"))  # the press law grounds no removal
    with pytest.raises(SafeguardViolation, match="reasons"):
        add_removal(p, case, reasons=" ")


@pytest.mark.django_db
def test_safeguards_are_checked_again_at_approval(personas):
    """A press registration made after the proposal still stops the removal at approval time."""
    p = personas
    case = appraised_case(p, url="https://example-news.vn/a")
    add_removal(p, case, target_url="https://example-news.vn/a")
    actions.do_submit_plan(case, acting_user=p.alice)
    PressOutlet.objects.create(name="Example News", domain="example-news.vn")
    with pytest.raises(SafeguardViolation):
        actions.do_approve_plan(case, acting_user=p.lena)


@pytest.mark.django_db
def test_proposer_cannot_be_second_approver(personas):
    from haidang.cases.errors import FourEyesRequired

    p = personas
    case = appraised_case(p)
    # A leader proposes, another approves the plan: neither may be the second approver.
    removal = actions.do_add_plan_action(case, acting_user=p.lars, kind=ActionKind.REQUEST_REMOVAL,
                                         owner_agency=p.lead, legal_basis=provisions("lanm-2018-d16"),
                                         reasons="fraud", target_url="https://scam.example.net/x")
    actions.do_approve_plan(case, acting_user=p.lena)
    for leader in (p.lars, p.lena):
        with pytest.raises(FourEyesRequired):
            actions.do_second_approve_action(removal, acting_user=leader)


@pytest.mark.django_db
def test_an_item_from_a_press_source_is_press_and_refuses_removal(personas):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    p = personas
    source = Source.objects.create(name="Báo QT", agency=p.press_agency, url="https://press.example/rss",
                                   is_press=True)
    item = Item.objects.create(source=source, url="https://press.example/a/1", canonical_url_hash="h1",
                               content_hash="c1", title="Article", is_press=True)
    r = actions.do_create_report(acting_user=p.bob, item=item, category="misinformation")
    assert r.item == item and r.is_press
    case = actions.do_accept_report(r, acting_user=p.alice)
    actions.do_start_verification(case, acting_user=p.alice)
    actions.do_record_verification(case, acting_user=p.alice, findings="wrong figures", verdict="partly_false")
    actions.do_record_appraisal(case, acting_user=p.alice, severity="low", expression_type="mixed",
                                protected_kinds=["news"], legal_basis=provisions("lanm-2018-d16"))
    with pytest.raises(SafeguardViolation, match="press"):
        add_removal(p, case, target_url=item.url)
