"""A generated data set touching every figure of the reports, built through the domain actions
(cases, grievances) and straight rows where the pipeline would need the classifiers (items, alerts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from haidang.alerts.models import Alert
from haidang.alerts.tests.helpers import item
from haidang.cases import actions as cases
from haidang.cases.choices import ActionKind, ExpressionType
from haidang.cases.tests.helpers import accepted_case, add_removal, appraised_case, report
from haidang.content.models import Item
from haidang.grievances import actions as grievances
from haidang.sources.actions import do_create_source


@dataclass
class Dataset:
    p: object
    open_case: object = None
    closed_case: object = None
    secret_case: object = None
    protected_case: object = None
    dismissed_case: object = None
    extra: dict = field(default_factory=dict)


def build_dataset(p, capture, monkeypatch) -> Dataset:
    d = Dataset(p)
    feed = do_create_source(name="Báo điện tử", kind="feed", agency=p.lead, url="https://news.example.net/rss")
    files = do_create_source(name="Tệp nhập", kind="file", agency=p.lead)
    place = [("18880", "Phường Đồng Hới")]
    for i in range(3):
        item(feed, f"Giả danh ngân hàng lừa đảo chuyển khoản số {i}", category="scam", places=place)
    item(feed, "Tin sai sự thật về dịch bệnh", category="misinformation")
    item(files, "Giá hồ tiêu tăng", category="other")
    item(files, "Mạo danh Sở Y tế", category="impersonation", places=place)
    old = item(files, "Tin cũ lừa đảo ngoài kỳ báo cáo", category="scam")
    Item.objects.filter(pk=old.pk).update(fetched_at=timezone.now() - dt.timedelta(days=90))

    now = timezone.now()
    Alert.objects.create(dedupe_key="a1", title="Lừa đảo chuyển khoản", category="scam", agency=p.lead)
    Alert.objects.create(dedupe_key="a2", title="Mạo danh", category="impersonation", agency=p.health,
                         status="acknowledged")
    Alert.objects.create(dedupe_key="a3", title="Đã xử lý", category="scam", agency=p.lead, status="dismissed",
                         handled_at=now, handled_by=p.alice)

    class Snap:
        pk = 7
        http_status = 404

    monkeypatch.setattr(cases, "_refetch", lambda url, user: Snap())
    with capture(execute=True):
        # A case carried to its end: a removal request granted, official information published.
        d.closed_case = appraised_case(p)
        removal = add_removal(p, d.closed_case)
        publish = cases.do_add_plan_action(d.closed_case, acting_user=p.alice, kind=ActionKind.PUBLISH_OFFICIAL_INFO,
                                           owner_agency=p.health, description="Cảnh báo trên cổng SYT",
                                           deadline=timezone.localdate() + dt.timedelta(days=3))
        cases.do_submit_plan(d.closed_case, acting_user=p.alice)
        cases.do_approve_plan(d.closed_case, acting_user=p.lena)
        removal.refresh_from_db()
        cases.do_second_approve_action(removal, acting_user=p.lars)
        cases.do_start_action(removal, acting_user=p.alice)
        cases.do_record_proof(removal, acting_user=p.alice, refetch=True)
        cases.do_complete_action(removal, acting_user=p.alice, result="Nền tảng đã gỡ")
        publish.refresh_from_db()
        cases.do_start_action(publish, acting_user=p.bob)
        cases.do_record_proof(publish, acting_user=p.bob, url="https://soyte.example.vn/canh-bao")
        cases.do_complete_action(publish, acting_user=p.bob, result="Đã đăng cảnh báo")
        cases.do_close_case(d.closed_case, acting_user=p.alice, outcome="Trang giả mạo đã bị gỡ, người dân được cảnh báo")

        # An open case with a correction request still pending.
        d.open_case = appraised_case(p, url="https://news.example.net/bai-2")
        cases.do_add_plan_action(d.open_case, acting_user=p.alice, kind=ActionKind.REQUEST_CORRECTION,
                                 owner_agency=p.lead, target_url="https://news.example.net/bai-2",
                                 channel="Tòa soạn báo Ví Dụ", reasons="thông tin sai về số liệu")
        d.extra["meeting_case"] = accepted_case(p, url="https://meeting.example.net/1")
        cases.do_start_coordination(d.extra["meeting_case"], acting_user=p.alice, mode="meeting")

        # A confidential case with a removal request: never in an outsider's export or the transparency report.
        d.secret_case = appraised_case(p, confidentiality="confidential", url="https://secret.example.net/x",
                                       participants=[p.health, p.police], description="Vụ việc MẬT của công an")
        add_removal(p, d.secret_case, target_url="https://secret.example.net/x")

        # Criticism judged protected expression, then dismissed.
        d.protected_case = appraised_case(p, expression=ExpressionType.PROTECTED, url="https://blog.example.net/phe-binh")
        d.dismissed_case = cases.do_accept_report(report(p, url="https://dup.example.net/1"), acting_user=p.alice,
                                                  title="Trùng lặp", participants=[])
        cases.do_dismiss_case(d.dismissed_case, acting_user=p.alice, reason="Trùng với vụ việc trước")
        # A report still waiting for triage.
        report(p, url="https://pending.example.net/1")

        # Grievances of the lead agency: one answered on time, one still open.
        g = grievances.do_create_grievance(acting_user=p.alice, title="Đường sụt lún ở tổ 5", agency=p.lead)
        grievances.do_take_grievance(g, acting_user=p.alice)
        grievances.do_submit_answer(g, acting_user=p.alice, text="Đã giao UBND phường sửa chữa trong tuần.",
                                    published_url="https://stttt.example.vn/tra-loi/1")
        grievances.do_approve_answer(g, acting_user=p.lena)
        grievances.do_create_grievance(acting_user=p.alice, title="Xe buýt buổi tối", agency=p.lead)

        # An appeal against the dismissal, decided by reversing it.
        from haidang.cases.choices import DecisionType

        appeal = cases.do_file_appeal(acting_user=p.bob, decision_type=DecisionType.CASE_DISMISSAL,
                                      target_id=d.dismissed_case.pk, grounds="Không trùng lặp")
        d.extra["appeal"] = appeal
    return d
