"""The routing table's first rows, and demo grievances.

Idempotent: rules are keyed by name, the demo letter by its reference, and collecting detected
grievances adds nothing the second time.

Keywords are matched accent-insensitively, on whole words: folded, "trường" is also "trưởng" and
"môi trường", "đất" is also "đạt", "cầu" is also "yêu cầu", "đường" is also "Dương". So the seeds are
phrases ("trường học", "thu hồi đất", "tuyến đường") rather than those single words.
"""

from __future__ import annotations

# (order, name, keywords, agency short name)
SEED_ROUTES = [
    (10, "Bệnh viện, y tế → Sở Y tế",
     "bệnh viện, hospital, trạm y tế, trung tâm y tế, y tế, bác sĩ, khám bệnh, chữa bệnh, khám chữa bệnh, "
     "bảo hiểm y tế, bệnh nhân", "SYT"),
    (20, "Trường học → Sở Giáo dục và Đào tạo",
     "trường học, nhà trường, trường mầm non, trường tiểu học, trường THCS, trường THPT, school, học sinh, "
     "giáo viên, học phí, sách giáo khoa", "SGDDT"),
    (30, "Đường, cầu, giao thông → Sở Xây dựng",
     "tuyến đường, con đường, mặt đường, đường xá, đường sá, đường giao thông, đường xuống cấp, đường hư hỏng, "
     "sụt lún, ổ gà, ổ voi, cây cầu, cầu treo, cầu tạm, cầu dân sinh, sập cầu, giao thông, đèn tín hiệu, "
     "road, traffic", "SXD"),
    (40, "Đất đai, đền bù → Sở Nông nghiệp và Môi trường",
     "đất đai, thu hồi đất, tranh chấp đất, sổ đỏ, quyền sử dụng đất, đền bù, bồi thường, "
     "giải phóng mặt bằng, tái định cư, land", "SNNMT"),
]

DEMO_LETTER = {
    "reference": "TD-2026-015",
    "title": "Đơn phản ánh: nhà văn hóa thôn Phong Nha xuống cấp, dột nát",
    "text": ("Bà con thôn 3, Xã Phong Nha phản ánh nhà văn hóa thôn bị dột nát, tường nứt đã lâu, mùa mưa không "
             "dám họp. Đề nghị chính quyền xã kiểm tra và có kế hoạch sửa chữa."),
}


def seed_routes(acting_user=None) -> int:
    from haidang.agencies.models import Agency

    from .actions import do_save_route
    from .models import GrievanceRoute

    created = 0
    for order, name, keywords, short in SEED_ROUTES:
        if GrievanceRoute.objects.filter(name=name).exists():
            continue
        agency = Agency.objects.filter(short_name=short).first()
        if agency is None:
            continue  # that agency is not in this installation
        do_save_route(acting_user=acting_user, name=name, order=order, keywords=keywords, agency=agency)
        created += 1
    return created


def load(stdout=None) -> dict:
    from django.contrib.auth import get_user_model

    from haidang.agencies.demo import username_for
    from haidang.alerts.models import StoryItem
    from haidang.core.notifications import no_email

    from .actions import do_collect_grievances, do_create_grievance
    from .choices import Origin
    from .models import Grievance

    routes = seed_routes()
    letters = 0
    with no_email():
        clerk = get_user_model().objects.filter(username=username_for("X-PHONGNHA", "officer")).first()
        if clerk is not None and not Grievance.objects.filter(reference=DEMO_LETTER["reference"]).exists():
            do_create_grievance(acting_user=clerk, origin=Origin.LETTER, **DEMO_LETTER)
            letters += 1
        # Stories assigned before the table was seeded (or by a consumer not yet running).
        collected = do_collect_grievances(StoryItem.objects.values_list("item_id", flat=True))
    if stdout is not None and (routes or letters or collected["created"]):
        stdout.write(f"grievances: {routes} routing rules, {collected['created']} detected, {letters} by letter")
    out = {"grievance routes": routes, "grievances": collected["created"] + letters}
    return {k: v for k, v in out.items() if v}
