"""Two applications to join the hub, waiting for the moderators (fictional institutions)."""

import datetime

from django.utils import timezone

from partners.models import InstitutionType, JoinApplication, Sector, ServiceKind

from .base import locale

APPLICATIONS = [
    {
        "organisation": "Officina delle Arti Grafiche",
        "institution_type": "creative-hub",
        "sectors": ["publishing", "design"],
        "service_kinds": ["workshop", "exhibition-space", "residency-studio"],
        "services": ["Laboratorio di stampa tipografica", "Archivio di caratteri mobili"],
        "city": "Parma",
        "region": "Emilia-Romagna",
        "country": "Italia",
        "website": "https://officina-grafica.example",
        "contact_name": "Marta Ferri",
        "email": "marta.ferri@officina-grafica.example",
        "phone": "+39 0521 000 000",
        "statement": (
            "Siamo una cooperativa di grafici e stampatori che custodisce un archivio di "
            "caratteri mobili e matrici xilografiche. Abbiamo risposto alla manifestazione di "
            "interesse dell'hub regionale per mettere il nostro laboratorio a disposizione di "
            "scuole, artisti e altri spoke, e vorremmo pubblicare qui l'archivio e le storie "
            "delle botteghe tipografiche della città."
        ),
        "language": "it",
        "days_ago": 3,
    },
    {
        "organisation": "Medienwerkstatt am Fluss",
        "institution_type": "community-space",
        "sectors": ["cinema", "tv-radio"],
        "service_kinds": ["digitisation-lab", "workshop"],
        "services": ["Schnittplatz für Vereine"],
        "city": "Köln",
        "region": "Nordrhein-Westfalen",
        "country": "Deutschland",
        "website": "https://medienwerkstatt-fluss.example",
        "contact_name": "Jonas Albers",
        "email": "jonas.albers@medienwerkstatt-fluss.example",
        "phone": "",
        "statement": (
            "Wir sind ein Verein, der Amateurfilme aus den Familien des Viertels sammelt, "
            "digitalisiert und mit den Menschen vor Ort erzählt. Wir möchten unsere "
            "Filmsammlung und unsere Werkstatt im Hub teilen und von den Erfahrungen der "
            "Archive lernen."
        ),
        "language": "de",
        "days_ago": 1,
    },
]


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
