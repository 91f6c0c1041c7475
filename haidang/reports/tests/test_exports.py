"""Spreadsheets: XLSX and CSV with Vietnamese headers, the screens' access rules, audited, marked MẬT."""

import io

import pytest
from openpyxl import load_workbook

from haidang.audit.models import AuditEntry
from haidang.reports import exports


def _xlsx(client, dataset):
    response = client.get(f"/reports/export/{dataset}.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


@pytest.mark.django_db
@pytest.mark.parametrize("dataset,header", [("cases", "Tiêu đề"), ("alerts", "Mức ưu tiên"), ("actions", "Biện pháp"),
                                            ("grievances", "Hạn trả lời"), ("feed", "Thời điểm thu thập")])
def test_xlsx_opens_with_vietnamese_headers(dataset, header, personas):
    ws = _xlsx(personas.client_for(personas.lena), dataset)
    headers = [c.value for c in ws[1]]
    assert header in headers


@pytest.mark.django_db
def test_csv_has_a_bom_and_vietnamese_values(dataset):
    response = dataset.p.client_for(dataset.p.vera).get("/reports/export/cases.csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Mã,Độ mật,Tiêu đề")
    assert dataset.closed_case.code in text and "Sở Thông tin và Truyền thông" in text
    assert "Trang giả mạo đã bị gỡ" in text


@pytest.mark.django_db
def test_an_outsiders_export_holds_no_confidential_case(dataset):
    p, secret = dataset.p, dataset.secret_case
    for user in (p.charlie, p.vera, p.walter):
        for fmt in ("xlsx", "csv"):
            for name in ("cases", "actions"):
                body = p.client_for(user).get(f"/reports/export/{name}.{fmt}").content
                if fmt == "xlsx":
                    ws = load_workbook(io.BytesIO(body)).active
                    body = "\n".join(str(c.value) for row in ws.iter_rows() for c in row).encode()
                assert secret.code.encode() not in body, (user.username, name, fmt)
                assert "MẬT".encode() not in body
    # A participant of the confidential case sees it, marked, and the sheet says so at the top.
    ws = _xlsx(p.client_for(p.peter), "cases")
    assert str(ws["A1"].value).startswith("MẬT")
    codes = [row[0].value for row in ws.iter_rows(min_row=3)]
    assert secret.code in codes
    assert any(row[1].value == "MẬT" for row in ws.iter_rows(min_row=3))


@pytest.mark.django_db
def test_exports_are_audited_with_their_row_counts(dataset):
    p = dataset.p
    p.client_for(p.peter).get("/reports/export/cases.csv")
    entry = AuditEntry.objects.filter(action="report.export", object_id="cases").latest("id")
    assert entry.actor == p.peter and entry.changes["format"] == "csv"
    assert entry.changes["confidential_rows"] == 1 and entry.changes["rows"] >= 1


@pytest.mark.django_db
def test_feed_search_results_export_only_the_matches(dataset):
    from haidang.content.models import Item
    from haidang.text.normalize import fold

    for item in Item.objects.all():  # the test items were written straight to the table, unfolded
        Item.objects.filter(pk=item.pk).update(text_folded=fold(item.text))
    sheet = exports.build_sheet("feed", dataset.p.alice, q="ngân hàng")
    assert len(sheet.rows) == 3 and all("ngân hàng" in row[7] for row in sheet.rows)


@pytest.mark.django_db
def test_people_without_an_agency_get_404(client, django_user_model):
    user = django_user_model.objects.create_user("nobody", password="x-pass-123456")
    client.force_login(user)
    assert client.get("/reports/export/cases.xlsx").status_code == 404
    assert client.get("/reports/").status_code == 404
