"""Issue #18 item 11: the proof snapshot of a confidential case's action is need-to-know like the case.

cases hands the rule (`queries.hidden_snapshot_ids`) to content, which sits below it and applies it in
Snapshot's restrict."""

import pytest
from django.urls import reverse

from haidang.cases.choices import EvidenceKind, ProofKind
from haidang.cases.models import ActionProof, CaseEvidence
from haidang.cases.queries import hidden_snapshot_ids

from .helpers import add_removal, appraised_case


def _snapshot(n: int, **kw):
    from haidang.content.models import Snapshot

    return Snapshot.objects.create(url=f"https://scam.example.net/post/{n}", sha256=f"{n:064x}",
                                   payload_sha256=f"{n:064x}", path=f"x/{n}.warc.gz", status_code=404, **kw)


@pytest.fixture
def proof(personas):
    p = personas
    case = appraised_case(p, confidentiality="confidential", participants=[p.health])
    action = add_removal(p, case)
    snap = _snapshot(1)
    ActionProof.objects.create(action=action, kind=ProofKind.REFETCH, http_status=404, snapshot_id=str(snap.pk),
                               recorded_by=p.alice)
    evidence_snap = _snapshot(2)
    CaseEvidence.objects.create(case=case, kind=EvidenceKind.SNAPSHOT, ref_id=str(evidence_snap.pk), added_by=p.alice)
    return case, snap, evidence_snap


@pytest.mark.django_db
def test_confidential_proof_and_evidence_snapshots_are_hidden_from_those_without_need_to_know(personas, proof):
    p = personas
    case, snap, evidence_snap = proof
    for user in (p.charlie, p.vera, p.walter):
        assert {snap.pk, evidence_snap.pk} <= hidden_snapshot_ids(user), user
    for user in (p.bob, p.lena, p.alice):
        assert not hidden_snapshot_ids(user) & {snap.pk, evidence_snap.pk}, user


@pytest.mark.django_db
def test_snapshots_also_behind_an_item_or_of_normal_cases_stay_visible(personas, proof):
    from haidang.content.models import Item
    from haidang.sources.models import Source

    p = personas
    case, snap, evidence_snap = proof
    source = Source.objects.create(name="Forum", agency=p.lead, url="https://forum.example/rss")
    Item.objects.create(source=source, url="https://forum.example/t/1", canonical_url_hash="h1", content_hash="c1",
                        snapshot=snap)
    normal = appraised_case(p, participants=[p.health])
    public = _snapshot(3)
    ActionProof.objects.create(action=add_removal(p, normal), kind=ProofKind.REFETCH, snapshot_id=str(public.pk),
                               recorded_by=p.alice)
    hidden = hidden_snapshot_ids(p.charlie)
    assert snap.pk not in hidden and public.pk not in hidden and evidence_snap.pk in hidden


@pytest.mark.django_db
def test_the_download_answers_404_without_need_to_know(personas, proof, settings, tmp_path):
    p = personas
    case, snap, _ = proof
    (settings.EVIDENCE_DIR / "x").mkdir(parents=True)
    (settings.EVIDENCE_DIR / snap.path).write_bytes(b"WARC")
    url = reverse("content:snapshot_download", args=[snap.pk])
    assert p.client_for(p.bob).get(url).status_code == 200
    assert p.client_for(p.charlie).get(url).status_code == 404
