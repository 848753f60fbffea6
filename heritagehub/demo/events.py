"""The demo programme: What's on, and events of the seed hubs, dated from the day it loads.

Written in Italian with the English, French, German and Spanish texts next to each string,
and translated into all four with wagtail-localize (``translate_page``), so the programme
reads in every language of the hub. Dates are counted from the day ``load_demo`` runs (a
talk in three days, an exhibition that opened three weeks ago, a workshop every Saturday
from the next one), so the demo never shows a stale programme; one event is already over,
for the archive. The facts are those of the partners' profiles (heritagehub.demo.partners):
Polo del '900's exhibitions and school programmes in Turin, Tabakalera's residencies in San
Sebastián, the Brussels district's concert hall and workshops, Farm Cultural Park's
exhibitions in Favara, the Emilia-Romagna hub's calls.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from events.models import EventKind, EventPage, WhatsOnPage

from .base import Strings, ensure_child, locale
from .translate import translate_page

LANGUAGES = ("en", "fr", "de", "es")


@dataclass(frozen=True)
class L:
    """A text in Italian, English, French, German and Spanish."""

    it: str
    en: str
    fr: str
    de: str
    es: str


def _strings(texts, same=()):
    """{language: Strings} for translating a page whose Italian strings are ``texts``."""
    by_language = {}
    for language in LANGUAGES:
        strings = Strings()
        for text in texts:
            strings.pairs[text.it] = getattr(text, language)
        strings.keep(*same)
        by_language[language] = strings
    return by_language


WHATS_ON_TITLE = L("In programma", "What's on", "Au programme", "Programm", "Agenda")
WHATS_ON_INTRO = L(
    "Mostre, laboratori, concerti, incontri e studi aperti dei partner del polo.",
    "Exhibitions, workshops, concerts, talks and open studios of the hub's partners.",
    "Expositions, ateliers, concerts, rencontres et ateliers ouverts des partenaires du pôle.",
    "Ausstellungen, Workshops, Konzerte, Gespräche und offene Ateliers der Partner des Verbunds.",
    "Exposiciones, talleres, conciertos, charlas y estudios abiertos de los socios del polo.",
)

STEP_FREE = L(
    "Accesso senza gradini, servizi igienici accessibili, posti a sedere su richiesta.",
    "Step-free access, accessible toilets, seating on request.",
    "Accès de plain-pied, toilettes accessibles, places assises sur demande.",
    "Stufenloser Zugang, barrierefreie Toiletten, Sitzplätze auf Anfrage.",
    "Acceso sin escalones, aseos accesibles, asientos bajo petición.",
)
SUBTITLED = L(
    "Sottotitoli in diretta in italiano e in inglese.",
    "Live captions in Italian and English.",
    "Sous-titrage en direct en italien et en anglais.",
    "Live-Untertitel auf Italienisch und Englisch.",
    "Subtítulos en directo en italiano e inglés.",
)


@dataclass
class EventText:
    slug: str
    parent: str  # "hub" for What's on, else a partner slug
    kind: str
    title: L
    summary: L
    start: int  # days from the day the demo loads
    start_time: time | None = None
    end_time: time | None = None
    days: int = 0  # how many days after the start it ends
    recurrence: str = ""
    skip: tuple = ()  # occurrences left out, as indexes of the recurrence
    venue_name: str = ""
    venue_city: str = ""
    time_zone: str = "Europe/Rome"
    attendance_mode: str = "in_person"
    online_url: str = ""
    languages: str = "it"
    accessibility: L | None = None
    is_free: bool = False
    price: int | None = None
    price_details: L | None = None
    booking_url: str = ""
    texts: list = field(default_factory=list)


def next_weekday(today, weekday):
    """The next ``weekday`` (0 = Monday) after today."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


EVENTS = [
    EventText(
        slug="memoria-in-mostra",
        parent="polo-del-900",
        kind="exhibition",
        title=L(
            "Voci del Novecento: archivi in mostra",
            "Voices of the twentieth century: archives on show",
            "Voix du XXe siècle : archives exposées",
            "Stimmen des 20. Jahrhunderts: Archive in der Ausstellung",
            "Voces del siglo XX: archivos en exposición",
        ),
        summary=L(
            "Lettere, manifesti e fotografie dagli archivi degli enti del Polo raccontano la "
            "Resistenza, il lavoro e i diritti a Torino.",
            "Letters, posters and photographs from the archives of the Polo's institutions tell "
            "of the Resistance, work and rights in Turin.",
            "Lettres, affiches et photographies des archives des institutions du Polo racontent "
            "la Résistance, le travail et les droits à Turin.",
            "Briefe, Plakate und Fotografien aus den Archiven der Einrichtungen des Polo erzählen "
            "von Widerstand, Arbeit und Rechten in Turin.",
            "Cartas, carteles y fotografías de los archivos de las instituciones del Polo cuentan "
            "la Resistencia, el trabajo y los derechos en Turín.",
        ),
        start=-21,
        days=80,
        is_free=True,
        accessibility=STEP_FREE,
        languages="it, en",
    ),
    EventText(
        slug="laboratorio-scuole-memoria",
        parent="polo-del-900",
        kind="workshop",
        title=L(
            "Laboratorio per le scuole: leggere un documento d'archivio",
            "Workshop for schools: reading an archival document",
            "Atelier pour les écoles : lire un document d'archives",
            "Workshop für Schulen: ein Archivdokument lesen",
            "Taller para escuelas: leer un documento de archivo",
        ),
        summary=L(
            "Due ore per classi delle superiori: dalla busta al contesto storico, con gli "
            "educatori del Polo.",
            "Two hours for secondary school classes: from the envelope to the historical "
            "context, with the Polo's educators.",
            "Deux heures pour les classes du secondaire : de l'enveloppe au contexte "
            "historique, avec les médiateurs du Polo.",
            "Zwei Stunden für Klassen der Oberstufe: vom Umschlag zum historischen Kontext, mit "
            "den Vermittlern des Polo.",
            "Dos horas para clases de secundaria: del sobre al contexto histórico, con los "
            "educadores del Polo.",
        ),
        start=0,  # the next Tuesday, weekly
        start_time=time(10),
        end_time=time(12),
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        skip=(3,),
        is_free=True,
        booking_url="https://www.polodel900.it/",
        accessibility=STEP_FREE,
    ),
    EventText(
        slug="studio-aperto-residenze",
        parent="tabakalera",
        kind="open-studio",
        title=L(
            "Studi aperti: gli artisti in residenza",
            "Open studios: the artists in residence",
            "Ateliers ouverts : les artistes en résidence",
            "Offene Ateliers: die Künstlerinnen und Künstler der Residenz",
            "Estudios abiertos: los artistas en residencia",
        ),
        summary=L(
            "Un fine settimana per entrare negli studi della residenza e parlare con chi ci "
            "lavora.",
            "A weekend to step into the residency's studios and talk with the people working "
            "there.",
            "Un week-end pour entrer dans les ateliers de la résidence et parler avec ceux qui "
            "y travaillent.",
            "Ein Wochenende, um die Ateliers der Residenz zu betreten und mit den Menschen zu "
            "sprechen, die dort arbeiten.",
            "Un fin de semana para entrar en los estudios de la residencia y hablar con quienes "
            "trabajan en ellos.",
        ),
        start=5,  # the next Saturday
        days=1,
        time_zone="Europe/Madrid",
        is_free=True,
        languages="es, eu, en",
    ),
    EventText(
        slug="concerto-motown",
        parent="brussels-creative-district",
        kind="concert",
        title=L(
            "Concerto degli artisti in residenza al Motown",
            "Concert by the artists in residence at Motown",
            "Concert des artistes en résidence au Motown",
            "Konzert der Residenzkünstler im Motown",
            "Concierto de los artistas en residencia en el Motown",
        ),
        summary=L(
            "La sala concerti del distretto presenta il lavoro nato in residenza.",
            "The district's concert hall presents the work made in residence.",
            "La salle de concert du district présente le travail né en résidence.",
            "Der Konzertsaal des Distrikts zeigt, was in der Residenz entstanden ist.",
            "La sala de conciertos del distrito presenta el trabajo nacido en residencia.",
        ),
        start=4,  # the next Friday
        start_time=time(20, 30),
        end_time=time(22, 30),
        venue_name="Motown",
        venue_city="Bruxelles",
        time_zone="Europe/Brussels",
        price=12,
        price_details=L(
            "Ridotto 8 € per studenti.",
            "€8 for students.",
            "8 € pour les étudiants.",
            "8 € für Studierende.",
            "8 € para estudiantes.",
        ),
        languages="fr, nl, en",
    ),
    EventText(
        slug="bandi-online",
        parent="hub-cultura-creativita",
        kind="online",
        title=L(
            "Come rispondere a un bando: incontro online",
            "How to answer a call: online talk",
            "Comment répondre à un appel : rencontre en ligne",
            "Wie man sich auf eine Ausschreibung bewirbt: Online-Gespräch",
            "Cómo responder a una convocatoria: charla en línea",
        ),
        summary=L(
            "Gli spoke dell'hub spiegano i bandi regionali per le imprese culturali e creative "
            "e rispondono alle domande.",
            "The hub's spokes explain the regional calls for cultural and creative businesses "
            "and answer questions.",
            "Les antennes du pôle expliquent les appels régionaux pour les entreprises "
            "culturelles et créatives et répondent aux questions.",
            "Die Standorte des Verbunds erklären die regionalen Ausschreibungen für Kultur- und "
            "Kreativunternehmen und beantworten Fragen.",
            "Los nodos del polo explican las convocatorias regionales para empresas culturales "
            "y creativas y responden a las preguntas.",
        ),
        start=10,
        start_time=time(17),
        end_time=time(18, 30),
        attendance_mode="online",
        online_url="https://www.regione.emilia-romagna.it/",
        is_free=True,
        accessibility=SUBTITLED,
        languages="it",
    ),
    EventText(
        slug="giardino-dei-sette-cortili",
        parent="farm-cultural-park",
        kind="guided-tour",
        title=L(
            "Visita guidata ai Sette Cortili",
            "Guided tour of the Seven Courtyards",
            "Visite guidée des Sept Cours",
            "Führung durch die Sieben Höfe",
            "Visita guiada a los Siete Patios",
        ),
        summary=L(
            "Le mostre di arte contemporanea nel centro storico di Favara, con chi le ha curate.",
            "The contemporary art exhibitions in the old town of Favara, with their curators.",
            "Les expositions d'art contemporain dans le centre historique de Favara, avec "
            "leurs commissaires.",
            "Die Ausstellungen zeitgenössischer Kunst in der Altstadt von Favara, mit ihren "
            "Kuratorinnen und Kuratoren.",
            "Las exposiciones de arte contemporáneo en el casco antiguo de Favara, con sus "
            "comisarios.",
        ),
        start=6,  # the next Sunday, monthly
        start_time=time(11),
        end_time=time(12, 30),
        recurrence="FREQ=MONTHLY;BYDAY=1SU;COUNT=6",
        price=10,
        languages="it, en",
    ),
    EventText(
        slug="festival-patrimonio-digitale",
        parent="hub",
        kind="festival",
        title=L(
            "Giornate del patrimonio digitale",
            "Digital heritage days",
            "Journées du patrimoine numérique",
            "Tage des digitalen Kulturerbes",
            "Jornadas del patrimonio digital",
        ),
        summary=L(
            "Tre giorni di incontri, laboratori e visite in tutte le sedi del polo, in presenza "
            "e in streaming.",
            "Three days of talks, workshops and visits at every venue of the hub, in person and "
            "streamed.",
            "Trois jours de rencontres, d'ateliers et de visites dans tous les lieux du pôle, "
            "sur place et en direct.",
            "Drei Tage mit Gesprächen, Workshops und Führungen an allen Orten des Verbunds, vor "
            "Ort und im Stream.",
            "Tres días de charlas, talleres y visitas en todas las sedes del polo, presencial y "
            "en directo.",
        ),
        start=24,
        days=2,
        venue_name="Polo del '900",
        venue_city="Torino",
        attendance_mode="mixed",
        online_url="https://example.org/heritage-hub/live",
        is_free=True,
        accessibility=SUBTITLED,
        languages="it, en, lis",
    ),
    EventText(
        slug="incontro-archivi-di-comunita",
        parent="polo-del-900",
        kind="talk",
        title=L(
            "Archivi di comunità: chi conserva la memoria del quartiere?",
            "Community archives: who keeps the neighbourhood's memory?",
            "Archives communautaires : qui garde la mémoire du quartier ?",
            "Gemeinschaftsarchive: Wer bewahrt das Gedächtnis des Viertels?",
            "Archivos comunitarios: ¿quién guarda la memoria del barrio?",
        ),
        summary=L(
            "Un incontro con archivisti e abitanti sulle raccolte nate dal basso.",
            "A talk with archivists and residents about collections started by communities.",
            "Une rencontre avec des archivistes et des habitants sur les collections nées des "
            "communautés.",
            "Ein Gespräch mit Archivaren und Bewohnern über Sammlungen, die aus Gemeinschaften "
            "entstanden sind.",
            "Un encuentro con archiveros y vecinos sobre las colecciones nacidas de las "
            "comunidades.",
        ),
        start=-30,
        start_time=time(18),
        end_time=time(19, 30),
        is_free=True,
        accessibility=STEP_FREE,
    ),
]


def _start_date(text, today):
    if text.slug == "laboratorio-scuole-memoria":
        return next_weekday(today, 1)
    if text.slug == "studio-aperto-residenze":
        return next_weekday(today, 5)
    if text.slug == "concerto-motown":
        return next_weekday(today, 4)
    if text.slug == "giardino-dei-sette-cortili":
        return next_weekday(today, 6)
    return today + timedelta(days=text.start)


def event_page(text, kinds, today):
    """The Italian EventPage of ``text`` and the Italian strings it extracts."""
    start = _start_date(text, today)
    recurrence, exceptions = text.recurrence, ""
    if text.skip:
        occurrences = [start + timedelta(weeks=index) for index in text.skip]
        exceptions = "\n".join(day.isoformat() for day in occurrences)
    texts = [text.title, text.summary]
    for optional in (text.accessibility, text.price_details):
        if optional is not None:
            texts.append(optional)
    page = EventPage(
        title=text.title.it,
        slug=text.slug,
        kind=kinds[text.kind],
        summary=text.summary.it,
        start_date=start,
        start_time=text.start_time,
        end_date=start + timedelta(days=text.days) if text.days else None,
        end_time=text.end_time,
        time_zone=text.time_zone,
        recurrence=recurrence,
        exceptions=exceptions,
        attendance_mode=text.attendance_mode,
        venue_name=text.venue_name,
        venue_city=text.venue_city,
        online_url=text.online_url,
        languages=text.languages,
        accessibility=text.accessibility.it if text.accessibility else "",
        is_free=text.is_free,
        price=text.price,
        price_details=text.price_details.it if text.price_details else "",
        booking_url=text.booking_url,
    )
    return page, _strings(texts, same=[text.venue_name, text.venue_city])


def _languages_of(parent):
    """The languages the parent page is really written in (no alias copies): translating an
    event elsewhere would make wagtail-localize copy its partner's page there, untranslated
    text served as a translation. The visitor of another language gets the event in its own
    language, with the notice."""
    return set(
        parent.get_translations(inclusive=True)
        .filter(alias_of__isnull=True)
        .values_list("locale__language_code", flat=True)
    )


def load_events(pages, partner_pages, stats, today=None):
    """What's on below the Italian home page, and the programme; all in five languages."""
    today = today or date.today()
    home = pages["it"]["home"]
    whats_on = WhatsOnPage(title=WHATS_ON_TITLE.it, slug="whats-on", introduction=WHATS_ON_INTRO.it)
    whats_on, _created = ensure_child(home, whats_on, stats, "index pages")
    for language, strings in _strings([WHATS_ON_TITLE, WHATS_ON_INTRO]).items():
        translate_page(whats_on, language, strings, stats)

    it = locale("it")
    kinds = {kind.slug: kind for kind in EventKind.objects.filter(locale=it)}
    events = {}
    for text in EVENTS:
        parent = whats_on if text.parent == "hub" else partner_pages[text.parent]
        page, strings = event_page(text, kinds, today)
        page, _created = ensure_child(parent, page, stats, "events")
        for language in _languages_of(parent):
            if language != page.locale.language_code:
                translate_page(page, language, strings[language], stats)
        events[text.slug] = page
    return events
