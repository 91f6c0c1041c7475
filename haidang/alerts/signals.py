"""Signals of the alerts domain."""

from django.dispatch import Signal

# Sent after commit when an alert is raised or escalated: `alert_id`, `event` ("raised" | "escalated").
alert_event = Signal()

# Sent after commit when `process_items` has put items into stories: `item_ids` (list[int]).
# Apps above alerts (grievances) connect to it; alerts never imports them.
stories_assigned = Signal()
