"""Shared set-up of the API tests: a token per persona and a small workflow made through the actions."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation
from rest_framework.test import APIClient

from haidang.agencies.models import ApiToken
from haidang.alerts.models import Alert
from haidang.cases import actions as case_actions
from haidang.coordination import actions as coordination_actions
from haidang.grievances import actions as grievance_actions


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read the English source strings, whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    settings.HAIDANG_WEBHOOK_URL = ""
    with translation.override("en"):
        yield


def make_token(user, agency, scopes=("read",), *, days=30) -> str:
    raw = ApiToken.generate_key()
    ApiToken.objects.create(name=f"{user.username}-{'-'.join(scopes)}", agency=agency, user=user,
                            key_hash=ApiToken.hash_key(raw), prefix=raw[3:9], scopes=list(scopes),
                            expires_at=timezone.now() + dt.timedelta(days=days))
    return raw


def api(raw: str | None = None) -> APIClient:
    client = APIClient()
    if raw:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


def build_world(p) -> SimpleNamespace:
    """A case of each confidentiality, a consultation and a meeting, alerts and a grievance."""
    w = SimpleNamespace()

    def case(confidentiality, participants):
        report = case_actions.do_create_report(
            acting_user=p.bob, url=f"https://scam.example.net/{confidentiality}", description="Fake SYT page",
            category="scam", urgency="high", reason="asks for money")
        return case_actions.do_accept_report(report, acting_user=p.alice, title=f"Case {confidentiality}",
                                             confidentiality=confidentiality, participants=participants)

    w.normal = case("normal", [p.health])
    w.internal = case("internal", [p.police])
    w.confidential = case("confidential", [p.police])
    w.consultation = coordination_actions.do_open_consultation(
        w.normal, acting_user=p.alice, title="Opinions", agencies=[p.health, p.police],
        question_verification="Is the page yours?", deadline=timezone.now() + dt.timedelta(days=3))
    w.meeting = coordination_actions.do_create_meeting(
        w.confidential, acting_user=p.alice, title="Agree the handling", place="Room 2",
        starts_at=timezone.now() + dt.timedelta(days=1), agencies=[p.police])
    w.alert_high = Alert.objects.create(dedupe_key="t:high", title="Scam wave", priority="high", category="scam",
                                        agency=p.health, reasons=["priority"])
    w.alert_low = Alert.objects.create(dedupe_key="t:low", title="Pipe burst", priority="low", category="other",
                                       agency=p.ward, reasons=["priority"])
    w.grievance = grievance_actions.do_create_grievance(acting_user=p.bob, title="Hospital queues", text="Chờ cả ngày",
                                                        agency=p.health)
    return w


@pytest.fixture
def world(personas):
    return build_world(personas)
