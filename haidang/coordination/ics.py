"""The iCalendar (.ics) invitation of a meeting, e-mailed to invitees and downloadable."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Meeting


def meeting_summary(meeting: Meeting) -> str:
    """The subject line. A confidential case travels by its code only (as in every notification)."""
    case = meeting.case
    if case.is_confidential:
        return _("Meeting on case %(code)s") % {"code": case.code}
    return f"{meeting.title} ({case.code})"


def meeting_ics(meeting: Meeting, *, attendees=(), method: str = "REQUEST") -> bytes:
    case = meeting.case
    url = settings.SITE_URL.rstrip("/") + reverse("coordination:meeting", args=[meeting.pk])
    cal = Calendar()
    cal.add("prodid", "-//Hai Dang//coordination//VI")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"{meeting.uid}@haidang")
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
    event.add("summary", meeting_summary(meeting))
    location = meeting.place or meeting.online_link
    if location:
        event.add("location", location)
    # The agenda quotes evidence and findings: confidential cases keep it inside the system.
    description = url if case.is_confidential else f"{meeting.agenda}\n\n{url}".strip()
    event.add("description", description)
    event.add("url", url)
    if method == "CANCEL" or meeting.status == "cancelled":
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(case.lead_agency.name)
    event["organizer"] = organizer
    for user in attendees:
        if not user.email:
            continue
        attendee = vCalAddress(f"mailto:{user.email}")
        attendee.params["cn"] = vText(user.get_full_name() or user.get_username())
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=0)
    cal.add_component(event)
    return cal.to_ical()
