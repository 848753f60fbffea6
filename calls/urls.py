"""Call alerts (calls.alert_views), under every language prefix."""

from django.urls import path

from . import alert_views

app_name = "calls"

urlpatterns = [
    path("call-alerts/", alert_views.subscribe, name="alerts_subscribe"),
    path("call-alerts/sent/", alert_views.sent, name="alerts_sent"),
    path("call-alerts/confirm/<str:token>/", alert_views.confirm, name="alerts_confirm"),
    path(
        "call-alerts/unsubscribe/<str:token>/",
        alert_views.unsubscribe,
        name="alerts_unsubscribe",
    ),
]
