"""Issue #15 item 10 (cases): a readable default title at triage, the report form's category from the
item, and a readable before/after in the audit tab."""

import pytest
from django.urls import reverse

from haidang.cases import actions, forms
from haidang.cases.views import audit_change_rows

from .helpers import accepted_case, report


@pytest.mark.django_db
def test_the_default_case_title_reads_as_a_title(personas):
    p = personas
    r = report(p, description="Trang   giả mạo Sở Y tế\nyêu cầu chuyển tiền " + "rất dài " * 30)
    title = forms.default_case_title(r)
    assert title.startswith("Scam: Trang giả mạo Sở Y tế yêu cầu chuyển tiền")
    assert "\n" not in title and "  " not in title and len(title) <= 121 and title.endswith("…")
    bare = report(p, description="", url="https://www.scam.example.net/a/b")
    assert forms.default_case_title(bare) == "Scam: scam.example.net"
    page = p.client_for(p.alice).get(reverse("cases:triage")).content.decode()
    assert "Scam: Trang giả mạo Sở Y tế" in page


@pytest.mark.django_db
def test_the_report_form_takes_the_items_category_and_has_no_silent_default(personas):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    p = personas
    source = Source.objects.create(name="Forum", agency=p.lead, url="https://forum.example/rss")
    item = Item.objects.create(source=source, url="https://forum.example/t/1", canonical_url_hash="h1",
                               content_hash="c1", title="Tin đồn dịch bệnh")
    from haidang.analysis.models import ItemSignals

    ItemSignals.objects.create(item=item, top_category="misinformation")
    assert forms.item_category(item) == "misinformation"
    client = p.client_for(p.bob)
    page = client.get(reverse("cases:report_new"), {"item": item.pk}).content.decode()
    assert '<option value="misinformation" selected>' in page
    blank = client.get(reverse("cases:report_new")).content.decode()
    assert '<option value="scam" selected>' not in blank and '<option value="" selected>' in blank


@pytest.mark.django_db
def test_the_audit_tab_shows_before_and_after_not_json(personas):
    p = personas
    case = accepted_case(p)
    actions.do_update_case(case, acting_user=p.alice, title="A clearer title", priority="urgent")
    page = p.client_for(p.lena).get(reverse("cases:detail", args=[case.pk]), {"tab": "audit"}).content.decode()
    assert 'data-testid="audit-changes"' in page
    assert "<del>Fake health department page</del>" in page and "A clearer title" in page
    assert '{"before"' not in page and "&quot;before&quot;" not in page
    rows = audit_change_rows({"from": "new", "to": "verifying", "reason": ""})
    assert rows[0] == ("state", "new", "verifying")
