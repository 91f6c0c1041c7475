"""What each audit action code means, in words for the people who read the log (inspectors, admins).

The codes are the log's own vocabulary (`AuditEntry.action`), so their glossary lives here beside it; an
app that adds a code may also `register()` its label. Unknown codes show as written, never hidden.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

LABELS: dict[str, object] = {
    # accounts, agencies, tokens
    "account.2fa_enable": _("two-step sign-in turned on"), "account.2fa_disable": _("two-step sign-in turned off"),
    "account.2fa_failed": _("wrong second-factor code"), "account.notification_preferences": _("notification settings changed"),
    "account.password_change": _("password changed"), "account.password_reset": _("password reset"),
    "account.recovery_codes": _("recovery codes issued"), "account.recovery_code_used": _("recovery code used"),
    "agency.create": _("agency created"), "agency.update": _("agency edited"),
    "membership.add": _("officer added to an agency"), "membership.remove": _("officer removed from an agency"),
    "officer.create": _("officer account created"), "officer.create_superuser": _("administrator account created"),
    "api_token.issue": _("API token issued"), "api_token.revoke": _("API token revoked"),
    # the admin and the log itself
    "admin.add": _("added in the admin"), "admin.change": _("edited in the admin"), "admin.delete": _("deleted in the admin"),
    "admin.password_change": _("password changed in the admin"), "audit.checkpoint": _("audit checkpoint signed"),
    "view": _("viewed"), "export": _("exported"), "personal_data.reveal": _("personal data revealed"),
    # sources, items, analysis
    "source.create": _("source added"), "source.update": _("source edited"), "ingest.batch": _("items ingested"),
    "ingest.rejected": _("batch rejected"), "ingest.failed": _("ingest failed"), "snapshot.refetch": _("page fetched again"),
    "signals.store": _("analysis stored"), "verdict.create": _("officer's verdict on an item"),
    "model.register": _("model registered"), "model.activate": _("model activated"),
    "watchlist.create": _("watch-list created"), "watchlist.update": _("watch-list edited"),
    "stories.assign": _("items grouped into stories"), "stories.join": _("item joined a story"),
    # alerts
    "alert.raise": _("alert raised"), "alert.escalate": _("alert escalated"), "alert.extend": _("alert extended"),
    "alert.acknowledge": _("alert acknowledged"), "alert.dismiss": _("alert dismissed"), "alert.merge": _("alerts merged"),
    "alert.report": _("alert reported to the lead agency"), "alerts.digest": _("alert digest sent"),
    "routing.create": _("routing rule created"),
    # reports and cases
    "report.create": _("report received"), "report.accept": _("report accepted"), "report.dismiss": _("report dismissed"),
    "report.merge": _("report merged"), "report.generate": _("document generated"), "report.export": _("document exported"),
    "report.dossier": _("case dossier produced"), "report.periodic.produce": _("periodic report produced"),
    "report.periodic.save": _("periodic report saved"),
    "case.open": _("case opened"), "case.update": _("details edited"), "case.view": _("case viewed"),
    "case.transition": _("state changed"), "case.participant_add": _("agency invited"),
    "case.lead_officer": _("lead officer set"), "case.evidence_add": _("evidence added"),
    "case.coordination_start": _("coordination started"), "case.verification": _("verification recorded"),
    "case.appraisal": _("appraisal recorded"), "case.plan_action_add": _("action added to the plan"),
    "case.plan_submit": _("plan submitted for approval"), "case.plan_withdraw": _("plan withdrawn for revision"),
    "case.plan_approve": _("plan approved"), "case.plan_return": _("plan returned"),
    "case.action_second_approve": _("second approval"), "case.action_status": _("action status changed"),
    "case.action_proof": _("proof recorded"), "case.appeal_file": _("appeal filed"),
    "case.appeal_decide": _("appeal decided"), "case.decision_reverse": _("decision reversed"),
    "case.outcome": _("outcome updated"), "case.file_download": _("file downloaded"),
    # coordination
    "coordination.consultation_open": _("written consultation opened"),
    "coordination.consultation_close": _("written consultation closed"), "coordination.answer_revise": _("answer revised"),
    "coordination.meeting_create": _("meeting convened"), "coordination.meeting_reschedule": _("meeting rescheduled"),
    "coordination.meeting_cancel": _("meeting cancelled"), "coordination.meeting_attendance": _("attendance recorded"),
    "coordination.meeting_minutes": _("minutes recorded"), "coordination.meeting_conclude": _("meeting concluded"),
    # grievances
    "grievance.create": _("grievance received"), "grievance.assign": _("grievance assigned"),
    "grievance.reassign": _("grievance reassigned"), "grievance.take": _("grievance taken"),
    "grievance.voices_add": _("voices added to a grievance"), "grievance.deadline": _("answer deadline changed"),
    "grievance.answer_submit": _("answer submitted for approval"), "grievance.answer_approve": _("answer approved"),
    "grievance.answer_reject": _("answer returned"), "grievance.open_case": _("grievance escalated to a case"),
    "grievance.resume": _("grievance resumed"), "grievance.route_save": _("grievance routing table edited"),
    # claims
    "claim.create": _("claim created"), "claim.update": _("claim edited"), "claim.approve": _("claim approved for publication"),
    "claim.withdraw": _("claim withdrawn"), "claim.import": _("claims imported"), "claim.link": _("claim linked to a case"),
    "claim.match": _("post matched to a claim"), "claim.match_backward": _("earlier posts matched to a claim"),
    "claim.match_confirm": _("claim match confirmed"), "claim.match_reject": _("claim match rejected"),
    "claim.match_stance": _("claim match read as a refutation or a repeat"),
    # the API
    "api.webhook_create": _("webhook created"), "api.webhook_delete": _("webhook deleted"),
    "api.webhook_disable": _("webhook disabled"), "api.webhook_enable": _("webhook enabled"),
    "api.webhook_redeliver": _("webhook delivery sent again"),
}
# Codes made of a stem and a stage ("grievance.reminder_due"): the stem's label.
PREFIXES: dict[str, object] = {
    "coordination.reminder_": _("coordination reminder sent"), "grievance.reminder_": _("grievance reminder sent"),
}


def register(labels: dict[str, object]) -> None:
    """For an app that adds codes of its own; existing labels are kept."""
    for code, label in labels.items():
        LABELS.setdefault(code, label)


def label(code: str) -> str:
    """The words for an action code; the code itself when it has none."""
    if code in LABELS:
        return str(LABELS[code])
    for prefix, text in PREFIXES.items():
        if code.startswith(prefix):
            return f"{text} ({code[len(prefix):]})"
    return code
