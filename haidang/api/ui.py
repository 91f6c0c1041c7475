"""Screens for an agency's coordinator: API tokens (issue, revoke) and webhooks (add, pause, the
delivery log, redeliver). Every write goes through api/actions.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haidang.agencies import access
from haidang.agencies.models import Agency, ApiToken

from . import actions
from .forms import TokenForm, WebhookForm
from .models import WebhookDelivery, WebhookSubscription


def _my_agencies(user):
    agencies = Agency.objects.filter(active=True)
    if not user.is_superuser:
        agencies = agencies.filter(pk__in=access.agency_ids(user, ("coordinator",)))
    return list(agencies.order_by("name"))


def _agency_or_404(request, agency_id) -> Agency:
    for agency in _my_agencies(request.user):
        if str(agency.pk) == str(agency_id):
            return agency
    raise Http404("not found")


@login_required
def index(request):
    return _index(request)


def _index(request, shown: dict | None = None):
    """`shown`: a new token or secret, shown in this one answer and never again (nor kept in the session)."""
    agencies = _my_agencies(request.user)
    if not agencies:
        raise Http404("not found")
    sections = []
    for agency in agencies:
        sections.append({
            "agency": agency,
            "tokens": ApiToken.objects.filter(agency=agency).order_by("revoked", "-created_at"),
            "webhooks": WebhookSubscription.objects.filter(agency=agency),
            "token_form": TokenForm(prefix=f"t{agency.pk}"),
            "webhook_form": WebhookForm(prefix=f"w{agency.pk}"),
        })
    return render(request, "api/index.html", {"sections": sections, "shown": shown})


def _fail(request, exc) -> None:
    text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    messages.error(request, text)


@login_required
@require_POST
def token_create(request, agency_id: int):
    agency = _agency_or_404(request, agency_id)
    form = TokenForm(request.POST, prefix=f"t{agency.pk}")
    if not form.is_valid():
        messages.error(request, _("The token was not issued: check the name, scopes and days."))
        return redirect("integrations:index")
    try:
        token, raw = actions.do_issue_token(acting_user=request.user, agency=agency, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
        return redirect("integrations:index")
    return _index(request, {"label": _("Token “%(name)s”") % {"name": token.name}, "value": raw})


@login_required
@require_POST
def token_revoke(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, agency__in=_my_agencies(request.user))
    actions.do_revoke_token(token, acting_user=request.user)
    messages.success(request, _("The token is revoked."))
    return redirect("integrations:index")


@login_required
@require_POST
def webhook_create(request, agency_id: int):
    agency = _agency_or_404(request, agency_id)
    form = WebhookForm(request.POST, prefix=f"w{agency.pk}")
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("integrations:index")
    try:
        subscription, secret = actions.do_create_subscription(acting_user=request.user, agency=agency,
                                                              **form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
        return redirect("integrations:index")
    return _index(request, {"label": _("Signing secret of webhook “%(name)s”") % {"name": subscription.name},
                            "value": secret})


def _subscription_or_404(request, webhook_id) -> WebhookSubscription:
    subscription = WebhookSubscription.objects.restrict(request.user).filter(pk=webhook_id).first()
    if subscription is None or not access.has_role(request.user, subscription.agency, ("coordinator",)):
        raise Http404("not found")
    return subscription


@login_required
def webhook_detail(request, webhook_id: int):
    subscription = _subscription_or_404(request, webhook_id)
    deliveries = subscription.deliveries.order_by("-created_at", "-id")[:100]
    return render(request, "api/webhook.html", {"subscription": subscription, "deliveries": deliveries})


@login_required
@require_POST
def webhook_toggle(request, webhook_id: int):
    subscription = _subscription_or_404(request, webhook_id)
    actions.do_set_subscription_active(subscription, not subscription.active, acting_user=request.user)
    return redirect("integrations:webhook", webhook_id=subscription.pk)


@login_required
@require_POST
def webhook_delete(request, webhook_id: int):
    subscription = _subscription_or_404(request, webhook_id)
    actions.do_delete_subscription(subscription, acting_user=request.user)
    messages.success(request, _("The webhook is deleted."))
    return redirect("integrations:index")


@login_required
@require_POST
def redeliver(request, delivery_id: int):
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("subscription__agency"), pk=delivery_id)
    _subscription_or_404(request, delivery.subscription_id)
    try:
        actions.do_redeliver(delivery, acting_user=request.user)
        messages.success(request, _("Sent again; the log shows the outcome."))
    except ValidationError as exc:
        _fail(request, exc)
    return redirect("integrations:webhook", webhook_id=delivery.subscription_id)
