"""Export jobs through the API (started with the screens' rules, audited, the file its requester's only),
the claim library's reads, and the link coordinators follow to the API tokens and webhooks screen."""

import datetime as dt

import pytest
from django.urls import reverse

from haidang.audit.models import AuditEntry
from haidang.claims import actions as claim_actions
from haidang.claims import queries as claim_queries
from haidang.core.models import Job
from haidang.reports.actions import do_save_periodic_report

from .conftest import api, make_token


@pytest.fixture(autouse=True)
def _reports_dir(settings, tmp_path):
    settings.HAIDANG_REPORTS_DIR = tmp_path / "reports"


TRANSPARENCY = {"kind": "transparency", "format": "csv", "filters": {"from": "2026-01-01", "to": "2026-01-31"}}


def test_an_export_job_is_requested_followed_and_downloaded_by_its_requester_only(
        personas, django_capture_on_commit_callbacks):
    bob = api(make_token(personas.bob, personas.health, ["read"]))
    with django_capture_on_commit_callbacks(execute=True):  # the Huey task runs (immediate in tests)
        started = bob.post("/api/v1/exports/", TRANSPARENCY, format="json")
    assert started.status_code == 202, started.content
    job_id = started.json()["id"]
    assert Job.objects.get(pk=job_id).created_by == personas.bob
    assert AuditEntry.objects.filter(action="report.generate", actor=personas.bob, object_id=str(job_id)).exists()

    state = bob.get(f"/api/v1/exports/{job_id}/").json()
    assert state["status"] == "succeeded" and state["kind"] == "transparency"
    assert state["download_url"] == f"/api/v1/exports/{job_id}/download/"
    file = bob.get(state["download_url"])
    assert file.status_code == 200 and file["Content-Type"].startswith("text/csv")
    assert b"".join(file.streaming_content)
    assert "attachment" in file["Content-Disposition"]

    # Someone else, even the lead agency's coordinator, does not see that the job exists.
    alice = api(make_token(personas.alice, personas.lead, ["read", "act"]))
    assert alice.get(f"/api/v1/exports/{job_id}/").status_code == 404
    assert alice.get(f"/api/v1/exports/{job_id}/download/").status_code == 404
    # A job that is not an export (another app's) is not served here either.
    other = Job.objects.create(kind="sources.ingest", created_by=personas.bob)
    assert bob.get(f"/api/v1/exports/{other.pk}/").status_code == 404


def test_an_unfinished_export_has_no_file_yet(personas):
    bob = api(make_token(personas.bob, personas.health, ["read"]))
    job_id = bob.post("/api/v1/exports/", TRANSPARENCY, format="json").json()["id"]  # not committed: not run
    state = bob.get(f"/api/v1/exports/{job_id}/").json()
    assert state["status"] == "pending" and state["download_url"] is None
    assert bob.get(f"/api/v1/exports/{job_id}/download/").status_code == 404


def test_exports_follow_the_screens_rules(personas, world):
    today = dt.date(2026, 1, 1)
    report = do_save_periodic_report(acting_user=personas.alice, date_from=today, date_to=today + dt.timedelta(30))
    periodic = {"kind": "periodic", "format": "pdf", "filters": {"report_id": report.pk}}
    alice = api(make_token(personas.alice, personas.lead, ["read"]))
    assert alice.post("/api/v1/exports/", periodic, format="json").status_code == 202
    # The periodic report goes upward from the lead agency: for others it does not exist.
    bob = api(make_token(personas.bob, personas.health, ["read"]))
    assert bob.post("/api/v1/exports/", periodic, format="json").status_code == 404
    vera = api(make_token(personas.vera, personas.lead, ["read"]))  # a lead viewer
    assert vera.post("/api/v1/exports/", periodic, format="json").status_code == 404

    # A confidential case's dossier: 404 to outsiders, 403 to a participant, built by the lead agency.
    dossier = {"kind": "dossier", "filters": {"case_id": world.confidential.pk}}
    assert bob.post("/api/v1/exports/", dossier, format="json").status_code == 404
    peter = api(make_token(personas.peter, personas.police, ["read"]))
    assert peter.post("/api/v1/exports/", dossier, format="json").status_code == 403
    assert alice.post("/api/v1/exports/", dossier, format="json").status_code == 202

    # Bodies the starters refuse, as problems.
    assert alice.post("/api/v1/exports/", {**periodic, "format": "exe"}, format="json").status_code == 400
    assert alice.post("/api/v1/exports/", {"kind": "everything"}, format="json").status_code == 400
    bad_period = {**TRANSPARENCY, "filters": {"from": "2026-02-01", "to": "2026-01-01"}}
    assert alice.post("/api/v1/exports/", bad_period, format="json").status_code == 400
    # A push token cannot ask for one; a viewer's session never writes.
    pusher = api(make_token(personas.bob, personas.health, ["push"]))
    assert pusher.post("/api/v1/exports/", TRANSPARENCY, format="json").status_code == 403
    session = api()
    session.force_authenticate(personas.vera)
    assert session.post("/api/v1/exports/", TRANSPARENCY, format="json").status_code == 403


@pytest.fixture
def claims(personas, world):
    free = claim_actions.do_create_claim(acting_user=personas.bob, statement="Uống nước lá đu đủ chữa khỏi sốt xuất huyết",
                                         correction="Không có căn cứ khoa học.", agency=personas.health)
    secret = claim_actions.do_create_claim(acting_user=personas.alice, statement="Ngân hàng X sắp phá sản", correction="Ngân hàng X hoạt động bình thường.",
                                           case=world.confidential)
    return free, secret


def test_claims_read_as_the_library_screen_shows_them(personas, claims):
    free, secret = claims
    for user, agency in [(personas.bob, personas.health), (personas.peter, personas.police),
                         (personas.alice, personas.lead), (personas.charlie, personas.other)]:
        client = api(make_token(user, agency))
        listed = {r["id"] for r in client.get("/api/v1/claims/").json()["results"]}
        assert listed == {c.pk for c in claim_queries.library(user)}, user.username
    bob = api(make_token(personas.bob, personas.health))
    assert bob.get(f"/api/v1/claims/{secret.pk}/").status_code == 404  # the confidential case's claim
    one = bob.get(f"/api/v1/claims/{free.pk}/").json()
    assert one["claim_id"] == free.claim_id and one["agency"] == "SYT" and one["is_public"] is False
    peter = api(make_token(personas.peter, personas.police))
    assert peter.get(f"/api/v1/claims/{secret.pk}/").status_code == 200


def test_claims_search_ignores_accents_and_filters_by_status(personas, claims):
    free, _secret = claims
    alice = api(make_token(personas.alice, personas.lead))
    found = alice.get("/api/v1/claims/?q=la du du").json()["results"]
    assert [r["id"] for r in found] == [free.pk]
    assert alice.get("/api/v1/claims/?status=approved").json()["results"] == []
    assert alice.get("/api/v1/claims/?verdict=nope").status_code == 400


def test_coordinators_find_the_integrations_screen_from_their_account_page(personas):
    url = reverse("accounts:account")
    link = reverse("integrations:index")
    coordinator = personas.client_for(personas.alice).get(url)
    assert coordinator.status_code == 200 and f'href="{link}"' in coordinator.content.decode()
    for user in (personas.vera, personas.bob):  # a viewer, an officer
        page = personas.client_for(user).get(url)
        assert page.status_code == 200 and f'href="{link}"' not in page.content.decode()
