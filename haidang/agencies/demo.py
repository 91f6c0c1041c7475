"""The demo province: today's Quảng Trị (which absorbed Quảng Bình in 2025).

Idempotent: agencies and officers are looked up by their short name / username first.
Place names come from the `vietnam-provinces` package, not from code.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from vietnam_provinces import Ward

from .actions import do_create_agency, do_create_officer
from .choices import AgencyKind
from .models import Agency, Membership

DEMO_PASSWORD = "HaiDang@2026"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "HaiDang@admin2026"
PROVINCE_CODE = 44  # Quảng Trị after the 1 July 2025 merger

DEPARTMENTS = [
    # (short_name, name, kind, e-mail)
    ("STTTT", "Sở Thông tin và Truyền thông", AgencyKind.LEAD, "stttt@quangtri.gov.vn"),
    ("CAT", "Công an tỉnh Quảng Trị", AgencyKind.POLICE, "congan@quangtri.gov.vn"),
    ("SYT", "Sở Y tế", AgencyKind.DEPARTMENT, "soyte@quangtri.gov.vn"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", AgencyKind.DEPARTMENT, "snnmt@quangtri.gov.vn"),
    ("SGDDT", "Sở Giáo dục và Đào tạo", AgencyKind.DEPARTMENT, "sgddt@quangtri.gov.vn"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", AgencyKind.DEPARTMENT, "svhttdl@quangtri.gov.vn"),
    ("SKHCN", "Sở Khoa học và Công nghệ", AgencyKind.DEPARTMENT, "skhcn@quangtri.gov.vn"),
    # Roads, bridges and traffic (the transport department merged into it in 2025): grievances about them.
    ("SXD", "Sở Xây dựng", AgencyKind.DEPARTMENT, "sxd@quangtri.gov.vn"),
    ("BQT", "Báo và Phát thanh, Truyền hình Quảng Trị", AgencyKind.PRESS, "toasoan@baoquangtri.vn"),
]
# Ward/commune committees, by the ward's codename in vietnam-provinces.
WARDS = [
    ("P-DONGHOI", "phuong_dong_hoi"),
    ("X-PHONGNHA", "xa_phong_nha"),
    ("X-LETHUY", "xa_le_thuy"),
    ("P-DONGHA", "phuong_dong_ha"),
]
ROLES = [Membership.Role.COORDINATOR, Membership.Role.OFFICER, Membership.Role.LEADER, Membership.Role.VIEWER]
ROLE_TITLES = {
    "coordinator": "Chuyên viên đầu mối",
    "officer": "Chuyên viên",
    "leader": "Phó Giám đốc",
    "viewer": "Cán bộ theo dõi",
}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Đức Huy", "Ngọc Lan", "Thanh Long"]


def _ward(codename: str):
    for ward in Ward.iter_all():
        if ward.province_code == PROVINCE_CODE and ward.codename == codename:
            return ward
    return None


def username_for(short_name: str, role: str) -> str:
    return f"{short_name.lower().replace('-', '')}.{role}"


def agency_specs() -> list[dict]:
    specs = [
        {"short_name": s, "name": n, "kind": k, "contact_email": e} for s, n, k, e in DEPARTMENTS
    ]
    for short_name, codename in WARDS:
        ward = _ward(codename)
        if ward is None:  # the package renamed it: skip rather than invent a place
            continue
        specs.append({
            "short_name": short_name,
            "name": f"UBND {ward.name}",
            "kind": AgencyKind.WARD,
            "place_code": str(int(ward.code)),
            "place_name": ward.name,
            "contact_email": f"ubnd.{codename}@quangtri.gov.vn",
        })
    return specs


def load(stdout=None) -> dict:
    User = get_user_model()
    created = {"agencies": 0, "officers": 0}
    agencies: dict[str, Agency] = {}
    for i, spec in enumerate(agency_specs()):
        agency = Agency.objects.filter(short_name=spec["short_name"]).first()
        if agency is None:
            agency = do_create_agency(**spec)
            created["agencies"] += 1
        agencies[spec["short_name"]] = agency
        for j, role in enumerate(ROLES):
            username = username_for(agency.short_name, role)
            if User.objects.filter(username=username).exists():
                continue
            name = f"{FAMILY[(i + j) % len(FAMILY)]} {GIVEN[(i * 3 + j) % len(GIVEN)]}"
            do_create_officer(
                username=username, password=DEMO_PASSWORD, agency=agency, role=role, full_name=name,
                email=f"{username}@demo.haidang.local", title=ROLE_TITLES[role],
                phone=f"0905{i:02d}{j:02d}{i * 7 % 100:02d}",
                designated=(role == Membership.Role.COORDINATOR),
            )
            created["officers"] += 1
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(ADMIN_USERNAME, "admin@demo.haidang.local", ADMIN_PASSWORD)
        from haidang.audit.actions import record

        record("officer.create_superuser", changes={"username": ADMIN_USERNAME})
        created["officers"] += 1
    return created
