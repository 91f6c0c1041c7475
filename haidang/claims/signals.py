"""Signals of the claim library."""

from django.dispatch import Signal

# Sent after the commit with `claim_pks`: claims recorded, edited or approved (receivers.py queues the
# backward matching of recent items against them; actions never import tasks).
claims_recorded = Signal()
