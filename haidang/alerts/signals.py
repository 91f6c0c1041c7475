"""Signals of the alerts domain."""

from django.dispatch import Signal

# Sent after commit when an alert is raised or escalated: `alert_id`, `event` ("raised" | "escalated").
alert_event = Signal()
