"""Demo data for cases: the legal provisions, the press registry, a second lead-agency leader
(`stttt.leader2`, the four-eyes second approver) and three sample cases in different states.

Idempotent: each sample case is looked up by its title first. E-mails are not sent.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from haidang.agencies.models import Agency
from haidang.core.notifications import no_email

from . import actions
from .choices import ActionKind, CoordinationMode, ExpressionType, Severity, Verdict
from .models import Case, LegalProvision, PressOutlet
from .seed.legal import PRESS_OUTLETS, seed_legal_provisions

SECOND_LEADER = "stttt.leader2"

GRIEVANCE = "Phản ánh ngập úng kéo dài tại tổ dân phố 5, phường Đồng Hới"
SCAM = "Trang giả mạo Sở Y tế kêu gọi chuyển tiền 'hỗ trợ tiêm chủng'"
SECRET = "Lộ danh sách bệnh nhân điều trị tại bệnh viện tỉnh"


def _users():
    User = get_user_model()
    return {u.username: u for u in User.objects.filter(username__contains=".")}


def _provisions(*codes):
    return list(LegalProvision.objects.filter(code__in=codes))


def _second_leader(created: dict):
    from haidang.agencies.actions import do_create_officer
    from haidang.agencies.demo import DEMO_PASSWORD

    User = get_user_model()
    if User.objects.filter(username=SECOND_LEADER).exists():
        return
    do_create_officer(username=SECOND_LEADER, password=DEMO_PASSWORD, agency=Agency.objects.get(short_name="STTTT"),
                      role="leader", full_name="Trương Minh Khoa", email=f"{SECOND_LEADER}@demo.haidang.local",
                      title="Phó Giám đốc")
    created["officers"] = created.get("officers", 0) + 1


def _grievance(u, a):
    r = actions.do_create_report(
        acting_user=u["pdonghoi.officer"], url="https://facebook.example/groups/donghoi/posts/1001",
        description="Người dân phản ánh đường ngập sâu sau mưa, chính quyền chậm xử lý.",
        reason="Phản ánh chính đáng, cần trả lời công khai.", category="grievance", urgency="medium")
    case = actions.do_accept_report(r, acting_user=u["stttt.coordinator"], title=GRIEVANCE,
                                    participants=[a["P-DONGHOI"]])
    actions.do_start_verification(case, acting_user=u["stttt.coordinator"])
    actions.do_record_verification(case, acting_user=u["pdonghoi.officer"], verdict=Verdict.TRUE,
                                   findings="Đoạn đường ngập thật; cống thoát nước bị tắc từ tháng trước.",
                                   sources="Kiểm tra hiện trường của UBND phường")
    actions.do_record_appraisal(case, acting_user=u["stttt.coordinator"], severity=Severity.LOW,
                                expression_type=ExpressionType.PROTECTED, protected_kinds=["complaint", "criticism"],
                                legal_basis=_provisions("ltcct-2016"),
                                reasoning="Phản ánh và phê bình chính đáng: trả lời, không gỡ bỏ.")
    answer = actions.do_add_plan_action(
        case, acting_user=u["stttt.coordinator"], kind=ActionKind.ANSWER_GRIEVANCE, owner_agency=a["P-DONGHOI"],
        deadline=timezone.localdate() + dt.timedelta(days=3), channel="Trang thông tin điện tử phường",
        response_text="UBND phường đã nạo vét cống, dự kiến hoàn thành trong tuần.")
    actions.do_submit_plan(case, acting_user=u["stttt.coordinator"])
    actions.do_approve_plan(case, acting_user=u["stttt.leader"])
    actions.do_start_action(answer, acting_user=u["pdonghoi.officer"])
    actions.do_record_proof(answer, acting_user=u["pdonghoi.officer"],
                            url="https://donghoi.quangtri.gov.vn/tra-loi-phan-anh-ngap-ung")
    actions.do_complete_action(answer, acting_user=u["pdonghoi.officer"], result="Đã trả lời công khai.")
    actions.do_close_case(case, acting_user=u["stttt.coordinator"], outcome="Phản ánh đã được trả lời và xử lý.")


def _scam(u, a):
    r = actions.do_create_report(
        acting_user=u["syt.officer"], url="https://facebook.example/soyte.quangtri.hotro",
        description="Trang mạo danh Sở Y tế, yêu cầu chuyển khoản 500.000đ để 'đăng ký tiêm chủng miễn phí'.",
        reason="Lừa đảo, mạo danh cơ quan nhà nước.", category="scam", urgency="high")
    case = actions.do_accept_report(r, acting_user=u["stttt.coordinator"], title=SCAM, priority="high",
                                    participants=[a["SYT"], a["CAT"]])
    actions.do_start_coordination(case, acting_user=u["stttt.coordinator"], mode=CoordinationMode.WRITTEN)
    actions.do_record_verification(case, acting_user=u["syt.officer"], verdict=Verdict.FALSE,
                                   findings="Sở Y tế không có trang này và không thu phí tiêm chủng.",
                                   sources="Danh sách kênh chính thức của Sở Y tế", evidence=case.evidence.all())
    actions.do_record_appraisal(case, acting_user=u["stttt.coordinator"], severity=Severity.HIGH,
                                expression_type=ExpressionType.UNLAWFUL,
                                legal_basis=_provisions("blhs-2015-d174", "blhs-2015-d290", "lanm-2018-d16"),
                                reasoning="Mạo danh cơ quan nhà nước để chiếm đoạt tài sản.")
    soon = timezone.localdate() + dt.timedelta(days=2)
    police = actions.do_add_plan_action(
        case, acting_user=u["stttt.coordinator"], kind=ActionKind.REFER_POLICE, owner_agency=a["CAT"], deadline=soon,
        legal_basis=_provisions("blhs-2015-d174", "blhs-2015-d290"),
        reasons="Dấu hiệu tội lừa đảo chiếm đoạt tài sản qua mạng; đã có người dân chuyển tiền.")
    removal = actions.do_add_plan_action(
        case, acting_user=u["stttt.coordinator"], kind=ActionKind.REQUEST_REMOVAL, owner_agency=a["STTTT"],
        deadline=soon, target_url=r.url, legal_basis=_provisions("lanm-2018-d16", "nd147-2024"),
        reasons="Trang mạo danh cơ quan nhà nước để lừa đảo.")
    actions.do_add_plan_action(
        case, acting_user=u["stttt.coordinator"], kind=ActionKind.PUBLISH_OFFICIAL_INFO, owner_agency=a["SYT"],
        deadline=timezone.localdate() + dt.timedelta(days=1), description="Cảnh báo người dân trên cổng thông tin.")
    actions.do_submit_plan(case, acting_user=u["stttt.coordinator"])
    actions.do_approve_plan(case, acting_user=u["stttt.leader"])
    actions.do_second_approve_action(police, acting_user=u[SECOND_LEADER], note="Đồng ý chuyển Công an tỉnh.")
    actions.do_second_approve_action(removal, acting_user=u[SECOND_LEADER])
    actions.do_start_action(police, acting_user=u["cat.officer"])
    actions.do_record_proof(police, acting_user=u["cat.officer"], text="Đã tiếp nhận hồ sơ, số 123/PA05.")


def _secret(u, a):
    r = actions.do_create_report(
        acting_user=u["syt.officer"], url="https://forum.example/t/danh-sach-benh-nhan",
        description="Bài đăng kèm danh sách họ tên, số điện thoại bệnh nhân.",
        reason="Lộ lọt dữ liệu cá nhân.", category="personal_data", urgency="urgent")
    case = actions.do_accept_report(r, acting_user=u["stttt.coordinator"], title=SECRET, priority="urgent",
                                    confidentiality="confidential", participants=[a["SYT"], a["CAT"]])
    actions.do_start_verification(case, acting_user=u["stttt.coordinator"])


def load(stdout=None) -> dict:
    created = {"legal_provisions": seed_legal_provisions(LegalProvision), "press_outlets": 0, "cases": 0}
    for domain, name, short_name in PRESS_OUTLETS:
        _, was_created = PressOutlet.objects.get_or_create(
            domain=domain, defaults={"name": name, "agency": Agency.objects.filter(short_name=short_name).first()})
        created["press_outlets"] += int(was_created)
    if not Agency.objects.filter(short_name="STTTT").exists():
        return created  # no demo province: nothing to attach cases to
    _second_leader(created)
    users = _users()
    agencies = {a.short_name: a for a in Agency.objects.all()}
    with no_email():
        for title, build in ((GRIEVANCE, _grievance), (SCAM, _scam), (SECRET, _secret)):
            if not Case.objects.filter(title=title).exists():
                build(users, agencies)
                created["cases"] += 1
    if stdout is not None:
        stdout.write(f"cases: {created['cases']} sample cases; second lead leader: {SECOND_LEADER}")
    return created
