"""The transparency report, in the spirit of the Santa Clara Principles and the DSA's transparency reports.

Public-safe by construction: only counts, never a name of a person, a URL or a text; every row of a
confidential case is left out before anything is counted. Each outcome is broken down by legal basis
and by agency.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter

from django.template.loader import render_to_string
from django.utils import timezone

from haidang.cases.choices import ActionKind, ActionStatus, AppealStatus, Confidentiality, ExpressionType
from haidang.cases.models import Appeal, Appraisal, HandlingAction, Reversal
from haidang.grievances.choices import GrievanceState
from haidang.grievances.models import Grievance

from .figures import bounds

NO_BASIS = "(không viện dẫn)"
NO_AGENCY = "(không xác định)"

# (key, Vietnamese name) in the order the report shows them.
OUTCOMES = [
    ("removal_requested", "Yêu cầu gỡ bỏ đã gửi"),
    ("removal_granted", "Yêu cầu gỡ bỏ được chấp nhận (đã gỡ)"),
    ("correction_requested", "Yêu cầu cải chính đã gửi"),
    ("correction_granted", "Yêu cầu cải chính đã được thực hiện"),
    ("official_info", "Thông tin chính thức đã đăng tải"),
    ("grievances_answered", "Phản ánh, kiến nghị đã trả lời"),
    ("protected_expression", "Vụ việc được thẩm định là quyền tự do ngôn luận"),
    ("appeals_received", "Khiếu nại quyết định đã nhận"),
    ("appeals_upheld", "Khiếu nại được chấp nhận (quyết định bị hủy)"),
    ("reversals", "Quyết định bị đảo ngược"),
]
OUTCOME_NAMES = dict(OUTCOMES)


def _basis(provisions) -> list[str]:
    names = [f"{p.instrument} {p.article}".strip() for p in provisions]
    return names or [NO_BASIS]


def transparency_figures(date_from: dt.date, date_to: dt.date) -> dict:
    """{outcome: {"total": n, "by_basis": [[name, n]], "by_agency": [[name, n]]}}, confidential cases left out."""
    start, end = bounds(date_from, date_to)
    public = ~_confidential_q()
    by_basis: dict[str, Counter] = {k: Counter() for k, _n in OUTCOMES}
    by_agency: dict[str, Counter] = {k: Counter() for k, _n in OUTCOMES}
    totals: Counter = Counter()

    def add(key: str, basis: list[str], agency: str) -> None:
        totals[key] += 1
        by_basis[key].update(basis)
        by_agency[key][agency] += 1

    actions = (HandlingAction.objects.filter(public, created_at__gte=start, created_at__lt=end)
               .select_related("owner_agency").prefetch_related("legal_basis"))
    for a in actions:
        basis, agency = _basis(a.legal_basis.all()), a.owner_agency.name
        if a.kind == ActionKind.REQUEST_REMOVAL:
            add("removal_requested", basis, agency)
            if a.status == ActionStatus.DONE:
                add("removal_granted", basis, agency)
        elif a.kind == ActionKind.REQUEST_CORRECTION:
            add("correction_requested", basis, agency)
            if a.status == ActionStatus.DONE:
                add("correction_granted", basis, agency)
        elif a.kind == ActionKind.PUBLISH_OFFICIAL_INFO and a.status == ActionStatus.DONE:
            add("official_info", basis, agency)

    for g in Grievance.objects.filter(state=GrievanceState.ANSWERED, answered_at__gte=start, answered_at__lt=end,
                                      ).exclude(case__confidentiality=Confidentiality.CONFIDENTIAL).select_related("agency"):
        add("grievances_answered", [NO_BASIS], g.agency.name)

    appraisals = (Appraisal.objects.filter(public, expression_type=ExpressionType.PROTECTED, reversed_at__isnull=True,
                                           created_at__gte=start, created_at__lt=end)
                  .select_related("case__lead_agency").prefetch_related("legal_basis"))
    for ap in appraisals:
        add("protected_expression", _basis(ap.legal_basis.all()), ap.case.lead_agency.name)

    appeals = (Appeal.objects.filter(created_at__gte=start, created_at__lt=end)
               .exclude(case__confidentiality=Confidentiality.CONFIDENTIAL)
               .exclude(report__case__confidentiality=Confidentiality.CONFIDENTIAL).select_related("filed_by_agency"))
    for appeal in appeals:
        agency = appeal.filed_by_agency.name if appeal.filed_by_agency else NO_AGENCY
        add("appeals_received", [NO_BASIS], agency)
        if appeal.status == AppealStatus.REVERSED:
            add("appeals_upheld", [NO_BASIS], agency)

    reversals = (Reversal.objects.filter(created_at__gte=start, created_at__lt=end)
                 .exclude(case__confidentiality=Confidentiality.CONFIDENTIAL)
                 .exclude(report__case__confidentiality=Confidentiality.CONFIDENTIAL).select_related("case__lead_agency"))
    for r in reversals:
        add("reversals", [NO_BASIS], r.case.lead_agency.name if r.case_id else NO_AGENCY)

    return {
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat()},
        "outcomes": [{"key": key, "name": name, "total": totals[key],
                      "by_basis": sorted(by_basis[key].items(), key=lambda kv: (-kv[1], kv[0])),
                      "by_agency": sorted(by_agency[key].items(), key=lambda kv: (-kv[1], kv[0]))}
                     for key, name in OUTCOMES],
    }


def _confidential_q():
    from django.db.models import Q

    return Q(case__confidentiality=Confidentiality.CONFIDENTIAL)


def to_csv(figures: dict) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Kết quả", "Phân theo", "Giá trị", "Số lượng"])
    for o in figures["outcomes"]:
        writer.writerow([o["name"], "Tổng số", "", o["total"]])
        for name, n in o["by_basis"]:
            writer.writerow([o["name"], "Căn cứ pháp lý", name, n])
        for name, n in o["by_agency"]:
            writer.writerow([o["name"], "Cơ quan", name, n])
    return out.getvalue().encode("utf-8-sig")


def to_html(figures: dict, *, standalone: bool = True) -> str:
    """The report page; `standalone` gives a whole HTML file with its own print style (for download and PDF)."""
    d_from = dt.date.fromisoformat(figures["period"]["from"])
    d_to = dt.date.fromisoformat(figures["period"]["to"])
    return render_to_string("reports/print/transparency.html", {
        "figures": figures, "date_from": d_from, "date_to": d_to, "standalone": standalone,
        "generated": timezone.localtime(),
    })


def to_pdf(figures: dict) -> bytes:
    from .pdf import html_to_pdf

    return html_to_pdf(to_html(figures))
