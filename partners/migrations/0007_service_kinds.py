"""The kinds of services and spaces partners offer, named in all five languages."""

from django.db import migrations

from heritagehub.migration_helpers import create_vocabulary_terms

# slug: (it, en, fr, de, es)
SERVICE_KINDS = {
    "fab-lab": ("Fab lab", "Fab lab", "Fab lab", "Fablab", "Fab lab"),
    "coworking": ("Coworking", "Coworking", "Coworking", "Coworking", "Coworking"),
    "residency-studio": (
        "Studio per residenze", "Residency studio", "Atelier de résidence", "Residenzatelier",
        "Estudio de residencia",
    ),
    "exhibition-space": (
        "Spazio espositivo", "Exhibition space", "Espace d'exposition", "Ausstellungsraum",
        "Espacio expositivo",
    ),
    "reading-room": ("Sala di lettura", "Reading room", "Salle de lecture", "Lesesaal", "Sala de lectura"),
    "archive": ("Archivio", "Archive", "Archives", "Archiv", "Archivo"),
    "library": ("Biblioteca", "Library", "Bibliothèque", "Bibliothek", "Biblioteca"),
    "training": ("Formazione", "Training", "Formation", "Weiterbildung", "Formación"),
    "mentoring": ("Mentoring", "Mentoring", "Mentorat", "Mentoring", "Mentoría"),
    "funding-advice": (
        "Consulenza su bandi e finanziamenti", "Funding advice", "Conseil en financement",
        "Förderberatung", "Asesoramiento sobre financiación",
    ),
    "incubation": ("Incubazione", "Incubation", "Incubation", "Inkubation", "Incubación"),
    "event-venue": ("Sala per eventi", "Event venue", "Lieu d'événements", "Veranstaltungsort",
                    "Espacio para eventos"),
    "concert-hall": ("Sala concerti", "Concert hall", "Salle de concert", "Konzertsaal",
                     "Sala de conciertos"),
    "recording-studio": (
        "Studio di registrazione", "Recording studio", "Studio d'enregistrement", "Tonstudio",
        "Estudio de grabación",
    ),
    "digitisation-lab": (
        "Laboratorio di digitalizzazione", "Digitisation lab", "Laboratoire de numérisation",
        "Digitalisierungslabor", "Laboratorio de digitalización",
    ),
    "meeting-room": ("Sala riunioni", "Meeting room", "Salle de réunion", "Besprechungsraum",
                     "Sala de reuniones"),
    "workshop": ("Laboratori", "Workshops", "Ateliers", "Workshops", "Talleres"),
    "education": (
        "Attività educative", "Education programmes", "Programmes éducatifs",
        "Bildungsprogramme", "Programas educativos",
    ),
    "open-data": ("Dati aperti", "Open data", "Données ouvertes", "Offene Daten", "Datos abiertos"),
    "research-support": (
        "Supporto alla ricerca", "Research support", "Aide à la recherche",
        "Rechercheunterstützung", "Apoyo a la investigación",
    ),
}


def create_kinds(apps, schema_editor):
    create_vocabulary_terms(apps, "partners", "ServiceKind", SERVICE_KINDS)


class Migration(migrations.Migration):
    dependencies = [("partners", "0006_directory_services_languages_country_coordinates")]

    operations = [migrations.RunPython(create_kinds, migrations.RunPython.noop)]
