from django.urls import path

from . import ui

app_name = "integrations"
urlpatterns = [
    path("", ui.index, name="index"),
    path("agencies/<int:agency_id>/tokens/", ui.token_create, name="token_create"),
    path("tokens/<int:token_id>/revoke/", ui.token_revoke, name="token_revoke"),
    path("agencies/<int:agency_id>/webhooks/", ui.webhook_create, name="webhook_create"),
    path("webhooks/<int:webhook_id>/", ui.webhook_detail, name="webhook"),
    path("webhooks/<int:webhook_id>/toggle/", ui.webhook_toggle, name="webhook_toggle"),
    path("webhooks/<int:webhook_id>/delete/", ui.webhook_delete, name="webhook_delete"),
    path("deliveries/<int:delivery_id>/redeliver/", ui.redeliver, name="redeliver"),
]
