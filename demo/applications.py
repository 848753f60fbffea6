"""Two applications to join the hub, waiting for the moderators (fictional institutions)."""

import datetime

from django.utils import timezone

from partners.models import InstitutionType, JoinApplication, Sector, ServiceKind

from .base import locale
from .records import records

# Fictional institutions; ``days_ago``: when it was sent, counted back from the day the demo
# loads, so the queue never looks stale.
APPLICATIONS = records("applications")


def load_applications(stats):
    """Create the demo applications once (found again by organisation name)."""
    default = locale("it")
    for data in APPLICATIONS:
        if JoinApplication.objects.filter(organisation=data["organisation"]).exists():
            continue
        fields = {
            k: v for k, v in data.items() if k not in {"sectors", "service_kinds", "days_ago"}
        }
        fields["institution_type"] = InstitutionType.objects.get(
            slug=data["institution_type"], locale=default
        )
        submitted = timezone.now() - datetime.timedelta(days=data["days_ago"])
        application = JoinApplication.objects.create(consent_at=submitted, **fields)
        # Dates relative to the day the demo loads: the queue never looks stale.
        JoinApplication.objects.filter(pk=application.pk).update(submitted_at=submitted)
        application.sectors.set(Sector.objects.filter(slug__in=data["sectors"], locale=default))
        application.service_kinds.set(
            ServiceKind.objects.filter(slug__in=data["service_kinds"], locale=default)
        )
        stats.created("applications to join")
