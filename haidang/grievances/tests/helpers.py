"""Given-steps for the grievance tests: items with chosen signals go through the real pipeline
(`alerts.actions.process_items` → `stories_assigned` → the grievances task), and the routing table
is seeded for the personas' agencies."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haidang.agencies.actions import do_create_agency, do_create_officer
from haidang.agencies.choices import AgencyKind
from haidang.agencies.models import Agency
from haidang.agencies.testing import PASSWORD
from haidang.alerts.actions import process_items
from haidang.alerts.tests.helpers import item, repost, source  # noqa: F401  (re-exported for the tests)
from haidang.grievances import actions
from haidang.grievances.demo import SEED_ROUTES
from haidang.grievances.models import Grievance

WARD_CODE = "18880"  # the personas' Phường Đồng Hới
ROAD = ("Người dân Phường Đồng Hới phản ánh tuyến đường ở tổ dân phố 5 bị sụt lún, xuống cấp nghiêm trọng, "
        "xe máy qua lại rất nguy hiểm, mong chính quyền sớm sửa chữa trước mùa mưa")
HOSPITAL = ("Bức xúc vì bệnh viện tỉnh bắt bệnh nhân chờ đợi cả ngày mới được khám, thủ tục rườm rà, "
            "nhân viên thiếu niềm nở, mong các cấp xem xét chấn chỉnh")
LAND = ("Phản ánh việc đền bù giải phóng mặt bằng dự án khu dân cư chậm trễ đã hai năm, bà con chưa nhận "
        "được tiền, mong chính quyền giải quyết dứt điểm")
OTHER = ("Kiến nghị tăng thêm chuyến xe buýt buổi tối vì bà con đi làm về muộn không có phương tiện, "
         "đề nghị xem xét bổ sung lịch chạy")


def agencies(p) -> dict[str, Agency]:
    """The departments the seed table names that the personas lack, each with an officer."""
    made = {"SYT": p.health, "SGDDT": p.other}
    for short, name in (("SXD", "Sở Xây dựng"), ("SNNMT", "Sở Nông nghiệp và Môi trường")):
        agency = Agency.objects.filter(short_name=short).first() or do_create_agency(
            name=name, short_name=short, kind=AgencyKind.DEPARTMENT)
        made[short] = agency
    return made


def seed(p) -> dict[str, Agency]:
    from haidang.grievances.demo import seed_routes

    made = agencies(p)
    seed_routes()
    assert len(SEED_ROUTES) == 4
    return made


def phong_nha(p) -> Agency:
    agency = Agency.objects.filter(short_name="X-PHONGNHA").first()
    if agency is None:
        agency = do_create_agency(name="UBND Xã Phong Nha", short_name="X-PHONGNHA", kind=AgencyKind.WARD,
                                  place_code="19165", place_name="Xã Phong Nha")
        do_create_officer(username="phuong", password=PASSWORD, agency=agency, role="officer",
                          full_name="Phuong", email="phuong@example.test", designated=True)
    return agency


def ward_leader(p):
    """A leader for the personas' ward (they have an officer only)."""
    return do_create_officer(username="wanda", password=PASSWORD, agency=p.ward, role="leader",
                             full_name="Wanda", email="wanda@example.test")


def ward_viewer(p):
    return do_create_officer(username="victor", password=PASSWORD, agency=p.ward, role="viewer",
                             full_name="Victor", email="victor@example.test")


def places(*codes_names):
    return list(codes_names)


def detect(capture, src, text, *, priority="low", place=(), url="", published_at=None, category="grievance"):
    """One post with grievance signals, through the pipeline after analysis. Returns the item."""
    obj = item(src, text, url=url, published_at=published_at, category=category, priority=priority,
               places=[place] if place else ())
    with capture(execute=True):
        process_items([obj.pk])
    return obj


def grievance_of(obj) -> Grievance:
    return Grievance.objects.get(posts__item=obj)


def by_hand(p, *, user=None, agency=None, title="Đơn phản ánh", text="", received_at=None):
    """A citizen's letter that the ward's officer records for the ward."""
    return actions.do_create_grievance(acting_user=user or p.walter, title=title, text=text,
                                       agency=agency or p.ward, received_at=received_at)


def local(*args) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*args))
