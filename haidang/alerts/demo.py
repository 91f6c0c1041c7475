"""Demo data for stories and alerts: the routing table, then stories and alerts over the demo items.

Idempotent: rules are keyed by name, items already in a story are skipped, and alerts are
upserted (one per story), so a second run adds nothing.
"""

from __future__ import annotations

from haidang.core.vocabulary import HarmCategory

from .models import RoutingRule

HEALTH_WORDS = ("y tế, bệnh viện, bác sĩ, vắc xin, vaccine, thuốc, dịch bệnh, dịch, virus, ung thư, "
                "tiêm chủng, trạm y tế, sức khỏe")

# (order, name, fields, agency short name or None for "the named place's committee")
SEED_RULES = [
    (10, "Lừa đảo → Công an tỉnh", {"category": HarmCategory.SCAM}, "CAT"),
    (20, "Mạo danh cơ quan nhà nước → Công an tỉnh", {"category": HarmCategory.IMPERSONATION}, "CAT"),
    (30, "Kích động bạo lực → Công an tỉnh", {"category": HarmCategory.INCITEMENT}, "CAT"),
    (40, "Lộ lọt dữ liệu cá nhân → Công an tỉnh", {"category": HarmCategory.PERSONAL_DATA}, "CAT"),
    (50, "Tin sai về y tế → Sở Y tế", {"category": HarmCategory.MISINFORMATION, "subtopic": "health"}, "SYT"),
    (55, "Tin sai có từ khóa y tế → Sở Y tế",
     {"category": HarmCategory.MISINFORMATION, "keywords": HEALTH_WORDS}, "SYT"),
    (60, "Phản ánh về y tế → Sở Y tế", {"category": HarmCategory.GRIEVANCE, "keywords": HEALTH_WORDS}, "SYT"),
    (70, "Nêu tên phường/xã → UBND phường/xã đó", {"to_place_agency": True}, None),
]


def seed_routing_rules() -> int:
    from haidang.agencies.models import Agency

    from .actions import do_save_routing_rule

    created = 0
    for order, name, fields, short in SEED_RULES:
        if RoutingRule.objects.filter(name=name).exists():
            continue
        agency = Agency.objects.filter(short_name=short).first() if short else None
        if short and agency is None:
            continue  # that agency is not in this installation
        do_save_routing_rule(name=name, order=order, agency=agency, **fields)
        created += 1
    return created


def load(stdout=None) -> dict:
    from haidang.analysis.models import ItemSignals
    from haidang.content.models import Item
    from haidang.core.notifications import no_email

    from .actions import process_items
    from .models import Alert, Story

    rules = seed_routing_rules()
    ids = list(Item.objects.filter(story_membership__isnull=True).order_by("pk").values_list("pk", flat=True))
    if not ids:
        return {"routing rules": rules} if rules else {}
    # The ingest demo queued the analysis in Huey; run it here for items without signals so the
    # demo's stories and alerts are there as soon as the demo finishes.
    missing = set(ids) - set(ItemSignals.objects.filter(item_id__in=ids).values_list("item_id", flat=True))
    if missing:
        from haidang.analysis.tasks import analyse_items

        analyse_items(sorted(missing))
    stories_before, alerts_before = Story.objects.count(), Alert.objects.count()
    with no_email():
        result = process_items(ids)
    if stdout is not None:
        stdout.write(f"stories: {result['assigned']} items into {Story.objects.live().count()} stories")
    return {"routing rules": rules, "stories": Story.objects.count() - stories_before,
            "alerts": Alert.objects.count() - alerts_before}
