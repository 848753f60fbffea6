"""Object types for items, named in all five languages."""

from django.db import migrations

from heritagehub.migration_helpers import create_vocabulary_terms

# slug: (it, en, fr, de, es)
OBJECT_TYPES = {
    "painting": ("Dipinto", "Painting", "Peinture", "Gemälde", "Pintura"),
    "drawing": ("Disegno", "Drawing", "Dessin", "Zeichnung", "Dibujo"),
    "print": ("Stampa", "Print", "Estampe", "Druckgrafik", "Grabado"),
    "photograph": ("Fotografia", "Photograph", "Photographie", "Fotografie", "Fotografía"),
    "sculpture": ("Scultura", "Sculpture", "Sculpture", "Skulptur", "Escultura"),
    "installation": ("Installazione", "Installation", "Installation", "Installation", "Instalación"),
    "document": ("Documento", "Document", "Document", "Dokument", "Documento"),
    "manuscript": ("Manoscritto", "Manuscript", "Manuscrit", "Handschrift", "Manuscrito"),
    "book": ("Libro", "Book", "Livre", "Buch", "Libro"),
    "map": ("Carta geografica", "Map", "Carte", "Landkarte", "Mapa"),
    "poster": ("Manifesto", "Poster", "Affiche", "Plakat", "Cartel"),
    "textile": ("Tessuto", "Textile", "Textile", "Textil", "Tejido"),
    "ceramic": ("Ceramica", "Ceramic", "Céramique", "Keramik", "Cerámica"),
    "coin": ("Moneta", "Coin", "Monnaie", "Münze", "Moneda"),
    "object": ("Oggetto", "Object", "Objet", "Objekt", "Objeto"),
    "sound-recording": (
        "Registrazione sonora", "Sound recording", "Enregistrement sonore", "Tonaufnahme",
        "Grabación sonora",
    ),
    "video": ("Video", "Video", "Vidéo", "Video", "Vídeo"),
}


def create_object_types(apps, schema_editor):
    create_vocabulary_terms(apps, "heritage_collections", "ObjectType", OBJECT_TYPES)


class Migration(migrations.Migration):
    dependencies = [
        ("heritage_collections", "0002_initial"),
        ("heritagehub", "0002_create_locales"),
    ]

    operations = [migrations.RunPython(create_object_types, migrations.RunPython.noop)]
