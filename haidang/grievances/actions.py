"""The only place that writes grievances. Every function: `do_<verb>_<noun>(..., *, acting_user)`,
atomic, writes the audit log and the grievance's timeline, and defers e-mail to after commit.

Who may do what (checked here, not only in the views):

- raise a grievance by hand (a letter, a call): any working member of an agency;
- take it, write the answer, open a case from it: working members (coordinator, officer, leader) of
  the agency that must answer; opening a case also the lead agency;
- assign it to an officer: coordinators and leaders of that agency;
- approve or return the answer, change the deadline: leaders of that agency (the deadline also the
  lead agency's leaders); the leader who approves is never the officer who wrote it (four eyes);
- reassign it: the lead agency's working members, or the agency's coordinators and leaders.

Viewers read, never write. Detection (`do_collect_grievances`) runs as the system after stories are
assigned, whatever the priority: a grievance is answered, never left in nobody's queue.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haidang.agencies import access
from haidang.agencies.queries import designated_officers, leaders_of
from haidang.audit.actions import record
from haidang.cases.errors import CaseError, FourEyesRequired, IllegalTransition
from haidang.core.files import sha256_of_upload
from haidang.core.notifications import notify
from haidang.workdays import deadlines

from . import dashboard, events, routing
from .choices import (
    MANUAL_ORIGINS,
    OPEN_STATES,
    WORKABLE_STATES,
    AnswerStatus,
    GrievanceState,
    HarmCategory,
    Origin,
    Priority,
    ReminderStage,
    RoutedBy,
    Step,
)
from .models import (
    Grievance,
    GrievanceAnswer,
    GrievanceCounter,
    GrievancePost,
    GrievanceReminder,
    GrievanceRoute,
    GrievanceTransfer,
)

log = logging.getLogger(__name__)
S = GrievanceState
LEADING_ROLES = ("coordinator", "leader")
MAX_WORKING_DAYS = 60
ROUTING_POSTS = 5  # the first posts read for routing: enough to find the place and the subject
SQL_CHUNK = 900  # stay under SQLite's bound-parameter limit


class GrievanceError(CaseError):
    """A grievance rule was broken; the message is shown to the user as is."""


# --- helpers -------------------------------------------------------------------------------------


def grievance_url(g: Grievance) -> str:
    return reverse("grievances:detail", args=[g.pk])


def _label(g: Grievance) -> str:
    return f"{g.code} {g.title[:80]}"


def _when(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def _next_code(year: int) -> tuple[int, str]:
    """The next number of the year, never twice: the UPDATE locks the counter row (as cases do)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                GrievanceCounter.objects.get_or_create(year=year)
        except IntegrityError:
            pass  # another transaction created the row first
        GrievanceCounter.objects.filter(year=year).update(last=F("last") + 1)
        number = GrievanceCounter.objects.get(year=year).last
    return number, f"PA-{year}-{number:04d}"


def _deadline(priority: str, start: dt.datetime, working_days: int | None = None) -> tuple[int, dt.datetime]:
    days = working_days if working_days is not None else deadlines.policy(Step.GRIEVANCE, priority).working_days
    return days, deadlines.add_working_days(start, days)


def _locked(g: Grievance) -> Grievance:
    """Re-read under the transaction: another request may have moved the grievance meanwhile."""
    # `of=("self",)`: PostgreSQL refuses FOR UPDATE on the nullable side of the outer join to assignee.
    return Grievance.objects.select_for_update(of=("self",)).select_related("agency", "assignee").get(pk=g.pk)


def _require_state(g: Grievance, states: Iterable[str]) -> None:
    if g.state not in states:
        raise IllegalTransition(gettext_lazy("Grievance %(code)s is %(state)s: this step is not possible now."),
                                code=g.code, state=S(g.state).label)


def _require_member(user, g: Grievance, roles=access.WORKING_ROLES) -> None:
    access.require_role(user, g.agency, roles, _("Only the agency that answers this grievance can do this."))


def _save(g: Grievance, fields: Iterable[str]) -> None:
    g.updated_at = timezone.now()
    g.save(update_fields=["updated_at", *fields])
    transaction.on_commit(dashboard.changed)  # the dashboard's minute-old counts are read again


def _tell_agency(g: Grievance, text: str, *, verb: str, exclude=None, also: Iterable = ()) -> None:
    notify([*designated_officers(g.agency), *also], verb=verb, text=text, url=grievance_url(g), target=g,
           exclude=exclude)


def _new_grievance(*, title: str, text: str, origin: str, route: routing.Route, priority: str,
                   received_at: dt.datetime, acting_user=None, reference: str = "", story=None,
                   place_code: str = "", place_name: str = "") -> Grievance:
    number, code = _next_code(timezone.localtime(received_at).year)
    days, due = _deadline(priority, received_at)
    now = timezone.now()
    g = Grievance.objects.create(
        code=code, year=timezone.localtime(received_at).year, number=number, title=title[:300], text=text,
        origin=origin, reference=reference[:200], story=story, priority=priority,
        place_code=place_code or route.place_code, place_name=place_name or route.place_name,
        agency=route.agency, routed_by=route.routed_by, route_name=route.rule[:200], received_at=received_at,
        working_days=days, due_at=due, first_seen_at=received_at, last_seen_at=received_at,
        created_by=acting_user, created_at=now, updated_at=now,
    )
    transaction.on_commit(dashboard.changed)
    return g


def _announce(g: Grievance, acting_user=None) -> None:
    events.event_created(g, actor=acting_user)
    record("grievance.create", actor=acting_user, obj=g, changes={
        "code": g.code, "origin": g.origin, "agency": g.agency.short_name, "routed_by": g.routed_by,
        "rule": g.route_name, "priority": g.priority, "due_at": g.due_at, "story": g.story_id,
        "voices": g.voice_count})
    _tell_agency(g, _("New grievance for %(agency)s: %(label)s. Answer by %(when)s.") % {
        "agency": g.agency.short_name, "label": _label(g), "when": _when(g.due_at)},
        verb="grievances.received", exclude=acting_user)


# --- detection: many voices, one grievance -------------------------------------------------------


def _places(signal_rows: list[dict]) -> list[tuple[str, str]]:
    """Named places of the posts, the most named first."""
    counts: Counter = Counter()
    names: dict[str, str] = {}
    for row in signal_rows:
        for p in row.get("places") or []:
            if p.get("code") is not None and p.get("confidence", 0) >= 0.5:
                code = str(p["code"])
                counts[code] += 1
                names.setdefault(code, p.get("name", ""))
    return [(code, names[code]) for code, _n in counts.most_common()]


def _recount(g: Grievance) -> None:
    agg = g.posts.aggregate(n=Count("id"), sources=Count("source_id", distinct=True), first=Min("seen_at"),
                            last=Max("seen_at"))
    g.voice_count = agg["n"] or 0
    g.source_count = agg["sources"] or 0
    g.first_seen_at = agg["first"] or g.first_seen_at
    g.last_seen_at = agg["last"] or g.last_seen_at
    _save(g, ["voice_count", "source_count", "first_seen_at", "last_seen_at"])


def _create_detected(story, members: list[dict], now: dt.datetime) -> Grievance | None:
    from haidang.analysis.models import ItemSignals
    from haidang.content.models import Item

    ids = [m["item_id"] for m in members]
    first = sorted(members, key=lambda m: (m["seen_at"], m["item_id"]))[:ROUTING_POSTS]
    rep_id = story.representative_id if story.representative_id in ids else first[0]["item_id"]
    texts = {row["pk"]: row for row in Item.objects.filter(pk__in={rep_id, *[m["item_id"] for m in first]})
             .values("pk", "title", "text")}
    rep = texts.get(rep_id) or {"title": "", "text": ""}
    signals = list(ItemSignals.objects.filter(item_id__in=ids).values("places", "priority"))
    places = _places(signals) or [(code, v[0]) for code, v in
                                  sorted((story.place_counts or {}).items(), key=lambda kv: -kv[1][1])]
    text = "\n".join((row["title"] + "\n" + row["text"]) for row in texts.values())[:20000]
    route = routing.route(text, [code for code, _name in places])
    if route.agency is None:
        log.warning("grievance for story %s has no agency to go to: is HAIDANG_LEAD_AGENCY set?", story.pk)
        return None
    title = (story.title or rep["title"] or rep["text"] or _("Grievance")).strip()
    priority = story.max_priority if story.max_priority in Priority.values else Priority.LOW
    place_code, place_name = places[0] if places else ("", "")
    return _new_grievance(
        title=title, text=(rep["title"] + "\n" + rep["text"]).strip()[:5000], origin=Origin.DETECTED, route=route,
        priority=priority, received_at=now, story=story, place_code=place_code, place_name=place_name)


def _collect_story(story, now: dt.datetime, counts: dict) -> None:
    from haidang.alerts.models import Story, StoryItem

    # Looked at first, outside any transaction: on SQLite every transaction takes the write lock, and most
    # stories have no grievance post, or none that is not collected already.
    members = list(StoryItem.objects.filter(story=story, item__signals__top_category=HarmCategory.GRIEVANCE)
                   .values("item_id", "source_id", "seen_at"))
    if not members:
        return
    existing = Grievance.objects.filter(story=story).only("pk").first()
    if existing is not None and not StoryItem.objects.filter(
            story=story, item__signals__top_category=HarmCategory.GRIEVANCE).exclude(
            item_id__in=GrievancePost.objects.filter(grievance=existing).values("item_id")).exists():
        return
    with transaction.atomic():
        members = list(StoryItem.objects.filter(story=story, item__signals__top_category=HarmCategory.GRIEVANCE)
                       .values("item_id", "source_id", "seen_at"))
        if not members:
            return
        g = Grievance.objects.filter(story=story).first()
        if g is None:
            # A story merged into this one brings its grievance along (one grievance per live story).
            absorbed = Story.objects.filter(merged_into=story).values("pk")
            g = Grievance.objects.filter(story_id__in=absorbed).order_by("created_at", "id").first()
            if g is not None:
                g.story = story
                _save(g, ["story"])
        created = False
        if g is None:
            try:
                with transaction.atomic():
                    g = _create_detected(story, members, now)
                    created = g is not None
            except IntegrityError:  # another worker made it first: join it
                g = Grievance.objects.filter(story=story).first()
            if g is None:
                return
        taken = set(GrievancePost.objects.filter(item_id__in=[m["item_id"] for m in members])
                    .values_list("item_id", flat=True))
        new = [GrievancePost(grievance=g, item_id=m["item_id"], source_id=m["source_id"], seen_at=m["seen_at"])
               for m in members if m["item_id"] not in taken]
        GrievancePost.objects.bulk_create(new, ignore_conflicts=True)
        before = g.voice_count
        _recount(g)
        if created:
            counts["created"] += 1
            _announce(g)
        elif g.voice_count > before:
            counts["voices_added"] += g.voice_count - before
            events.event_voices_added(g, added=g.voice_count - before)
            record("grievance.voices_add", obj=g, changes={"added": g.voice_count - before,
                                                           "voices": g.voice_count})


def do_collect_grievances(item_ids, *, now: dt.datetime | None = None) -> dict[str, int]:
    """Items whose top category is "grievance" become voices of their story's grievance: one
    grievance per story, created and routed on the first voice, whatever the priority.
    Idempotent: a post already counted is never counted again."""
    from haidang.alerts.models import Story, StoryItem
    from haidang.analysis.models import ItemSignals

    now = now or timezone.now()
    counts = {"created": 0, "voices_added": 0}
    ids = sorted({int(i) for i in item_ids or ()})
    story_ids: set[int] = set()
    for start in range(0, len(ids), SQL_CHUNK):
        chunk = ids[start:start + SQL_CHUNK]
        grievance_items = ItemSignals.objects.filter(item_id__in=chunk, top_category=HarmCategory.GRIEVANCE)
        story_ids |= set(StoryItem.objects.filter(item_id__in=grievance_items.values("item_id"))
                         .values_list("story_id", flat=True))
    for story in Story.objects.filter(pk__in=_live_stories(story_ids)).order_by("pk"):
        _collect_story(story, now, counts)
    return counts


def _live_stories(story_ids: set[int]) -> set[int]:
    """The stories that survived merges (an item links two stories: the older absorbs the other)."""
    from haidang.alerts.models import Story

    live: set[int] = set()
    pending = set(story_ids)
    for _hop in range(50):  # merge chains are short; a cycle would be a bug, not a reason to hang
        if not pending:
            break
        into = dict(Story.objects.filter(pk__in=pending).values_list("pk", "merged_into_id"))
        live |= {pk for pk, target in into.items() if target is None}
        pending = {target for target in into.values() if target is not None} - live
    return live


# --- raised by hand -----------------------------------------------------------------------------


@transaction.atomic
def do_create_grievance(*, acting_user, title: str, text: str = "", origin: str = Origin.LETTER,
                        reference: str = "", agency=None, received_at: dt.datetime | None = None,
                        priority: str = Priority.MEDIUM) -> Grievance:
    """A grievance from a citizen's letter, a call or a visit: the same queue as the detected ones.
    With no agency chosen, it is routed like a detected one (the place it names, else its subject)."""
    if not access.is_officer(acting_user, access.WORKING_ROLES):
        raise PermissionDenied(_("Only working members of an agency can record a grievance."))
    if origin not in dict(MANUAL_ORIGINS):
        raise GrievanceError(gettext_lazy("Choose how the grievance was received."))
    if not title.strip():
        raise GrievanceError(gettext_lazy("Give the grievance a title."))
    if priority not in Priority.values:
        raise GrievanceError(gettext_lazy("Unknown priority."))
    now = timezone.now()
    received_at = received_at or now
    if received_at > now + dt.timedelta(minutes=5):
        raise GrievanceError(gettext_lazy("The date received cannot be in the future."))
    if agency is not None:
        if not agency.active:
            raise GrievanceError(gettext_lazy("Choose an active agency."))
        route = routing.Route(agency, RoutedBy.HAND)
    else:
        route = routing.route(f"{title}\n{text}")
        if route.agency is None:
            raise GrievanceError(gettext_lazy("Nothing matched and no lead agency is configured: choose the agency."))
    g = _new_grievance(title=title.strip(), text=text.strip(), origin=origin, route=route, priority=priority,
                       received_at=received_at, acting_user=acting_user, reference=reference.strip())
    _announce(g, acting_user)
    return g


# --- working on it ------------------------------------------------------------------------------


@transaction.atomic
def do_take_grievance(g: Grievance, *, acting_user) -> Grievance:
    """An officer of the agency takes the grievance: it is theirs to answer."""
    _require_member(acting_user, g)
    g = _locked(g)
    _require_state(g, WORKABLE_STATES)
    if g.assignee_id == acting_user.pk:
        return g
    g.assignee, g.assigned_at, g.state = acting_user, timezone.now(), S.IN_PROGRESS
    _save(g, ["assignee", "assigned_at", "state"])
    events.event_taken(g, actor=acting_user)
    record("grievance.take", actor=acting_user, obj=g, changes={"assignee": acting_user.get_username()})
    return g


@transaction.atomic
def do_assign_grievance(g: Grievance, officer, *, acting_user) -> Grievance:
    """A coordinator or leader of the agency gives the grievance to one of its officers."""
    _require_member(acting_user, g, LEADING_ROLES)
    g = _locked(g)
    _require_state(g, WORKABLE_STATES)
    # Its own membership, not has_role(): an administrator is no officer of the agency.
    if officer is None or not officer.is_active or not access.roles_in(officer, g.agency) & set(access.WORKING_ROLES):
        raise GrievanceError(gettext_lazy("Choose a working officer of %(agency)s."), agency=g.agency.short_name)
    g.assignee, g.assigned_at, g.state = officer, timezone.now(), S.IN_PROGRESS
    _save(g, ["assignee", "assigned_at", "state"])
    events.event_assigned(g, actor=acting_user, officer=officer)
    record("grievance.assign", actor=acting_user, obj=g, changes={"assignee": officer.get_username()})
    notify([officer], verb="grievances.assigned", url=grievance_url(g), target=g, exclude=acting_user,
           text=_("Grievance %(label)s is yours to answer by %(when)s.") % {"label": _label(g),
                                                                            "when": _when(g.due_at)})
    return g


@transaction.atomic
def do_submit_answer(g: Grievance, *, acting_user, text: str, published_url: str, attachment=None) -> GrievanceAnswer:
    """The officer writes the official answer and where it is (to be) published; the leader approves."""
    _require_member(acting_user, g)
    g = _locked(g)
    _require_state(g, WORKABLE_STATES)
    if not text.strip():
        raise GrievanceError(gettext_lazy("Write the official answer."))
    if not published_url.strip().lower().startswith(("https://", "http://")):
        raise GrievanceError(gettext_lazy("Give the link to where the answer is published."))
    answer = GrievanceAnswer.objects.create(
        grievance=g, text=text.strip(), published_url=published_url.strip(), written_by=acting_user,
        attachment=attachment or "", attachment_name=(getattr(attachment, "name", "") or "")[:255],
        attachment_sha256=sha256_of_upload(attachment) if attachment is not None else "")
    fields = ["state"]
    if g.assignee_id is None:
        g.assignee, g.assigned_at = acting_user, timezone.now()
        fields += ["assignee", "assigned_at"]
    g.state = S.ANSWER_SUBMITTED
    _save(g, fields)
    events.event_answer_submitted(g, actor=acting_user, answer=answer)
    record("grievance.answer_submit", actor=acting_user, obj=g, changes={
        "answer": answer.pk, "url": answer.published_url, "attachment_sha256": answer.attachment_sha256})
    notify(leaders_of(g.agency), verb="grievances.answer_submitted", url=grievance_url(g), target=g,
           exclude=acting_user, text=_("Approve the answer to grievance %(label)s.") % {"label": _label(g)})
    return answer


def _submitted_answer(g: Grievance) -> GrievanceAnswer:
    answer = g.answers.filter(status=AnswerStatus.SUBMITTED).order_by("-written_at", "-id").first()
    if answer is None:
        raise IllegalTransition(gettext_lazy("No answer awaits approval."))
    return answer


@transaction.atomic
def do_approve_answer(g: Grievance, *, acting_user, note: str = "") -> Grievance:
    """A leader of the agency approves the answer: the grievance is answered, with its publication link."""
    access.require_role(acting_user, g.agency, ("leader",),
                        _("Only a leader of the agency that answers can approve the answer."))
    g = _locked(g)
    _require_state(g, [S.ANSWER_SUBMITTED])
    answer = _submitted_answer(g)
    if answer.written_by_id == acting_user.pk:
        raise FourEyesRequired(gettext_lazy("The answer is approved by a leader other than the officer who wrote it."))
    now = timezone.now()
    answer.status, answer.decided_by, answer.decided_at, answer.decision_note = (
        AnswerStatus.APPROVED, acting_user, now, note.strip())
    answer.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    g.state, g.answered_at, g.published_url = S.ANSWERED, now, answer.published_url
    _save(g, ["state", "answered_at", "published_url"])
    on_time = now <= g.due_at
    events.event_answer_approved(g, actor=acting_user, answer=answer, on_time=on_time)
    record("grievance.answer_approve", actor=acting_user, obj=g, changes={
        "answer": answer.pk, "url": answer.published_url, "on_time": on_time, "note": note})
    notify([answer.written_by, g.assignee], verb="grievances.answered", url=grievance_url(g), target=g,
           exclude=acting_user, text=_("The answer to grievance %(label)s is approved and published.")
           % {"label": _label(g)})
    return g


@transaction.atomic
def do_reject_answer(g: Grievance, *, acting_user, note: str) -> Grievance:
    """A leader returns the answer with a note: the officer writes it again."""
    access.require_role(acting_user, g.agency, ("leader",),
                        _("Only a leader of the agency that answers can return the answer."))
    g = _locked(g)
    _require_state(g, [S.ANSWER_SUBMITTED])
    if not note.strip():
        raise GrievanceError(gettext_lazy("Say what the answer needs."))
    answer = _submitted_answer(g)
    answer.status, answer.decided_by, answer.decided_at, answer.decision_note = (
        AnswerStatus.REJECTED, acting_user, timezone.now(), note.strip())
    answer.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    g.state = S.IN_PROGRESS
    _save(g, ["state"])
    events.event_answer_rejected(g, actor=acting_user, answer=answer, note=note)
    record("grievance.answer_reject", actor=acting_user, obj=g, changes={"answer": answer.pk, "note": note})
    notify([answer.written_by], verb="grievances.answer_returned", url=grievance_url(g), target=g,
           exclude=acting_user, text=_("Your answer to grievance %(label)s was returned: %(note)s")
           % {"label": _label(g), "note": note.strip()[:200]})
    return g


def can_reassign(user, g: Grievance) -> bool:
    return access.is_lead_member(user, access.WORKING_ROLES) or access.has_role(user, g.agency, LEADING_ROLES)


@transaction.atomic
def do_reassign_grievance(g: Grievance, to_agency, *, acting_user, reason: str) -> Grievance:
    """Send a misrouted grievance to the agency that must answer it. The new agency gets a full
    allowance from now and is told; an answer waiting for approval is withdrawn."""
    if not can_reassign(acting_user, g):
        raise PermissionDenied(_("Only the lead agency, or a coordinator or leader of the agency, can reassign it."))
    g = _locked(g)
    _require_state(g, OPEN_STATES)
    if to_agency is None or not to_agency.active or to_agency.pk == g.agency_id:
        raise GrievanceError(gettext_lazy("Choose another active agency."))
    if not reason.strip():
        raise GrievanceError(gettext_lazy("Give the reason for the reassignment."))
    old = g.agency
    transfer = GrievanceTransfer.objects.create(grievance=g, from_agency=old, to_agency=to_agency,
                                                reason=reason.strip(), moved_by=acting_user)
    withdrawn = list(g.answers.filter(status=AnswerStatus.SUBMITTED).values_list("pk", flat=True))
    g.answers.filter(pk__in=withdrawn).update(status=AnswerStatus.WITHDRAWN)
    now = timezone.now()
    g.agency, g.routed_by, g.route_name = to_agency, RoutedBy.REASSIGNED, ""
    g.assignee, g.assigned_at, g.state = None, None, S.NEW
    g.received_at = now
    g.working_days, g.due_at = _deadline(g.priority, now)
    g.transfer_count += 1
    _save(g, ["agency", "routed_by", "route_name", "assignee", "assigned_at", "state", "received_at",
              "working_days", "due_at", "transfer_count"])
    events.event_reassigned(g, actor=acting_user, transfer=transfer)
    record("grievance.reassign", actor=acting_user, obj=g, changes={
        "from": old.short_name, "to": to_agency.short_name, "reason": reason.strip(), "due_at": g.due_at,
        "withdrawn_answers": withdrawn})
    _tell_agency(g, _("Grievance %(label)s was reassigned to %(agency)s: %(reason)s. Answer by %(when)s.") % {
        "label": _label(g), "agency": to_agency.short_name, "reason": reason.strip()[:200],
        "when": _when(g.due_at)}, verb="grievances.reassigned", exclude=acting_user, also=leaders_of(to_agency))
    return g


@transaction.atomic
def do_set_deadline(g: Grievance, *, acting_user, working_days: int, reason: str) -> Grievance:
    """Change the allowance of one grievance (working days from its arrival), with a reason."""
    if not (access.has_role(acting_user, g.agency, ("leader",)) or access.is_lead_leader(acting_user)):
        raise PermissionDenied(_("Only a leader of the agency, or of the lead agency, can change the deadline."))
    g = _locked(g)
    _require_state(g, OPEN_STATES)
    if not 1 <= int(working_days) <= MAX_WORKING_DAYS:
        raise GrievanceError(gettext_lazy("Allow between 1 and %(max)s working days."), max=MAX_WORKING_DAYS)
    if not reason.strip():
        raise GrievanceError(gettext_lazy("Give the reason for the new deadline."))
    old = g.due_at
    g.working_days, g.due_at = _deadline(g.priority, g.received_at, int(working_days))
    _save(g, ["working_days", "due_at"])
    events.event_deadline_changed(g, actor=acting_user, old=old, working_days=g.working_days, reason=reason)
    record("grievance.deadline", actor=acting_user, obj=g, changes={
        "old": old, "new": g.due_at, "working_days": g.working_days, "reason": reason.strip()})
    return g


def can_open_case(user, g: Grievance) -> bool:
    return access.has_role(user, g.agency) or access.is_lead_member(user, access.WORKING_ROLES)


@transaction.atomic
def do_open_case(g: Grievance, *, acting_user, reason: str = ""):
    """A grievance that needs more than an answer goes on to the lead agency in one step, its posts
    and history with it. The lead agency opens the case at once (the answering agency takes part);
    any other agency sends a report that the lead agency triages, as the regulation has it."""
    from haidang.cases import actions as case_actions
    from haidang.cases import events as case_events
    from haidang.cases.choices import EvidenceKind

    if not can_open_case(acting_user, g):
        raise PermissionDenied(_("Only the agency that answers it, or the lead agency, can do this."))
    g = _locked(g)
    _require_state(g, WORKABLE_STATES)
    lead = access.lead_agency()
    acting_for = g.agency if access.has_role(acting_user, g.agency) else lead
    history = events.history_text(g)
    posts = list(g.posts.select_related("item").order_by("seen_at", "id"))
    first_url = next((p.item.url for p in posts if p.item.url), "")
    site = reverse("grievances:detail", args=[g.pk])
    report = case_actions.do_create_report(
        acting_user=acting_user, agency=acting_for, story_id=g.story_id, url=first_url,
        description=f"{g.code}: {g.title}\n\n{g.text}".strip(), category=HarmCategory.GRIEVANCE,
        urgency=g.priority,
        reason="\n\n".join(part for part in [
            reason.strip(), _("From grievance %(code)s (%(url)s), %(voices)s voices.") % {
                "code": g.code, "url": site, "voices": g.voice_count}, history] if part))
    case = None
    if lead is not None and access.has_role(acting_user, lead, access.WORKING_ROLES):
        participants = [g.agency] if g.agency_id != lead.pk else []
        case = case_actions.do_accept_report(report, acting_user=acting_user, title=g.title[:300],
                                             summary=f"{g.text}\n\n{reason}".strip(),
                                             category=HarmCategory.GRIEVANCE, priority=g.priority,
                                             participants=participants)
        for post in posts:
            case_actions.do_add_evidence(case, acting_user=acting_user, kind=EvidenceKind.ITEM,
                                         ref_id=str(post.item_id), url=post.item.url[:2000],
                                         note=(post.item.title or post.item.text)[:300])
        case_events.event_note(case, actor=acting_user,
                               text=_("History of grievance %(code)s:") % {"code": g.code} + "\n" + history)
    g.state, g.report, g.case, g.escalated_at = S.ESCALATED_TO_CASE, report, case, timezone.now()
    _save(g, ["state", "report", "case", "escalated_at"])
    events.event_escalated_to_case(g, actor=acting_user, report_id=report.pk, case_code=case.code if case else "")
    record("grievance.open_case", actor=acting_user, obj=g, changes={
        "report": report.pk, "case": case.code if case else None, "reason": reason.strip()})
    return case or report


def can_resume(user, g: Grievance) -> bool:
    """A grievance the lead agency did not take up as a case still needs its answer."""
    from haidang.cases.choices import ReportStatus

    return (g.state == S.ESCALATED_TO_CASE and g.case_id is None and g.report_id is not None
            and g.report.status == ReportStatus.DISMISSED and access.has_role(user, g.agency))


@transaction.atomic
def do_resume_grievance(g: Grievance, *, acting_user) -> Grievance:
    """Back into the agency's queue when the lead agency dismissed the report: answered, not dropped.
    The agency gets a full allowance from now."""
    g = _locked(g)
    if not can_resume(acting_user, g):
        access.require_role(acting_user, g.agency, access.WORKING_ROLES,
                            _("Only the agency that answers this grievance can do this."))
        raise IllegalTransition(gettext_lazy("Only a grievance whose report the lead agency dismissed comes back."))
    g.state = S.IN_PROGRESS if g.assignee_id else S.NEW
    g.received_at = timezone.now()
    g.working_days, g.due_at = _deadline(g.priority, g.received_at)
    _save(g, ["state", "received_at", "working_days", "due_at"])
    events.event_resumed(g, actor=acting_user, report_id=g.report_id)
    record("grievance.resume", actor=acting_user, obj=g, changes={"report": g.report_id, "due_at": g.due_at})
    return g


# --- the routing table --------------------------------------------------------------------------


@transaction.atomic
def do_save_route(*, acting_user=None, route: GrievanceRoute | None = None, **fields) -> GrievanceRoute:
    """Add or change a routing rule outside the admin (the seed, the CLI)."""
    route = route or GrievanceRoute()
    for name, value in fields.items():
        setattr(route, name, value)
    route.full_clean()
    route.save()
    record("grievance.route_save", actor=acting_user, obj=route, changes={
        "name": route.name, "order": route.order, "keywords": route.keywords, "agency": route.agency.short_name,
        "before_place": route.before_place, "active": route.active})
    return route


# --- reminders and escalation (run by the periodic task) ------------------------------------------


def _claim(g: Grievance, stage: str) -> GrievanceReminder | None:
    """Claim one notice: the unique (grievance, stage, deadline) row is inserted once, ever.
    Nothing inserted: another worker (or an earlier run) got there first."""
    if GrievanceReminder.objects.filter(grievance=g, stage=stage, due_at=g.due_at).exists():
        return None
    try:
        with transaction.atomic():
            return GrievanceReminder.objects.create(grievance=g, stage=stage, due_at=g.due_at)
    except IntegrityError:
        return None


def _stages_due(g: Grievance, now: dt.datetime) -> list[str]:
    """Every stage reached by now, in order: a run that was down for a day still sends the overdue
    notice before the escalation; no "before" reminder for a deadline already past."""
    policy = deadlines.policy(Step.GRIEVANCE, g.priority)
    if now > g.due_at:
        stages = [ReminderStage.OVERDUE]
        if now >= deadlines.add_working_days(g.due_at, policy.escalate_after_days):
            stages.append(ReminderStage.ESCALATED)
        return stages
    if now >= g.due_at - dt.timedelta(hours=policy.remind_before_hours):
        return [ReminderStage.BEFORE]
    return []


def _people(g: Grievance, stage: str) -> list:
    answering = [g.assignee] if g.assignee_id else list(designated_officers(g.agency))
    if stage == ReminderStage.BEFORE:
        return answering
    if stage == ReminderStage.OVERDUE:
        return [*leaders_of(g.agency), *answering]
    lead = access.lead_agency()
    return [*leaders_of(lead), *designated_officers(lead)] if lead is not None else []


def send_due_reminders(now: dt.datetime | None = None) -> dict[str, int]:
    """Reminders before each grievance's deadline, overdue notices to the agency's leaders, then
    escalation to the lead agency; each (grievance, stage, deadline) once."""
    now = now or timezone.now()
    counts = {str(stage): 0 for stage in ReminderStage}
    for g in Grievance.objects.open().select_related("agency", "assignee").order_by("due_at", "id"):
        for stage in _stages_due(g, now):
            text = {
                ReminderStage.BEFORE: _("Reminder: grievance %(label)s (%(agency)s) is to be answered by %(when)s."),
                ReminderStage.OVERDUE: _("Overdue: grievance %(label)s (%(agency)s) was to be answered by %(when)s."),
                ReminderStage.ESCALATED: _("Escalated: grievance %(label)s (%(agency)s) is still not answered "
                                           "(due %(when)s)."),
            }[stage] % {"label": _label(g), "agency": g.agency.short_name, "when": _when(g.due_at)}
            with transaction.atomic():
                claim = _claim(g, stage)
                if claim is None:
                    continue
                rows = notify(_people(g, stage), verb=f"grievances.{stage}", text=text, url=grievance_url(g),
                              target=g)
                claim.recipients = len(rows)
                claim.save(update_fields=["recipients"])
                events.event_reminder(g, stage=stage, recipients=len(rows))
                record(f"grievance.reminder_{stage}", obj=g, changes={
                    "due_at": g.due_at, "recipients": sorted(r.recipient.get_username() for r in rows)})
            counts[str(stage)] += 1
    return counts
