"""Root pytest configuration: shared fixtures for every app's tests."""

import pytest

from haidang.agencies.testing import personas  # noqa: F401  (re-exported fixture)


@pytest.fixture(autouse=True)
def _isolated_state(settings, tmp_path):
    """Each test gets its own evidence store and model folder, never the developer's var/."""
    settings.EVIDENCE_DIR = tmp_path / "evidence"
    settings.MODELS_DIR = tmp_path / "models"
    settings.MEDIA_ROOT = tmp_path / "media"
    yield
