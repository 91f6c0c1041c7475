"""Demo sources: the provincial portal's feed, the provincial newspaper (press) and a social-media
push collector. Feeds are inactive: the demo machine may have no internet, and an active source
with no network would only fill its health column with errors (which the scheduler tolerates)."""

from __future__ import annotations

from haidang.agencies.models import Agency

from .actions import do_create_source
from .choices import Platform, SourceKind
from .models import Source

DEMO_SOURCES = [
    # key, name, kind, owner, url, platform, press, credibility, place
    ("portal", "Cổng thông tin điện tử tỉnh Quảng Trị", SourceKind.FEED, "STTTT",
     "https://quangtri.gov.vn/rss/tin-tuc.rss", Platform.WEB, False, 1.0, "Quảng Trị"),
    ("press", "Báo và Phát thanh, Truyền hình Quảng Trị", SourceKind.FEED, "BQT",
     "https://baoquangtri.vn/rss/home.rss", Platform.NEWS, True, 0.9, "Quảng Trị"),
    ("social", "Thu thập mạng xã hội (đẩy qua API)", SourceKind.PUSH, "STTTT", "", Platform.FACEBOOK, False, 0.3, ""),
]


def demo_sources() -> dict[str, Source]:
    names = {key: name for key, name, *_ in DEMO_SOURCES}
    found = {s.name: s for s in Source.objects.filter(name__in=names.values())}
    return {key: found[name] for key, name in names.items() if name in found}


def load(stdout=None) -> dict:
    created = 0
    existing = demo_sources()
    for key, name, kind, owner, url, platform, press, credibility, place in DEMO_SOURCES:
        if key in existing:
            continue
        agency = Agency.objects.filter(short_name=owner).first() or Agency.objects.order_by("pk").first()
        if agency is None:
            continue
        do_create_source(name=name, kind=kind, agency=agency, url=url, platform=platform, is_press=press,
                         credibility=credibility, place_hint=place, active=False, acting_user=None)
        created += 1
    return {"sources": created} if created else {}
