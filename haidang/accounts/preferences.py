"""The kinds of notification a person may switch the e-mail of, with their labels. The verbs are
those the apps pass to `core.notifications.notify`; a kind not listed here always e-mails."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

NOTIFICATION_KINDS: list[tuple[str, list[tuple[str, object]]]] = [
    (_("Alerts"), [
        ("alerts.raised", _("a new alert for my agency")),
        ("alerts.escalated", _("an alert escalated")),
        ("alerts.digest", _("the daily digest")),
    ]),
    (_("Cases"), [
        ("cases.report_received", _("a report reached the lead agency")),
        ("cases.report_triaged", _("my report was triaged")),
        ("cases.invited", _("my agency was invited to a case")),
        ("cases.lead_officer", _("I was made the lead officer of a case")),
        ("cases.approval_needed", _("a handling plan awaits my approval")),
        ("cases.second_approval_needed", _("an action awaits a second approval")),
        ("cases.plan_returned", _("a plan was returned")),
        ("cases.action_assigned", _("my agency is to carry out an action")),
        ("cases.action_done", _("an action was carried out")),
        ("cases.outcome", _("a case was closed")),
        ("cases.appeal_filed", _("an appeal was filed")),
        ("cases.appeal_decided", _("my appeal was decided")),
        ("cases.correction_requested", _("a correction is requested about our article")),
    ]),
    (_("Grievances"), [
        ("grievances.received", _("a grievance reached my agency")),
        ("grievances.assigned", _("a grievance was assigned to me")),
        ("grievances.answer_submitted", _("an answer awaits my approval")),
        ("grievances.answered", _("an answer was approved")),
        ("grievances.answer_returned", _("my answer was returned")),
    ]),
    (_("Coordination"), [
        ("coordination.meeting_invitation", _("a meeting invitation")),
        ("coordination.meeting_cancelled", _("a meeting was cancelled")),
        ("coordination.consultation_question", _("a written consultation to answer")),
        ("coordination.consultation_answer", _("an agency answered a consultation")),
    ]),
]


def all_verbs() -> list[str]:
    return [verb for _group, kinds in NOTIFICATION_KINDS for verb, _label in kinds]
