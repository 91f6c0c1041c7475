"""Issue #18 item 13: every admin save, inline save, delete and password change writes an audit entry
with before and after; workflow-owned objects (stories, alerts) cannot be deleted in the admin."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from haidang.agencies.models import Membership
from haidang.audit.models import AuditEntry
from haidang.audit.queries import verify_chain

User = get_user_model()


class _FormScraper(HTMLParser):
    """The values a browser would submit for one form of a page (its id given)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, []
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.data.append((a["name"], a.get("value", "") or ""))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.data.append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data.append((a["name"], ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            name, value = self.data[-1]
            self.data[-1] = (name, value + data)


def form_data(response, form_id: str) -> dict:
    scraper = _FormScraper(form_id)
    scraper.feed(response.content.decode())
    out: dict = {}
    for name, value in scraper.data:
        out.setdefault(name, []).append(value)
    return {k: v if len(v) > 1 else v[0] for k, v in out.items()}


@pytest.fixture
def root(personas):
    return User.objects.create_superuser("root", "root@example.test", "root-password-123")


@pytest.fixture
def admin(personas, root):
    return personas.client_for(root)


def _entries(action, obj):
    return list(AuditEntry.objects.filter(action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk)))


def _user_page(admin, user):
    url = reverse("admin:auth_user_change", args=[user.pk])
    return url, form_data(admin.get(url), "user_form")


def _inline_index(data, prefix, pk):
    return next(k.split("-")[1] for k, v in data.items() if k.startswith(prefix + "-") and k.endswith("-id")
                and v == str(pk))


@pytest.mark.django_db
def test_membership_role_change_through_the_user_page_inline_is_audited(personas, admin):
    p = personas
    membership = Membership.objects.get(user=p.vera)
    url, data = _user_page(admin, p.vera)
    i = _inline_index(data, "memberships", membership.pk)
    data[f"memberships-{i}-role"] = "leader"
    assert admin.post(url, data).status_code == 302
    membership.refresh_from_db()
    assert membership.role == "leader"
    (entry,) = _entries("admin.change", membership)
    assert entry.changes == {"before": {"role": "viewer"}, "after": {"role": "leader"},
                             "parent": f"auth.user:{p.vera.pk}"}
    assert entry.actor.username == "root"
    assert verify_chain().ok


@pytest.mark.django_db
def test_adding_and_deleting_memberships_and_the_designated_flag_are_audited(personas, admin):
    p = personas
    url, data = _user_page(admin, p.charlie)
    old = Membership.objects.get(user=p.charlie)
    n = int(data["memberships-TOTAL_FORMS"])
    i = _inline_index(data, "memberships", old.pk)
    for suffix in ("created_at_0", "created_at_1"):
        data[f"memberships-{n}-{suffix}"] = data[f"memberships-{i}-{suffix}"]
    data.update({"memberships-TOTAL_FORMS": str(n + 1), f"memberships-{n}-agency": str(p.lead.pk),
                 f"memberships-{n}-role": "leader", f"memberships-{n}-user": str(p.charlie.pk)})
    data[f"memberships-{i}-DELETE"] = "on"
    data["officer-0-is_designated_coordinator"] = "on"
    response = admin.post(url, data)
    assert response.status_code == 302, [str(f.errors) for f in [response.context["adminform"].form]] + [str(fs.formset.errors) + str(fs.formset.non_form_errors()) for fs in response.context["inline_admin_formsets"]]
    new = Membership.objects.get(user=p.charlie)
    assert (new.agency, new.role) == (p.lead, "leader")
    (added,) = _entries("admin.add", new)
    assert added.changes["before"] == {} and added.changes["after"]["role"] == "leader"
    assert added.changes["after"]["agency"] == p.lead.pk
    deleted = AuditEntry.objects.get(action="admin.delete", object_type="agencies.membership",
                                     object_id=str(old.pk))
    assert deleted.changes["before"]["agency"] == p.other.pk and deleted.changes["after"] == {}
    profile = p.charlie.officer
    (flag,) = _entries("admin.change", profile)
    assert flag.changes["before"] == {"is_designated_coordinator": False}
    assert flag.changes["after"] == {"is_designated_coordinator": True}


@pytest.mark.django_db
def test_every_admin_save_has_before_and_after(personas, admin):
    p = personas
    url = reverse("admin:agencies_agency_change", args=[p.other.pk])
    data = form_data(admin.get(url), "agency_form")
    data["contact_email"] = "sgddt@example.test"
    assert admin.post(url, data).status_code == 302
    (entry,) = _entries("admin.change", p.other)
    assert entry.changes == {"before": {"contact_email": ""}, "after": {"contact_email": "sgddt@example.test"}}


@pytest.mark.django_db
def test_admin_password_change_is_audited_without_the_hash(personas, admin):
    p = personas
    old_hash = User.objects.get(pk=p.bob.pk).password
    url = reverse("admin:auth_user_password_change", args=[p.bob.pk])
    data = form_data(admin.get(url), "user_form")
    data.update({"password1": "a-new-long-password-9", "password2": "a-new-long-password-9"})
    assert admin.post(url, data).status_code == 302
    assert User.objects.get(pk=p.bob.pk).check_password("a-new-long-password-9")
    (entry,) = _entries("admin.password_change", p.bob)
    assert entry.changes["before"] and entry.changes["after"] and entry.changes["before"] != entry.changes["after"]
    assert old_hash not in str(entry.changes) and User.objects.get(pk=p.bob.pk).password not in str(entry.changes)


@pytest.mark.django_db
def test_routing_rule_and_reminder_log_deletes_are_audited(personas, admin):
    from haidang.alerts.models import RoutingRule
    from haidang.coordination.models import ReminderLog

    rule = RoutingRule.objects.create(name="Scams to police", category="scam", agency=personas.police)
    log = ReminderLog.objects.create(target_type="coordination.consultation", target_id="1", kind="answer",
                                     stage="before")
    for model_admin, obj in (("alerts_routingrule", rule), ("coordination_reminderlog", log)):
        pk = obj.pk
        response = admin.post(reverse(f"admin:{model_admin}_delete", args=[pk]), {"post": "yes"})
        assert response.status_code == 302
        assert not type(obj).objects.filter(pk=pk).exists()
        entry = AuditEntry.objects.get(action="admin.delete", object_type=obj._meta.label_lower, object_id=str(pk))
        assert entry.changes["before"] and entry.changes["after"] == {}
    rule = RoutingRule.objects.create(name="Bulk", category="scam", agency=personas.police)
    response = admin.post(reverse("admin:alerts_routingrule_changelist"),
                          {"action": "delete_selected", "_selected_action": [rule.pk], "post": "yes"})
    assert response.status_code == 302 and not RoutingRule.objects.filter(pk=rule.pk).exists()
    assert AuditEntry.objects.filter(action="admin.delete", object_type="alerts.routingrule",
                                     object_id=str(rule.pk)).exists()


@pytest.mark.django_db
def test_stories_and_alerts_cannot_be_deleted_in_the_admin(personas, admin):
    from haidang.alerts.models import Alert, Story

    now = timezone.now()
    story = Story.objects.create(title="Fake fee", first_seen=now, last_seen=now)
    alert = Alert.objects.create(dedupe_key="story:1", story=story, title="Fake fee", agency=personas.lead)
    assert admin.post(reverse("admin:alerts_story_delete", args=[story.pk]), {"post": "yes"}).status_code == 403
    assert admin.post(reverse("admin:alerts_alert_delete", args=[alert.pk]), {"post": "yes"}).status_code == 403
    for name, obj in (("alerts_story", story), ("alerts_alert", alert)):
        admin.post(reverse(f"admin:{name}_changelist"),
                   {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"})
    assert Story.objects.filter(pk=story.pk).exists() and Alert.objects.filter(pk=alert.pk).exists()


@pytest.mark.django_db
def test_every_admin_page_that_can_write_is_audited(root):
    from django.contrib import admin as django_admin
    from django.test import RequestFactory

    from haidang.audit.admin import AuditedModelAdmin

    request = RequestFactory().get("/admin/")
    request.user = root
    for model, model_admin in django_admin.site._registry.items():
        if isinstance(model_admin, AuditedModelAdmin):
            continue
        writes = (model_admin.has_add_permission(request), model_admin.has_change_permission(request),
                  model_admin.has_delete_permission(request))
        assert writes == (False, False, False), f"{model._meta.label}: {type(model_admin).__name__}"


@pytest.mark.django_db
def test_unlocking_a_login_in_the_admin_is_audited(personas, admin):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(username="bob", ip_address="10.0.0.1", failures_since_start=5,
                                           get_data="", post_data="", http_accept="", path_info="/accounts/login/")
    response = admin.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()
    entry = AuditEntry.objects.get(action="admin.delete", object_type="axes.accessattempt")
    assert entry.changes["before"]["username"] == "bob"


@pytest.mark.django_db
def test_routing_rule_changes_keep_the_action_and_add_before_and_after(personas, admin):
    from haidang.alerts.models import RoutingRule

    rule = RoutingRule.objects.create(name="Scams to police", category="scam", agency=personas.police)
    url = reverse("admin:alerts_routingrule_change", args=[rule.pk])
    data = form_data(admin.get(url), "routingrule_form")
    data["agency"] = str(personas.health.pk)
    assert admin.post(url, data).status_code == 302
    assert _entries("routing.update", rule)
    (entry,) = _entries("admin.change", rule)
    assert entry.changes == {"before": {"agency": personas.police.pk}, "after": {"agency": personas.health.pk}}


@pytest.mark.django_db
def test_a_delete_names_what_went_with_it(personas, admin):
    user = User.objects.create_user("temp", password="temp-password-123")
    Membership.objects.create(user=user, agency=personas.other, role="viewer")
    assert admin.post(reverse("admin:auth_user_delete", args=[user.pk]), {"post": "yes"}).status_code == 302
    entry = AuditEntry.objects.get(action="admin.delete", object_type="auth.user")
    assert entry.changes["before"]["username"] == "temp" and entry.changes["before"]["password"] == "(set)"
    assert entry.changes["cascade"]["agencies.membership"] == 1
