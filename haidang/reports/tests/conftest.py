import datetime as dt

import pytest
from django.utils import timezone

from haidang.reports.tests.dataset import build_dataset


@pytest.fixture(autouse=True)
def _reports_dir(settings, tmp_path):
    settings.HAIDANG_REPORTS_DIR = tmp_path / "reports"


@pytest.fixture
def period():
    today = timezone.localdate()
    return today - dt.timedelta(days=30), today


@pytest.fixture
def dataset(personas, django_capture_on_commit_callbacks, monkeypatch):
    return build_dataset(personas, django_capture_on_commit_callbacks, monkeypatch)
