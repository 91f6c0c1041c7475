import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from haidang.audit.actions import record
from haidang.audit.models import AppendOnlyError, AuditEntry
from haidang.audit.queries import verify_chain


@pytest.mark.django_db
def test_every_action_appends_a_chained_entry(personas):
    entries = list(AuditEntry.objects.order_by("id"))
    assert len(entries) >= 10  # agencies and officers created by the personas
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
    assert verify_chain().ok


@pytest.mark.django_db
def test_verify_command_prints_ok(personas, capsys):
    call_command("audit", "verify")
    out = capsys.readouterr().out
    assert out.startswith("ok ")
    assert out.split()[1] == str(AuditEntry.objects.count())


@pytest.mark.django_db
def test_tampering_through_raw_sql_is_detected(personas):
    victim = AuditEntry.objects.order_by("id")[3]
    with connection.cursor() as cur:
        cur.execute("UPDATE audit_auditentry SET action = %s WHERE id = %s", ["tampered", victim.pk])
    result = verify_chain()
    assert not result.ok
    assert result.bad_entry_id == victim.pk
    with pytest.raises(CommandError, match=f"#{victim.pk}"):
        call_command("audit", "verify")


@pytest.mark.django_db
def test_deleting_a_row_breaks_the_chain(personas):
    entries = list(AuditEntry.objects.order_by("id")[:3])
    with connection.cursor() as cur:
        cur.execute("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    result = verify_chain()
    assert not result.ok and result.bad_entry_id == entries[2].pk


@pytest.mark.django_db
def test_the_log_is_append_only_through_the_orm():
    entry = record("test.event", changes={"k": "v"})
    entry.action = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.django_db
def test_entry_records_actor_agency_and_request_id(personas):
    from haidang.core.context import new_request_id

    rid = new_request_id("test-")
    entry = record("case.view", actor=personas.bob, object_type="cases.case", object_id=7, changes={"a": 1})
    assert entry.actor == personas.bob
    assert entry.agency == personas.health
    assert entry.request_id == rid
    assert entry.object_id == "7"
