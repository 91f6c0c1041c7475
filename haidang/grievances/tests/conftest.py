import uuid

import pytest
from django.utils import translation

from haidang.alerts import lsh


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read the English source strings, whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def story_index(settings):
    """A fresh near-duplicate index per test (as in the alerts tests), so stories never leak across tests."""
    settings.HAIDANG_STORIES = {"REDIS_PREFIX": f"haidang-test:{uuid.uuid4().hex}"}
    settings.HAIDANG_WEBHOOK_URL = ""
    lsh.reset_index(None)
    index = lsh.get_index()
    yield index
    if index.shared:
        index.clear()
    lsh.reset_index(None)
