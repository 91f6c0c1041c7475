"""The public pages and feed show only approved claims, no personal data and nothing of a
confidential case; an anonymous visitor sees the public pages and nothing else."""

import pytest

from haidang.cases.tests.helpers import verified_case
from haidang.claims import actions

from .helpers import DAM, DAM_CORRECTION, claim

pytestmark = pytest.mark.django_db

PHONE = "0983 123 789"


@pytest.fixture
def library(personas):
    p = personas
    approved = claim(p, correction=f"Không có bằng chứng khoa học. Liên hệ anh Minh {PHONE}, minh@example.vn.")
    actions.do_approve_claim(approved, acting_user=p.hanh)
    draft = claim(p, statement=DAM, correction=DAM_CORRECTION)
    secret_case = verified_case(p, confidentiality="confidential")
    secret = actions.do_create_claim(acting_user=p.alice, agency=p.lead, case=secret_case,
                                     statement="Giám đốc sở nhận hối lộ mười tỷ đồng",
                                     correction="Nội dung đang được cơ quan điều tra xác minh.")
    actions.do_approve_claim(secret, acting_user=p.lena)
    return {"approved": approved, "draft": draft, "secret": secret, "secret_case": secret_case}


def test_public_pages_show_only_approved_claims(client, library):
    approved, draft, secret = library["approved"], library["draft"], library["secret"]
    index = client.get("/cong-khai/")
    assert index.status_code == 200
    html = index.content.decode()
    assert approved.statement in html
    assert draft.statement not in html and secret.statement not in html
    page = client.get(f"/cong-khai/dinh-chinh/{approved.claim_id}/")
    assert page.status_code == 200 and "Không có bằng chứng khoa học" in page.content.decode()
    assert "Sở Y tế" in page.content.decode()  # the verifying agency
    assert client.get(f"/cong-khai/dinh-chinh/{draft.claim_id}/").status_code == 404
    assert client.get(f"/cong-khai/dinh-chinh/{secret.claim_id}/").status_code == 404


def test_feed_shows_only_approved_claims(client, library):
    feed = client.get("/cong-khai/dinh-chinh.atom")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    xml = feed.content.decode()
    assert library["approved"].statement in xml and f"/cong-khai/dinh-chinh/{library['approved'].claim_id}/" in xml
    assert library["draft"].statement not in xml and library["secret"].statement not in xml


def test_public_pages_carry_no_personal_data_and_no_case(client, library):
    code = library["secret_case"].code
    for url in ("/cong-khai/", f"/cong-khai/dinh-chinh/{library['approved'].claim_id}/", "/cong-khai/dinh-chinh.atom",
                "/cong-khai/?q=du+du"):
        body = client.get(url).content.decode()
        assert PHONE not in body and "minh@example.vn" not in body, url
        assert code not in body, url
        assert "csrfmiddlewaretoken" not in body


def test_public_search_is_accent_insensitive(client, library):
    assert library["approved"].statement in client.get("/cong-khai/?q=la+du+du").content.decode()
    assert library["approved"].statement not in client.get("/cong-khai/?q=thuy+dien").content.decode()


def test_public_pages_are_cached_and_under_csp(client, library):
    response = client.get("/cong-khai/")
    assert "max-age" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_anonymous_visitor_sees_public_pages_and_nothing_else(client, library, personas):
    for url in ("/cong-khai/", f"/cong-khai/dinh-chinh/{library['approved'].claim_id}/", "/cong-khai/dinh-chinh.atom"):
        assert client.get(url).status_code == 200, url
    for url in ("/", "/claims/", f"/claims/{library['approved'].pk}/", "/claims/new/", "/cases/", "/alerts/",
                "/content/", "/grievances/"):
        response = client.get(url)
        assert response.status_code in (302, 404), url
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"], url
    response = client.post(f"/claims/{library['approved'].pk}/approve/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_outsider_officer_cannot_open_a_confidential_cases_claim(personas, library):
    response = personas.client_for(personas.charlie).get(f"/claims/{library['secret'].pk}/")
    assert response.status_code == 404
    assert personas.client_for(personas.bob).get(f"/claims/{library['approved'].pk}/").status_code == 200


def test_only_a_leader_approves(personas):
    p = personas
    draft = claim(p)
    response = p.client_for(p.bob).post(f"/claims/{draft.pk}/approve/")
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_public_path_is_a_setting(settings, client, library):
    import importlib

    from django.urls import clear_url_caches

    import haidang.urls

    settings.HAIDANG_PUBLIC_PATH = "thong-tin-dinh-chinh/"
    try:
        importlib.reload(haidang.urls)
        clear_url_caches()
        assert client.get("/thong-tin-dinh-chinh/").status_code == 200
        assert client.get("/cong-khai/").status_code == 404
    finally:
        settings.HAIDANG_PUBLIC_PATH = "cong-khai/"
        importlib.reload(haidang.urls)
        clear_url_caches()
