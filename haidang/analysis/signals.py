"""Signals other apps connect to.

`items_analyzed(sender, item_ids: list[int])` is sent after the signals of a batch of items are stored
(stories and alerts connect here).
"""

from django.dispatch import Signal

items_analyzed = Signal()
