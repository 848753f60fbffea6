"""The hub's kinds of events, named in all five languages."""

from django.db import migrations

from heritagehub.migration_helpers import create_vocabulary_terms

# slug: (it, en, fr, de, es)
EVENT_KINDS = {
    "exhibition": ("Mostra", "Exhibition", "Exposition", "Ausstellung", "Exposición"),
    "workshop": ("Laboratorio", "Workshop", "Atelier", "Workshop", "Taller"),
    "talk": ("Incontro", "Talk", "Rencontre", "Vortrag", "Charla"),
    "performance": ("Spettacolo", "Performance", "Spectacle", "Aufführung", "Espectáculo"),
    "concert": ("Concerto", "Concert", "Concert", "Konzert", "Concierto"),
    "screening": ("Proiezione", "Screening", "Projection", "Filmvorführung", "Proyección"),
    "open-studio": (
        "Studio aperto di residenza", "Residency open studio", "Atelier ouvert de résidence",
        "Offenes Atelier der Residenz", "Estudio abierto de residencia",
    ),
    "guided-tour": ("Visita guidata", "Guided tour", "Visite guidée", "Führung", "Visita guiada"),
    "online": ("Evento online", "Online event", "Événement en ligne", "Online-Veranstaltung",
               "Evento en línea"),
    "festival": ("Festival", "Festival", "Festival", "Festival", "Festival"),
    "conference": ("Convegno", "Conference", "Colloque", "Tagung", "Congreso"),
    "course": ("Corso", "Course", "Cours", "Kurs", "Curso"),
    "family": ("Per famiglie", "Family activity", "Activité en famille", "Familienprogramm",
               "Actividad en familia"),
}


def create_kinds(apps, schema_editor):
    create_vocabulary_terms(apps, "events", "EventKind", EVENT_KINDS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("heritagehub", "0002_create_locales"),
    ]

    operations = [migrations.RunPython(create_kinds, migrations.RunPython.noop)]
