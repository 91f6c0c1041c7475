"""Demo data for coordination: a few extra days off, a meeting on the confidential demo case, and an
open written consultation on a new misinformation case (opened through the cases actions).

Idempotent: each piece is looked up first. E-mails are not sent.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from haidang.agencies.models import Agency
from haidang.cases import actions as case_actions
from haidang.cases.choices import CaseState
from haidang.cases.models import Case
from haidang.core.notifications import no_email
from haidang.workdays.models import ExtraDayOff

from . import actions
from .choices import Position
from .models import Consultation, Meeting

RUMOUR = "Tin đồn sai sự thật: 'nước máy Đồng Hới nhiễm độc'"
MEETING_TITLE = "Họp bàn xử lý vụ lộ danh sách bệnh nhân"
CONSULTATION_TITLE = "Lấy ý kiến về tin đồn nước máy nhiễm độc"
SECRET = "Lộ danh sách bệnh nhân điều trị tại bệnh viện tỉnh"  # created by haidang.cases.demo

EXTRA_DAYS_OFF = [
    # Examples of provincial or bridge days off an administrator would enter (not statutory holidays).
    (dt.date(2026, 12, 31), "Nghỉ bù (ví dụ)"),
    (dt.date(2027, 4, 15), "Ngày nghỉ do UBND tỉnh quyết định (ví dụ)"),
    (dt.date(2027, 9, 1), "Nghỉ liền kề Quốc khánh (ví dụ)"),
]


def _next_working_morning(days: int = 2) -> dt.datetime:
    from haidang.workdays.deadlines import add_working_days

    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return add_working_days(start, days)


def load(stdout=None) -> dict:
    created = {"extra_days_off": 0, "meetings": 0, "consultations": 0}
    for day, name in EXTRA_DAYS_OFF:
        _, was_created = ExtraDayOff.objects.get_or_create(date=day, defaults={"name": name})
        created["extra_days_off"] += int(was_created)
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__contains=".")}
    agencies = {a.short_name: a for a in Agency.objects.all()}
    needed = ("stttt.coordinator", "syt.officer", "cat.officer")
    if not all(name in users for name in needed) or not {"SYT", "CAT", "P-DONGHOI"} <= set(agencies):
        return created  # no demo province
    coordinator = users["stttt.coordinator"]
    with no_email():
        secret = Case.objects.filter(title=SECRET).first()
        if secret is not None and not Meeting.objects.filter(title=MEETING_TITLE).exists() \
                and secret.state in (CaseState.NEW, CaseState.VERIFYING, CaseState.COORDINATING):
            start = _next_working_morning(1)
            meeting = actions.do_create_meeting(
                secret, acting_user=coordinator, title=MEETING_TITLE, starts_at=start,
                ends_at=start + dt.timedelta(minutes=90), place="Phòng họp tầng 3, Sở TT&TT",
                online_link="https://meet.example.gov.vn/hd-bv-tinh", agencies=[agencies["SYT"], agencies["CAT"]])
            actions.do_record_attendance(meeting, acting_user=coordinator, attendance={
                agencies["SYT"].pk: (True, "Phòng Nghiệp vụ Y"), agencies["CAT"].pk: (True, "PA05")})
            created["meetings"] += 1
        if not Consultation.objects.filter(title=CONSULTATION_TITLE).exists():
            case = Case.objects.filter(title=RUMOUR).first()
            if case is None:
                report = case_actions.do_create_report(
                    acting_user=users.get("pdonghoi.officer", users["syt.officer"]),
                    url="https://facebook.example/groups/donghoi/posts/2002",
                    description="Bài đăng nói nước máy Đồng Hới nhiễm độc, kêu gọi không dùng nước.",
                    reason="Gây hoang mang; cần kiểm chứng và thông tin chính thức.", category="misinformation",
                    urgency="high")
                case = case_actions.do_accept_report(report, acting_user=coordinator, title=RUMOUR, priority="high",
                                                     participants=[agencies["SYT"], agencies["P-DONGHOI"]])
            consultation = actions.do_open_consultation(
                case, acting_user=coordinator, title=CONSULTATION_TITLE,
                agencies=[agencies["SYT"], agencies["CAT"], agencies["P-DONGHOI"]],
                question_verification="Kết quả xét nghiệm mẫu nước gần nhất có bất thường không?",
                question_appraisal="Bài đăng là thông tin sai sự thật hay phản ánh chính đáng?",
                question_handling="Đề xuất: Sở Y tế đăng thông tin chính thức; UBND phường trả lời người dân.")
            actions.do_answer_consultation(consultation, acting_user=users["syt.officer"], position=Position.AGREE,
                                           text="Mẫu nước ngày gần nhất đạt QCVN 01-1:2018/BYT. Đồng ý đăng thông tin.")
            actions.do_answer_consultation(consultation, acting_user=users["cat.officer"], position=Position.OTHER,
                                           text="Chưa thấy dấu hiệu tội phạm; tiếp tục theo dõi tài khoản đăng bài.")
            created["consultations"] += 1
    if stdout is not None:
        stdout.write(f"coordination: {created['meetings']} meeting, {created['consultations']} consultation, "
                     f"{created['extra_days_off']} extra days off")
    return created
