import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture
def english_and_fresh_cache(settings):
    """English labels, and no cached figure carried in from another test (the dashboard caches its counts)."""
    settings.LANGUAGE_CODE = "en"
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()
