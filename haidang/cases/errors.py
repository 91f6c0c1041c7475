"""Errors the case workflow raises. Their messages are translatable and shown to users as is."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class CaseError(Exception):
    """A workflow rule was broken. `message` is a (lazy) translated string for the user."""

    default_message = _("This cannot be done.")

    def __init__(self, message=None, **params):
        self.message = message if message is not None else self.default_message
        self.params = params
        super().__init__(str(self))

    def __str__(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text


class IllegalTransition(CaseError):
    """The case is not in a state from which this step is allowed."""

    default_message = _("This step is not allowed in the case's current state.")


class SafeguardViolation(CaseError):
    """An expression or press safeguard refuses the step (protected expression, press, no legal basis)."""

    default_message = _("A safeguard for freedom of expression or of the press refuses this action.")


class FourEyesRequired(CaseError):
    """A restrictive action lacks its second approver, or the second approver is not a different person."""

    default_message = _("This action needs a second approver who is neither the proposer nor the plan's approver.")
