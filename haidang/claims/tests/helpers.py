"""Given-steps for the claim tests: claims through the actions, posts through the real pipeline
(`alerts.actions.process_items` → `stories_assigned` → the claims task)."""

from __future__ import annotations

from haidang.alerts.actions import process_items
from haidang.alerts.tests.helpers import item, source  # noqa: F401  (re-exported for the tests)
from haidang.claims import actions
from haidang.claims.models import ClaimMatch

PAPAYA = "Uống nước lá đu đủ chữa khỏi sốt xuất huyết"
PAPAYA_CORRECTION = ("Sở Y tế khẳng định: chưa có bằng chứng khoa học nào cho thấy nước lá đu đủ chữa khỏi sốt "
                     "xuất huyết. Người bệnh cần đến cơ sở y tế để được theo dõi. Đường dây nóng: 0983 123 789.")
# The same claim, reworded: no accents, teencode and commentary around it.
PAPAYA_REWORDED = ("Trời ơi mọi người ơi, nghe nói ai bị sốt xuất huyết cứ uong nuoc la du du la khoi benh ngay, "
                   "ko can di vien dau. Share cho ba con biet voi!")
UNRELATED = ("Giá hồ tiêu tại Gio Linh và Vĩnh Linh tăng khoảng mười phần trăm so với đầu năm, "
             "nông dân phấn khởi chuẩn bị vụ mới")
DAM = "Đập thủy điện Rào Quán sắp vỡ, người dân hạ du phải sơ tán ngay trong đêm"
DAM_CORRECTION = "Công ty thủy điện và Sở Công Thương xác nhận đập vẫn an toàn; không có lệnh sơ tán."


def claim(p, *, statement=PAPAYA, correction=PAPAYA_CORRECTION, by=None, **kw):
    return actions.do_create_claim(acting_user=by or p.bob, statement=statement, correction=correction,
                                   agency=kw.pop("agency", p.health), **kw)


def post(capture, src, text, **signals):
    """One post through the pipeline after analysis (stories, alerts, then claim matching)."""
    obj = item(src, text, **{"category": "misinformation", "priority": "low", **signals})
    with capture(execute=True):
        process_items([obj.pk])
    return obj


def match_of(obj):
    return ClaimMatch.objects.filter(item=obj).select_related("claim").first()
