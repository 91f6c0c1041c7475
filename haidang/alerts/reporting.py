"""Reporting an alert to the lead agency creates a cases Report. The cases app sits above alerts,
so it hands its report maker down when it loads (`CasesConfig.ready`) instead of being imported here."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

_create_report = None


def set_report_maker(make_report) -> None:
    """`make_report(**fields) -> Report`: the cases app's `do_create_report`."""
    global _create_report
    _create_report = make_report


def create_report(**fields):
    if _create_report is None:
        raise ImproperlyConfigured("no report maker is registered: is haidang.cases installed?")
    return _create_report(**fields)
