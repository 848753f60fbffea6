"""The hub's institution types and sectors, named in all five languages."""

from django.db import migrations

from heritagehub.migration_helpers import create_vocabulary_terms

# slug: (it, en, fr, de, es)
INSTITUTION_TYPES = {
    "museum": ("Museo", "Museum", "Musée", "Museum", "Museo"),
    "archive": ("Archivio", "Archive", "Archives", "Archiv", "Archivo"),
    "library": ("Biblioteca", "Library", "Bibliothèque", "Bibliothek", "Biblioteca"),
    "research-centre": (
        "Centro di ricerca", "Research centre", "Centre de recherche", "Forschungszentrum",
        "Centro de investigación",
    ),
    "creative-hub": ("Hub creativo", "Creative hub", "Hub créatif", "Kreativzentrum", "Centro creativo"),
    "incubator": ("Incubatore", "Incubator", "Incubateur", "Inkubator", "Incubadora"),
    "community-space": (
        "Spazio di comunità", "Community space", "Espace communautaire", "Gemeinschaftsraum",
        "Espacio comunitario",
    ),
    "digital-platform": (
        "Piattaforma digitale", "Digital platform", "Plateforme numérique", "Digitale Plattform",
        "Plataforma digital",
    ),
    "company": ("Impresa", "Company", "Entreprise", "Unternehmen", "Empresa"),
}

SECTORS = {
    "cultural-heritage": (
        "Patrimonio culturale", "Cultural heritage", "Patrimoine culturel", "Kulturerbe",
        "Patrimonio cultural",
    ),
    "architecture": ("Architettura", "Architecture", "Architecture", "Architektur", "Arquitectura"),
    "music-performing-arts": (
        "Musica e spettacolo", "Music and performing arts", "Musique et arts du spectacle",
        "Musik und darstellende Kunst", "Música y artes escénicas",
    ),
    "contemporary-art": (
        "Arte contemporanea", "Contemporary art", "Art contemporain", "Zeitgenössische Kunst",
        "Arte contemporáneo",
    ),
    "cinema": ("Cinema", "Cinema", "Cinéma", "Film", "Cine"),
    "software": ("Software", "Software", "Logiciel", "Software", "Software"),
    "publishing": ("Editoria", "Publishing", "Édition", "Verlagswesen", "Edición"),
    "advertising": ("Pubblicità", "Advertising", "Publicité", "Werbung", "Publicidad"),
    "tv-radio": ("Televisione e radio", "TV and radio", "Télévision et radio", "Fernsehen und Radio",
                 "Televisión y radio"),
    "fashion": ("Moda", "Fashion", "Mode", "Mode", "Moda"),
    "design": ("Design", "Design", "Design", "Design", "Diseño"),
    "food-gastronomy": (
        "Gusto e gastronomia", "Food and gastronomy", "Alimentation et gastronomie",
        "Lebensmittel und Gastronomie", "Alimentación y gastronomía",
    ),
}

def create_vocabularies(apps, schema_editor):
    create_vocabulary_terms(apps, "partners", "InstitutionType", INSTITUTION_TYPES)
    create_vocabulary_terms(apps, "partners", "Sector", SECTORS)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("heritagehub", "0002_create_locales"),
    ]

    operations = [migrations.RunPython(create_vocabularies, migrations.RunPython.noop)]
