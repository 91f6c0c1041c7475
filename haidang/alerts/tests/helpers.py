"""Set-up helpers: items and their analysis signals written straight to the tables, so tests
decide categories, priorities and places instead of depending on the classifiers."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from haidang.analysis.models import ItemSignals
from haidang.content.models import Item
from haidang.content.normalize import content_hash
from haidang.sources.actions import do_create_source
from haidang.sources.canonical import canonical_url, url_hash

_ids = itertools.count(1)

SCAM = ("Cảnh báo: có người giả danh nhân viên ngân hàng gọi điện yêu cầu chuyển khoản gấp "
        "vào số tài khoản lạ để nhận quà tri ân, bà con tuyệt đối không làm theo")
HEALTH = ("Tin đồn uống nước lá ổi đun sôi mỗi sáng chữa khỏi hoàn toàn bệnh ung thư gan chỉ sau "
          "hai tuần, bác sĩ bệnh viện tỉnh đã xác nhận")
WARD = ("Người dân phường Đồng Hới phản ánh đường ống nước bị vỡ suốt ba ngày nay chưa ai đến "
        "sửa chữa, nước chảy lênh láng ra đường")
OTHER = ("Giá hồ tiêu tại Gio Linh và Vĩnh Linh tăng khoảng mười phần trăm so với đầu năm, "
         "nông dân phấn khởi chuẩn bị vụ mới")


def source(personas, name="feed"):
    return do_create_source(name=name, kind="file", agency=personas.lead)


def item(src, text, *, url="", title="", published_at=None, likes=0, shares=0, **signals) -> Item:
    n = next(_ids)
    curl = canonical_url(url) if url else ""
    obj = Item.objects.create(
        source=src, external_id=f"t{n}", url=url, canonical_url=curl, canonical_url_hash=url_hash(curl),
        title=title, text=text, content_hash=content_hash(title, text),
        published_at=published_at or timezone.now() - dt.timedelta(minutes=5), likes=likes, shares=shares)
    if signals:
        signal(obj, **signals)
    return obj


def signal(obj, *, category="other", priority="low", risk=0.1, places=(), hits=(), subtopic=""):
    why = [{"kind": "rule", "category": category, "score": 0.5, "subtopic": subtopic}] if subtopic else []
    return ItemSignals.objects.update_or_create(item=obj, defaults={
        "categories": {category: 0.9}, "top_category": category, "priority": priority, "risk": risk,
        "watchlist_hits": list(hits), "why": why,
        "places": [{"name": name, "code": code, "level": "ward", "confidence": 0.95} for code, name in places],
    })[0]


def repost(text: str) -> str:
    """A typical repost: a share prefix, a dropped ending, an emoji."""
    words = text.split()
    return "Chia sẻ: " + " ".join(words[:-2]) + " 😡😡"
