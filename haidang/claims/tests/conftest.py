import uuid

import pytest
from django.core.cache import cache
from django.utils import translation

from haidang.alerts import lsh
from haidang.claims.index import reset_index


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read the English source strings, whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_indexes(settings):
    """A fresh story index and claim index per test, and no cached public page from another test."""
    settings.HAIDANG_STORIES = {"REDIS_PREFIX": f"haidang-test:{uuid.uuid4().hex}"}
    settings.HAIDANG_WEBHOOK_URL = ""
    lsh.reset_index(None)
    reset_index()
    cache.clear()
    yield
    index = lsh.get_index()
    if index.shared:
        index.clear()
    lsh.reset_index(None)
    reset_index()
    cache.clear()
