"""The alert queue and the story page. Access: queries.access_*_for_user (404 for outsiders);
roles: actions.py (PermissionDenied → 403)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.core import access

from . import actions, forms, queries
from .choices import AlertStatus
from .models import Alert, Story
from .svg import bar_chart


@login_required
def queue(request):
    access.require_officer_or_404(request.user)
    status = request.GET.get("status", "open")
    agency = request.GET.get("agency") or None
    alerts = queries.alert_queue(request.user, status=status, agency_id=agency)
    page = Paginator(alerts, 50).get_page(request.GET.get("page"))
    return render(request, "alerts/queue.html", {
        "page": page, "status": status, "statuses": [("open", _("open"))] + list(AlertStatus.choices),
        "dismiss_form": forms.DismissForm(), "report_form": forms.ReportForm(),
        "by_priority": queries.open_by_priority(request.user),
    })


def _handle(request, alert_id: int, perform, done: str):
    alert = queries.access_alert_for_user(request.user, alert_id)
    try:
        perform(alert)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except PermissionDenied:
        raise
    else:
        messages.success(request, done)
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return redirect(target)
    return redirect("alerts:queue")


@login_required
@require_POST
def acknowledge(request, alert_id: int):
    return _handle(request, alert_id, lambda a: actions.do_acknowledge_alert(a, acting_user=request.user),
                   _("Alert acknowledged."))


@login_required
@require_POST
def dismiss(request, alert_id: int):
    form = forms.DismissForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _handle(request, alert_id,
                   lambda a: actions.do_dismiss_alert(a, reason=reason, acting_user=request.user),
                   _("Alert dismissed."))


@login_required
@require_POST
def report(request, alert_id: int):
    form = forms.ReportForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _handle(request, alert_id,
                   lambda a: actions.do_report_alert(a, reason=reason, acting_user=request.user),
                   _("Reported to the lead agency."))


@login_required
def story_list(request):
    access.require_officer_or_404(request.user)
    stories = Story.objects.restrict(request.user).live().filter(item_count__gt=1).order_by("-last_seen")
    page = Paginator(stories, 50).get_page(request.GET.get("page"))
    return render(request, "alerts/stories.html", {"page": page})


@login_required
def story_detail(request, story_id: int):
    story = queries.access_story_for_user(request.user, story_id)
    if story.merged_into_id:
        return redirect("alerts:story", story.merged_into_id)
    alert = Alert.objects.restrict(request.user).filter(story=story).select_related("agency").first()
    timeline = queries.story_timeline(story)
    return render(request, "alerts/story.html", {
        "story": story, "alert": alert, "items": queries.story_items(story),
        "sources": queries.story_sources(story), "places": story.top_places(),
        "chart": bar_chart(timeline, title=_("Items per hour")), "timeline": timeline,
        "merges": story.merges_in.select_related("merged")[:20],
        "dismiss_form": forms.DismissForm(), "report_form": forms.ReportForm(),
    })
