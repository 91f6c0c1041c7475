"""Fixtures of the tests of the worker's bulk analysis (chunked writes, claims between consumers)."""

from __future__ import annotations

import pytest

from haidang.analysis.models import ItemSignals
from haidang.analysis.signals import items_analyzed
from haidang.content.ingest import ingest_records
from haidang.content.models import Item
from haidang.content.tests.helpers import file_source


@pytest.fixture
def items(personas):
    """Ten stored items with no signals yet, their primary keys in order."""
    ingest_records(file_source(personas), [
        {"id": f"c{i}", "text": f"Bài số {i}: chuyển khoản nhận thưởng qua tài khoản ngân hàng"} for i in range(10)])
    ItemSignals.objects.all().delete()  # analysed inline on ingest in tests: start from none
    return sorted(Item.objects.values_list("pk", flat=True))


@pytest.fixture
def sent():
    """The item ids of every `items_analyzed` signal sent during the test, one list per signal."""
    batches: list[list[int]] = []

    def listen(sender, item_ids=None, **kwargs):
        batches.append(list(item_ids))

    items_analyzed.connect(listen, dispatch_uid="analysis_batch_fixtures")
    yield batches
    items_analyzed.disconnect(dispatch_uid="analysis_batch_fixtures")
