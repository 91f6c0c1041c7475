"""On a generated data set, the periodic report's figures equal the database's own counts."""

import pytest
from django.db.models import Q

from haidang.alerts.models import Alert
from haidang.analysis.models import ItemSignals
from haidang.cases.choices import ActionKind, ActionStatus, CaseState
from haidang.cases.models import Appeal, Case, HandlingAction, Report
from haidang.content.models import Item
from haidang.grievances.models import Grievance
from haidang.reports.figures import HARM_CATEGORIES, bounds, periodic_figures


def _by_key(rows):
    return {key: n for key, _label, n in rows}


@pytest.mark.django_db
def test_figures_equal_the_database_counts(dataset, period):
    f = periodic_figures(*period)
    start, end = bounds(*period)
    in_period = Q(fetched_at__gte=start, fetched_at__lt=end)

    assert f["items"]["total"] == Item.objects.filter(in_period).count() == 6  # the 90-day-old item is out
    assert _by_key(f["items"]["by_source_kind"]) == {"feed": 4, "file": 2, "page": 0, "push": 0}
    harmful = ItemSignals.objects.filter(item__in=Item.objects.filter(in_period), top_category__in=HARM_CATEGORIES)
    assert f["harmful"]["total"] == harmful.count() == 5
    cats = _by_key(f["harmful"]["by_category"])
    assert cats["scam"] == 3 and cats["misinformation"] == 1 and cats["impersonation"] == 1 and cats["incitement"] == 0
    assert _by_key(f["harmful"]["by_place"]) == {"Phường Đồng Hới": 4}
    assert f["harmful"]["without_place"] == 1

    assert f["alerts"]["raised"] == Alert.objects.count() == 3
    assert f["alerts"]["handled"] == Alert.objects.filter(handled_at__isnull=False).count() == 1
    assert f["alerts"]["open"] == 2
    assert f["reports"]["received"] == Report.objects.count() == 7

    assert f["cases"]["opened"] == Case.objects.count() == 6
    assert f["cases"]["closed"] == Case.objects.filter(state=CaseState.CLOSED).count() == 1
    assert f["cases"]["dismissed"] == Case.objects.filter(state=CaseState.DISMISSED).count() == 1
    assert _by_key(f["cases"]["by_outcome"]) == {"unlawful": 1, "dismissed": 1}
    modes = [m for c in Case.objects.all() for m in c.coordination_modes]
    assert _by_key(f["cases"]["by_mode"]) == {"meeting": modes.count("meeting"), "written": modes.count("written")}
    assert modes.count("meeting") == 1

    assert f["actions"]["total"] == HandlingAction.objects.count() == 4
    kinds = _by_key(f["actions"]["by_kind"])
    assert kinds["request_removal"] == HandlingAction.objects.filter(kind=ActionKind.REQUEST_REMOVAL).count() == 2
    assert kinds["publish_official_info"] == 1 and kinds["request_correction"] == 1
    removal = f["requests"]["request_removal"]
    assert removal["made"] == 2 and removal["done"] == 1 and removal["pending"] == 1
    assert removal["done"] == HandlingAction.objects.filter(kind=ActionKind.REQUEST_REMOVAL, status=ActionStatus.DONE).count()
    assert f["requests"]["request_correction"] == {"made": 1, "done": 0, "failed": 0, "pending": 1, "cancelled": 0}

    assert f["grievances"]["received"] == Grievance.objects.count() == 2
    assert f["grievances"]["answered"] == Grievance.objects.filter(answered_at__isnull=False).count() == 1
    assert f["grievances"]["on_time"] == 1
    assert f["appeals"]["received"] == Appeal.objects.count() == 1
    assert f["deadlines"]["actions_due"] == 0  # the actions' deadlines fall after the period


@pytest.mark.django_db
def test_a_period_before_everything_counts_nothing(dataset, period):
    import datetime as dt

    f = periodic_figures(period[0] - dt.timedelta(days=400), period[0] - dt.timedelta(days=370))
    assert f["items"]["total"] == 0 and f["cases"]["opened"] == 0 and f["alerts"]["raised"] == 0
