"""What each demo partner offers (services and spaces), its country and its languages.

Taken from the services each partner's profile already names (``heritagehub.demo.partners``,
from the seed documents or the institutions' well-known public facts): an offer is listed
only where the profile says the partner offers it. No capacity is given where none is known;
"how to book" is the partner's website, the only booking channel the sources name. Notes are
written in the partner's source language next to their translation, like the profiles.
"""

from dataclasses import dataclass

from .base import Bi


@dataclass(frozen=True)
class DemoOffer:
    kind: str  # a ServiceKind slug (partners/migrations/0007_service_kinds.py)
    note: Bi | None = None
    capacity: int | None = None


O = DemoOffer  # noqa: E741 - short, for the table below

# slug: (ISO 3166 country code, language codes, offers)
PARTNER_FACTS = {
    "polo-del-900": ("IT", ["it"], [
        O("archive", Bi("Archivi del Novecento aperti alla consultazione, anche in digitale",
                        "Twentieth-century archives open for research, also online")),
        O("library", Bi("Le biblioteche delle 26 istituzioni partner",
                        "The libraries of its 26 partner institutions")),
        O("exhibition-space", Bi("Mostre su storia e memoria",
                                 "Exhibitions on history and memory")),
        O("education", Bi("Programmi educativi per scuole e adulti",
                          "Education programmes for schools and adults")),
    ]),
    "farm-cultural-park": ("IT", ["it", "en"], [
        O("exhibition-space", Bi("Mostre di arte contemporanea nelle case e nei cortili del "
                                 "centro storico", "Contemporary art exhibitions in the houses "
                                 "and courtyards of the historic centre")),
        O("event-venue", Bi("Eventi culturali aperti alla comunità",
                            "Cultural events open to the community")),
        O("workshop", Bi("Laboratori e attività educative",
                         "Workshops and educational activities")),
    ]),
    "tabakalera": ("ES", ["es", "eu", "en"], [
        O("exhibition-space", Bi("Mostre e programmi di cultura contemporanea",
                                 "Contemporary culture exhibitions and programmes")),
        O("residency-studio", Bi("Residenze per artisti", "Artist residencies")),
        O("workshop", Bi("Laboratori aperti al pubblico", "Workshops open to the public")),
        O("incubation", Bi("Spazi e accompagnamento per start-up creative",
                           "Space and support for creative start-ups")),
    ]),
    "european-heritage-hub": ("", ["en"], []),
    "hub-cultura-creativita": ("IT", ["it"], [
        O("funding-advice", Bi("Supporto per partecipare a bandi e call",
                               "Support for organisations applying to calls for funding")),
        O("training", Bi("Formazione degli operatori sui bandi",
                         "Training for organisations on calls for funding")),
    ]),
    "mister-tecnopolo-bologna": ("IT", ["it", "en"], [
        O("research-support", Bi("Competenze di ricerca per l'innovazione delle imprese "
                                 "culturali e creative", "Research expertise for innovation in "
                                 "cultural and creative businesses")),
    ]),
    "brussels-creative-district": ("BE", ["fr", "nl", "en"], [
        O("concert-hall", Bi("Sala concerti Motown", "Motown concert hall")),
        O("residency-studio", Bi("Residenze e accompagnamento alla creazione (Motown)",
                                 "Residencies and support for new work (Motown)")),
        O("event-venue", Bi("Eventi di networking formali e informali (Ubuntu Loft)",
                            "Formal and informal networking events (Ubuntu Loft)")),
        O("exhibition-space", Bi("Spazio espositivo per artisti emergenti e affermati (Ubuntu "
                                 "Art Studio)", "Exhibition space for emerging and established "
                                 "artists (Ubuntu Art Studio)")),
        O("incubation", Bi("Incubazione di progetti d'impresa a impatto sociale",
                           "Incubation of business projects with a social impact")),
        O("mentoring", Bi("Mentorship e networking per imprenditori creativi",
                          "Mentorship and networking for creative entrepreneurs")),
    ]),
    "officine-on-off": ("IT", ["it", "en"], [
        O("fab-lab", Bi("Laboratori con tecnologie di fabbricazione digitale",
                        "Workshops with digital fabrication technology")),
        O("coworking", Bi("Spazio di lavoro condiviso e comunità di coworker",
                          "Shared workspace and a community of coworkers")),
        O("mentoring", Bi("Orientamento e consulenza per chi avvia un'attività",
                          "Guidance and advice for people starting a business")),
        O("funding-advice", Bi("Fundraising per il terzo settore",
                               "Fundraising for the non-profit sector")),
    ]),
    "for-timisoara": ("RO", ["ro", "en"], [
        O("fab-lab", Bi("Laboratorio di fabbricazione digitale", "Digital fabrication workshop")),
        O("coworking", Bi("Spazio condiviso e comunità dei makers",
                          "A shared space and its maker community")),
    ]),
    "genova-creative-cities": ("IT", ["it"], [
        O("funding-advice", Bi("Sportello informativo su aspetti industriali e finanziari "
                               "per l'insediamento di imprese creative", "Information desk on "
                               "the industrial and financial side of setting up a creative "
                               "business")),
        O("training", Bi("Aggiornamento professionale per chi lavora nell'industria creativa",
                         "Professional development for people working in the creative "
                         "industries")),
    ]),
    "tate": ("GB", ["en"], [
        O("exhibition-space", Bi("Four galleries: Tate Britain, Tate Modern, Tate Liverpool "
                                 "and Tate St Ives", "Quattro gallerie: Tate Britain, Tate "
                                 "Modern, Tate Liverpool e Tate St Ives")),
        O("reading-room", Bi("Library and Archive reading rooms at Tate Britain",
                             "Sale di lettura della biblioteca e dell'archivio alla Tate Britain")),
        O("open-data", Bi("The collection's data, published as open data",
                          "I dati della collezione, pubblicati come dati aperti")),
    ]),
    "art-institute-of-chicago": ("US", ["en"], [
        O("exhibition-space"),
        O("library", Bi("Ryerson and Burnham Libraries", "Biblioteche Ryerson e Burnham")),
        O("open-data", Bi("Open access images and data (CC0)",
                          "Immagini e dati open access (CC0)")),
    ]),
    "cleveland-museum-of-art": ("US", ["en"], [
        O("exhibition-space"),
        O("open-data", Bi("Open access images and data (CC0)",
                          "Immagini e dati open access (CC0)")),
    ]),
    "metropolitan-museum-of-art": ("US", ["en"], [
        O("exhibition-space"),
        O("library", Bi("Thomas J. Watson Library", "Biblioteca Thomas J. Watson")),
        O("open-data", Bi("Open access images and data (CC0)",
                          "Immagini e dati open access (CC0)")),
    ]),
    "national-gallery-of-art": ("US", ["en"], [
        O("exhibition-space"),
        O("open-data", Bi("Open access images and data (CC0)",
                          "Immagini e dati open access (CC0)")),
    ]),
    "smithsonian-american-art-museum": ("US", ["en"], [
        O("exhibition-space"),
        O("open-data", Bi("Open access images and data (CC0)",
                          "Immagini e dati open access (CC0)")),
    ]),
    "library-of-congress": ("US", ["en"], [
        O("reading-room", Bi("Reading rooms open to researchers with a reader card",
                             "Sale di lettura aperte a chi ha la tessera di lettore")),
        O("research-support", Bi("Research services for readers",
                                 "Servizi di ricerca per i lettori")),
        O("library"),
    ]),
    "brooklyn-museum": ("US", ["en"], [O("exhibition-space")]),
    "nasa": ("US", ["en"], [
        O("open-data", Bi("Public-domain images of spaceflight",
                          "Immagini di pubblico dominio del volo spaziale")),
    ]),
    "wikimedia-commons": ("", ["en"], [
        O("open-data", Bi("Freely reusable media files",
                          "File multimediali liberamente riutilizzabili")),
        O("digitisation-lab", Bi("Hosting for digitisation projects of cultural institutions",
                                 "Pubblicazione dei progetti di digitalizzazione delle "
                                 "istituzioni culturali")),
    ]),
}  # fmt: skip
