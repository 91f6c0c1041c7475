"""`{% alert_card alert %}`: one card of the alert queue (and of the story page), built in Python.

The queue shows 50 cards a page. As a template (`_alert.html` with `_actions.html`) a card was some
80 nodes — a dozen `{% translate %}`, three forms, forty look-ups — about 1 ms of Python each, two
thirds of the page's time. This writes the same HTML, byte for byte (`tests/test_alert_card.py`
renders the template it replaced beside it), with the labels translated once a page.

The card needs `_decorate()` (alerts/views.py) to have run: `ref`, `urls`, `shown_title`,
`status_label`, `reason_list`, `places`, `can_handle`, `story_size`. Every value is escaped here;
the labels are the catalogue's own strings, as `{% translate %}` wrote them."""

from __future__ import annotations

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from haidang.content.templatetags.monitoring_tags import category_label
from haidang.core.templatetags.haidang_tags import priority_badge, vi_number, when

register = template.Library()

# The msgids of the card's `{% translate %}` tags, translated once a page.
_MSGIDS = {
    "alert": "Alert", "why": "Why this alert was raised", "routed": "Routed to", "rule": "rule", "story": "Story",
    "spike": "Spike", "places": "Places", "category": "Category", "raised": "Raised", "updated": "updated",
    "actions": "Actions on this alert", "acknowledge": "Acknowledge", "report": "Report to the lead agency",
    "report_why": "Why the lead agency should handle it", "optional": "optional",
    "report_help": "A report is created for the lead agency to triage; the alert leaves your queue.",
    "report_send": "Send the report", "dismiss": "Dismiss", "dismiss_reason": "Reason for dismissal",
    "required": "required",
    "dismiss_help": "Say why no action is needed, e.g. old news, already handled, not harmful. The reason is kept "
                    "in the audit log.",
    "dismiss_send": "Dismiss the alert",
    "locked": "Only the agency this alert is routed to, or the lead agency, can handle it.",
    "reported": "Reported to the lead agency", "report_link": "Report", "dismissed": "Dismissed",
}


def _e(value) -> str:
    """What `{{ value }}` writes: localised, then escaped (a SafeString as it is)."""
    return conditional_escape(str(localize(value)))


def _page_parts(context) -> dict:
    """Once a page: the labels, the CSRF field (the page's one token) and where the forms come back to."""
    cache = context.render_context.dicts[0]
    parts = cache.get("haidang_alert_card")
    if parts is None:
        labels = {key: gettext(msgid) for key, msgid in _MSGIDS.items()}
        request = context.get("request")
        next_url = context.get("next_url") or (request.get_full_path() if request is not None else "")
        parts = cache["haidang_alert_card"] = {"L": labels, "csrf": CsrfTokenNode().render(context),
                                               "next": _e(next_url) if next_url else ""}
    return parts


def _handler(alert) -> str:
    user = alert.handled_by
    return _e(user.get_full_name() or user.username)


def _actions(alert, parts) -> str:
    """`_actions.html`: the forms of an alert still to handle, or what became of it."""
    L, csrf, next_url, ref = parts["L"], parts["csrf"], parts["next"], alert.ref
    status = alert.status
    if status in ("open", "acknowledged"):
        if alert.can_handle:
            ack = ""
            if status == "open":
                ack = (f'\n  <form method="post" action="{_e(alert.urls["acknowledge"])}" data-alert-form="acknowledge">{csrf}\n'
                       f'    <input type="hidden" name="next" value="{next_url}">\n'
                       f'    <button class="btn btn-sm btn-outline-primary" type="submit" data-alert-action="acknowledge">'
                       f'<i class="bi bi-eye" aria-hidden="true"></i> {L["acknowledge"]}</button>\n'
                       f'  </form>\n  ')
            inner = (f'\n<div class="hd-alert-actions" role="group" aria-label="{L["actions"]}">\n  {ack}\n'
                     f'  <details class="hd-action" data-alert-form="report">\n'
                     f'    <summary class="btn btn-sm btn-outline-danger" data-alert-action="report"><i class="bi bi-send" aria-hidden="true"></i> {L["report"]}</summary>\n'
                     f'    <form method="post" action="{_e(alert.urls["report"])}" class="hd-action-panel">{csrf}\n'
                     f'      <input type="hidden" name="next" value="{next_url}">\n'
                     f'      <label class="form-label small mb-1" for="report-reason-{ref}">{L["report_why"]} <span class="text-secondary">({L["optional"]})</span></label>\n'
                     f'      <textarea class="form-control form-control-sm" id="report-reason-{ref}" name="reason" rows="2" maxlength="2000"></textarea>\n'
                     f'      <p class="form-text small mb-2">{L["report_help"]}</p>\n'
                     f'      <button class="btn btn-sm btn-danger" type="submit" data-alert-submit="report"><i class="bi bi-send" aria-hidden="true"></i> {L["report_send"]}</button>\n'
                     f'    </form>\n'
                     f'  </details>\n'
                     f'  <details class="hd-action" data-alert-form="dismiss">\n'
                     f'    <summary class="btn btn-sm btn-outline-secondary" data-alert-action="dismiss"><i class="bi bi-x-circle" aria-hidden="true"></i> {L["dismiss"]}</summary>\n'
                     f'    <form method="post" action="{_e(alert.urls["dismiss"])}" class="hd-action-panel">{csrf}\n'
                     f'      <input type="hidden" name="next" value="{next_url}">\n'
                     f'      <label class="form-label small mb-1" for="dismiss-reason-{ref}">{L["dismiss_reason"]} <span class="text-danger">({L["required"]})</span></label>\n'
                     f'      <textarea class="form-control form-control-sm" id="dismiss-reason-{ref}" name="reason" rows="2" maxlength="2000" required aria-describedby="dismiss-help-{ref}"></textarea>\n'
                     f'      <p class="form-text small mb-2" id="dismiss-help-{ref}">{L["dismiss_help"]}</p>\n'
                     f'      <button class="btn btn-sm btn-secondary" type="submit" data-alert-submit="dismiss"><i class="bi bi-x-circle" aria-hidden="true"></i> {L["dismiss_send"]}</button>\n'
                     f'    </form>\n'
                     f'  </details>\n'
                     f'</div>\n')
        else:
            inner = f'\n<p class="small text-secondary mb-0 mt-2"><i class="bi bi-lock" aria-hidden="true"></i> {L["locked"]}</p>\n'
        return "\n" + inner + "\n\n"
    if status in ("reported", "dismissed"):
        handled = (f" · {_handler(alert)}" if alert.handled_by else "") + (f" · {when(alert.handled_at)}" if alert.handled_at else "")
        if status == "reported":
            link = ""
            if alert.report_id:
                link = (f' · <a href="{_e(reverse("cases:report_detail", args=[alert.report_id]))}">{L["report_link"]} '
                        f'#{_e(alert.report_id)}</a>')
            line = (f'<p class="small mb-0 mt-2" data-alert-outcome="reported"><i class="bi bi-send-check" aria-hidden="true"></i> '
                    f'{L["reported"]}{handled}{link}</p>')
        else:
            line = (f'<p class="small mb-0 mt-2 text-secondary" data-alert-outcome="dismissed"><i class="bi bi-x-circle" aria-hidden="true"></i> '
                    f'{L["dismissed"]}{handled}: <span class="hd-dismiss-reason">{_e(alert.dismiss_reason)}</span></p>')
        return "\n\n" + line + "\n\n"
    return "\n\n"


def card_html(alert, parts, *, on_story_page: bool = False) -> SafeString:
    L, ref, status = parts["L"], alert.ref, _e(alert.status)
    if on_story_page:
        heading = f'{L["alert"]} #{ref}'
    elif alert.story_id:
        heading = f'<a href="{_e(alert.urls.get("story", ""))}">{_e(alert.shown_title)}</a>'
    else:
        heading = _e(alert.shown_title)
    reasons = "".join(
        f'<li class="hd-reason hd-reason-{_e(r["value"])}" data-reason="{_e(r["value"])}"><i class="bi bi-{_e(r["icon"])}" '
        f'aria-hidden="true"></i> {_e(r["label"])}'
        + (f'<span class="hd-reason-detail"> · {_e(r["detail"])}</span>' if r["detail"] else "") + "</li>"
        for r in alert.reason_list)
    agency = alert.agency
    routed = (f'<abbr title="{_e(agency.name)}">{_e(agency.short_name)}</abbr>' if agency else "—") + (
        f' <span class="text-secondary">({L["rule"]}: {_e(alert.routed_by)})</span>' if alert.routed_by else "")
    if alert.story_id:
        story = alert.story
        growth = ""
        if story.growth_1h or story.growth_24h:
            growth = (' · <span><i class="bi bi-graph-up-arrow" aria-hidden="true"></i> '
                      + gettext("%(g1)s items/h in the last hour, %(g24)s/h over 24 h")
                      % {"g1": _e(vi_number(story.growth_1h)), "g24": _e(vi_number(story.growth_24h))} + "</span>")
        facts = f'\n      <div><dt>{L["story"]}</dt><dd>{_e(alert.story_size)}{growth}</dd></div>\n      '
    elif alert.kind == "spike":
        n = alert.item_count
        facts = (f'\n      <div><dt>{L["spike"]}</dt><dd>'
                 + ngettext("%(n)s item", "%(n)s items", n) % {"n": _e(n)} + "</dd></div>\n      ")
    else:
        facts = ""
    places = (f'<div><dt>{L["places"]}</dt><dd>' + ", ".join(_e(name) for name, _n in alert.places) + "</dd></div>"
              if alert.places else "")
    category = f'<div><dt>{L["category"]}</dt><dd>{_e(category_label(alert.category))}</dd></div>' if alert.category else ""
    try:
        updated = alert.updated_at > alert.created_at
    except TypeError:  # as `{% if %}`: a comparison that fails is false
        updated = False
    raised = when(alert.created_at) + (
        f' <span class="text-secondary">· {L["updated"]} {when(alert.updated_at)}</span>' if updated else "")
    return mark_safe(
        f'<article class="card hd-alert hd-alert-{_e(alert.priority or "low")} mb-2" id="alert-{ref}" data-alert-id="{ref}" '
        f'data-alert-status="{status}" aria-labelledby="alert-{ref}-title">\n'
        f'  <div class="card-body py-2">\n'
        f'    <h3 class="h6 mb-1 hd-alert-title" id="alert-{ref}-title">\n'
        f'      {priority_badge(alert, small=True)}\n'
        f'      {heading}\n'
        f'    </h3>\n'
        f'    <div class="hd-alert-tags">\n'
        f'      <span class="badge hd-status hd-status-{status}" data-alert-status-label>{_e(alert.status_label)}</span>\n'
        f'      <ul class="hd-reasons" aria-label="{L["why"]}">\n'
        f'        {reasons}\n'
        f'      </ul>\n'
        f'    </div>\n'
        f'    <dl class="hd-alert-facts small">\n'
        f'      <div><dt>{L["routed"]}</dt><dd>{routed}</dd></div>\n'
        f'      {facts}\n'
        f'      {places}\n'
        f'      {category}\n'
        f'      <div><dt>{L["raised"]}</dt><dd>{raised}</dd></div>\n'
        f'    </dl>\n'
        f'    {_actions(alert, parts)}\n'
        f'  </div>\n'
        f'</article>\n')


@register.simple_tag(takes_context=True)
def alert_card(context, alert, *, on_story_page: bool = False) -> SafeString:
    """`{% alert_card alert %}`; on the story page `on_story_page=True` (the story is the page's subject)."""
    return card_html(alert, _page_parts(context), on_story_page=bool(on_story_page))
