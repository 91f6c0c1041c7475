"""The shared test base: personas every app's tests use.

- alice: coordinator of the lead agency
- lena:  leader (approver) of the lead agency
- lars:  a second leader of the lead agency (the "second approver" for four-eyes checks)
- bob:   officer of a second agency (the health department)
- hanh:  leader of the health department
- charlie: outsider — an officer of an agency that takes no part
- press: the provincial newspaper (a press agency)
"""

from __future__ import annotations

import pytest
from django.test import Client

from haidang.agencies.actions import do_create_agency, do_create_officer
from haidang.agencies.choices import AgencyKind

PASSWORD = "persona-password-123"


class Personas:
    def __init__(self):
        self.lead = do_create_agency(name="Sở Thông tin và Truyền thông", short_name="STTTT", kind=AgencyKind.LEAD)
        self.health = do_create_agency(name="Sở Y tế", short_name="SYT", kind=AgencyKind.DEPARTMENT)
        self.police = do_create_agency(name="Công an tỉnh", short_name="CAT", kind=AgencyKind.POLICE)
        self.ward = do_create_agency(name="UBND Phường Đồng Hới", short_name="P-DONGHOI", kind=AgencyKind.WARD,
                                     place_code="18880", place_name="Phường Đồng Hới")
        self.other = do_create_agency(name="Sở Giáo dục và Đào tạo", short_name="SGDDT", kind=AgencyKind.DEPARTMENT)
        self.press_agency = do_create_agency(name="Báo Quảng Trị", short_name="BQT", kind=AgencyKind.PRESS)
        self.alice = self._officer("alice", self.lead, "coordinator", designated=True)
        self.lena = self._officer("lena", self.lead, "leader")
        self.lars = self._officer("lars", self.lead, "leader")
        self.bob = self._officer("bob", self.health, "officer", designated=True)
        self.hanh = self._officer("hanh", self.health, "leader")
        self.peter = self._officer("peter", self.police, "officer", designated=True)
        self.walter = self._officer("walter", self.ward, "officer", designated=True)
        self.charlie = self._officer("charlie", self.other, "officer")
        self.vera = self._officer("vera", self.lead, "viewer")

    def _officer(self, username, agency, role, designated=False):
        return do_create_officer(username=username, password=PASSWORD, agency=agency, role=role,
                                 full_name=username.title(), email=f"{username}@example.test",
                                 designated=designated)

    def client_for(self, user) -> Client:
        client = Client()
        client.force_login(user)
        return client


@pytest.fixture
def personas(db) -> Personas:
    return Personas()
