"""Signals other apps connect to.

`items_ingested(sender, item_ids: list[int])` is sent after each committed batch of new or
changed items (through `transaction.on_commit`, so receivers always see the rows). Analysis and
stories connect here; receivers should enqueue a task rather than do heavy work inline, because
they run in the ingesting process.
"""

from django.dispatch import Signal

items_ingested = Signal()
