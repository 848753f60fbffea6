"""Open calls of the demo partners, written in Italian and translated into English.

From the seed documents' facts, in our own words: Tabakalera's artist residencies, the
Emilia-Romagna Culture and Creativity Hub, which supports regional calls (bandi) and takes
new spokes through a public expression of interest, the Brussels Creative District's
showcase spaces, Polo del '900's educational work. Dates are counted from the day
``load_demo`` runs, so the demo always has calls closing today, tomorrow, in a few days,
opening soon, and a few already closed in the archive.

The calls index is translated into all five languages like the hub's other index pages; the
calls themselves into English (the other languages show them with the "not yet translated"
notice, as partners' stories).
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone

from calls.models import CallIndexPage, CallKind, CallPage
from calls.schedule import zone
from partners.models import Sector

from .base import Bi, Strings, ensure_child
from .translate import translate_page

INDEX_TITLE = Bi("Bandi e opportunità", "Open calls")
INDEX_INTRODUCTION = Bi(
    "Residenze, bandi e finanziamenti, formazione, lavoro e call dell'hub e delle istituzioni "
    "partner: i bandi aperti in ordine di scadenza, quelli in arrivo e l'archivio.",
    "Residencies, grants and funding, training, jobs and calls from the hub and its partner "
    "institutions: open calls by nearest deadline, upcoming ones and the archive.",
)
# The index in French, German and Spanish, keyed by the Italian source.
MORE_LANGUAGES = {
    INDEX_TITLE.source: {
        "fr": "Appels et opportunités",
        "de": "Ausschreibungen und Chancen",
        "es": "Convocatorias y oportunidades",
    },
    INDEX_INTRODUCTION.source: {
        "fr": "Résidences, subventions et financements, formations, emplois et appels du hub et "
        "des institutions partenaires : les appels ouverts par date limite la plus proche, ceux "
        "à venir et les archives.".replace(" :", "\u00a0:"),
        "de": "Residenzen, Förderungen, Weiterbildungen, Stellen und Ausschreibungen des Hubs "
        "und seiner Partnerinstitutionen: offene Ausschreibungen nach nächster Frist, kommende "
        "und das Archiv.",
        "es": "Residencias, subvenciones y financiación, formación, empleos y convocatorias del "
        "hub y de las instituciones socias: las convocatorias abiertas por plazo más próximo, "
        "las próximas y el archivo.",
    },
}


@dataclass
class CallText:
    slug: str
    parent: str  # "hub" for the calls index, else a partner slug
    kind: str
    title: Bi
    summary: Bi
    offer: list
    how_to_apply: list
    opens_in_days: int  # from the day the demo loads; negative: already open
    closes_in_days: int
    closes_at: time = time(23, 59)
    time_zone: str = "Europe/Rome"
    sectors: list = field(default_factory=list)
    regions: Bi | None = None
    career_stage: str = "any"
    eligibility: list = field(default_factory=list)
    application_url: str = ""
    contact_name: str = ""
    contact_email: str = ""


CALLS = [
    CallText(
        slug="manifestazione-interesse-nuovi-spoke",
        parent="hub-cultura-creativita",
        kind="new-partners",
        title=Bi(
            "Manifestazione di interesse per diventare spoke dell'Hub",
            "Expression of interest: become a spoke of the Hub",
        ),
        summary=Bi(
            "L'Hub Cultura e Creatività cerca nuovi spoke: enti e imprese dell'Emilia-Romagna "
            "che mettano a disposizione spazi, competenze e reti per il settore culturale e "
            "creativo.",
            "The Culture and Creativity Hub is looking for new spokes: organisations and "
            "businesses in Emilia-Romagna that offer spaces, skills and networks to the cultural "
            "and creative sector.",
        ),
        offer=[
            Bi(
                "Gli spoke entrano nella cabina di regia regionale: partecipano alla progettazione "
                "delle politiche per le industrie culturali e creative, ai tavoli di lavoro e "
                "agli eventi della rete.",
                "Spokes join the regional steering group: they take part in designing policies "
                "for the cultural and creative industries, in working groups and in the "
                "network's events.",
            ),
            Bi(
                "Ogni spoke ha un proprio spazio sulla piattaforma, dove pubblica profilo, "
                "collezioni, storie e bandi.",
                "Each spoke has its own space on the platform, where it publishes its profile, "
                "collections, stories and calls.",
            ),
        ],
        eligibility=[
            Bi(
                "Enti pubblici, fondazioni, associazioni, università e imprese con sede "
                "operativa in Emilia-Romagna e attività nel settore culturale e creativo.",
                "Public bodies, foundations, associations, universities and businesses with an "
                "operating base in Emilia-Romagna and activities in the cultural and creative "
                "sector.",
            )
        ],
        how_to_apply=[
            Bi(
                "Compilare il modulo di candidatura con una presentazione dell'ente, i servizi "
                "che offre alla rete e una lettera firmata dal legale rappresentante.",
                "Fill in the application form with a presentation of the organisation, the "
                "services it offers the network and a letter signed by its legal "
                "representative.",
            )
        ],
        opens_in_days=-20,
        closes_in_days=38,
        closes_at=time(13, 0),
        sectors=["cultural-heritage", "design", "software", "music-performing-arts"],
        regions=Bi("Emilia-Romagna", "Emilia-Romagna"),
        career_stage="organisation",
        application_url="https://hub-cultura-creativita.example.org/spoke/candidatura",
        contact_name="Segreteria dell'Hub",
    ),
    CallText(
        slug="bando-imprese-culturali-creative",
        parent="hub-cultura-creativita",
        kind="grant-funding",
        title=Bi(
            "Contributi per progetti di imprese culturali e creative",
            "Grants for cultural and creative enterprise projects",
        ),
        summary=Bi(
            "Un bando regionale sostenuto dall'Hub: contributi a fondo perduto per progetti "
            "che uniscono patrimonio, tecnologie digitali e nuovi pubblici.",
            "A regional call supported by the Hub: non-repayable grants for projects that bring "
            "together heritage, digital technology and new audiences.",
        ),
        offer=[
            Bi(
                "Un contributo fino al 50% delle spese ammissibili, con un massimo di 40.000 "
                "euro per progetto, e l'accompagnamento degli esperti della rete.",
                "A grant of up to 50% of eligible costs, capped at 40,000 euros per project, and "
                "mentoring by the network's experts.",
            )
        ],
        eligibility=[
            Bi(
                "Micro, piccole e medie imprese e lavoratori autonomi del settore culturale e "
                "creativo con sede in Emilia-Romagna.",
                "Micro, small and medium-sized enterprises and freelancers of the cultural and "
                "creative sector based in Emilia-Romagna.",
            )
        ],
        how_to_apply=[
            Bi(
                "La domanda si presenta online, allegando il piano del progetto e il budget.",
                "Applications are submitted online, with the project plan and the budget attached.",
            )
        ],
        opens_in_days=-30,
        closes_in_days=6,
        closes_at=time(16, 0),
        sectors=["cultural-heritage", "software", "design", "publishing"],
        regions=Bi("Emilia-Romagna", "Emilia-Romagna"),
        application_url="https://hub-cultura-creativita.example.org/bandi/imprese-culturali",
        career_stage="organisation",
    ),
    CallText(
        slug="residenze-artistiche",
        parent="tabakalera",
        kind="residency",
        title=Bi(
            "Residenze artistiche nella vecchia manifattura",
            "Artist residencies in the old tobacco factory",
        ),
        summary=Bi(
            "Tre mesi a San Sebastián per sviluppare un progetto di ricerca artistica, con "
            "studio, alloggio e il confronto con le comunità di Tabakalera.",
            "Three months in San Sebastián to develop an artistic research project, with a "
            "studio, accommodation and exchanges with Tabakalera's communities.",
        ),
        offer=[
            Bi(
                "Uno studio nell'edificio, un alloggio in città, una borsa mensile e un budget "
                "per la produzione.",
                "A studio in the building, accommodation in the city, a monthly stipend and a "
                "production budget.",
            ),
            Bi(
                "Alla fine della residenza il lavoro si apre al pubblico con un incontro o una "
                "presentazione.",
                "At the end of the residency the work opens to the public with a talk or a "
                "presentation.",
            ),
        ],
        eligibility=[
            Bi(
                "Artiste e artisti di qualsiasi nazionalità, anche in collettivo, con un "
                "progetto legato ai temi del centro.",
                "Artists of any nationality, also as collectives, with a project related to the "
                "centre's themes.",
            )
        ],
        how_to_apply=[
            Bi(
                "Inviare un portfolio, una descrizione del progetto di due pagine e un "
                "calendario di lavoro.",
                "Send a portfolio, a two-page project description and a work schedule.",
            )
        ],
        opens_in_days=-14,
        closes_in_days=1,
        closes_at=time(14, 0),
        time_zone="Europe/Madrid",
        sectors=["contemporary-art", "architecture"],
        regions=Bi("Tutto il mondo", "Worldwide"),
        application_url="https://www.tabakalera.eus/",
        career_stage="emerging",
    ),
    CallText(
        slug="residenza-ricerca-patrimonio-industriale",
        parent="tabakalera",
        kind="residency",
        title=Bi(
            "Residenza di ricerca sul patrimonio industriale",
            "Research residency on industrial heritage",
        ),
        summary=Bi(
            "Una residenza per ricercatori e curatori che studiano come gli edifici industriali "
            "diventano luoghi di cultura.",
            "A residency for researchers and curators who study how industrial buildings become "
            "places of culture.",
        ),
        offer=[
            Bi(
                "Due mesi di lavoro con accesso all'archivio dell'edificio e alla biblioteca del "
                "centro, una borsa e le spese di viaggio.",
                "Two months of work with access to the building's archive and the centre's "
                "library, a stipend and travel costs.",
            )
        ],
        how_to_apply=[
            Bi(
                "Presentare un progetto di ricerca e un curriculum.",
                "Submit a research proposal and a CV.",
            )
        ],
        opens_in_days=9,
        closes_in_days=55,
        closes_at=time(14, 0),
        time_zone="Europe/Madrid",
        sectors=["cultural-heritage", "architecture"],
        regions=Bi("Tutto il mondo", "Worldwide"),
        application_url="https://www.tabakalera.eus/",
        career_stage="established",
    ),
    CallText(
        slug="tirocinio-archivi-digitali",
        parent="polo-del-900",
        kind="job-internship",
        title=Bi("Tirocinio negli archivi digitali", "Internship in the digital archives"),
        summary=Bi(
            "Sei mesi accanto agli archivisti del Polo per descrivere e digitalizzare fondi del "
            "Novecento torinese.",
            "Six months alongside the Polo's archivists, describing and digitising collections "
            "of twentieth-century Turin.",
        ),
        offer=[
            Bi(
                "Un tirocinio retribuito di sei mesi, con formazione sugli standard di "
                "descrizione archivistica e sulla pubblicazione di dati aperti.",
                "A paid six-month internship, with training in archival description standards "
                "and in publishing open data.",
            )
        ],
        eligibility=[
            Bi(
                "Laureate e laureati da non più di due anni in discipline storiche, "
                "archivistiche o informatiche.",
                "Graduates of no more than two years in history, archival science or computing.",
            )
        ],
        how_to_apply=[
            Bi(
                "Inviare curriculum e lettera di motivazione all'indirizzo indicato.",
                "Send a CV and a cover letter to the address given.",
            )
        ],
        opens_in_days=-21,
        closes_in_days=0,
        closes_at=time(23, 59),
        sectors=["cultural-heritage"],
        regions=Bi("Italia", "Italy"),
        contact_name="Ufficio tirocini",
        contact_email="tirocini@polodel900.example.org",
        career_stage="student",
    ),
    CallText(
        slug="call-spazi-vetrina",
        parent="brussels-creative-district",
        kind="call-for-proposals",
        title=Bi(
            "Call per progetti negli spazi vetrina",
            "Call for projects in the showcase spaces",
        ),
        summary=Bi(
            "Gli spazi vetrina del Distretto cercano progetti di designer, artigiani e giovani "
            "imprese creative da presentare al pubblico per un mese.",
            "The District's showcase spaces are looking for projects by designers, craftspeople "
            "and young creative businesses to present to the public for a month.",
        ),
        offer=[
            Bi(
                "Uno spazio vetrina gratuito per un mese, la comunicazione della rete e un "
                "incontro con gli incubatori del Distretto.",
                "A free showcase space for a month, the network's communication and a meeting "
                "with the District's incubators.",
            )
        ],
        how_to_apply=[
            Bi(
                "Una breve proposta con immagini del progetto e le date preferite.",
                "A short proposal with images of the project and preferred dates.",
            )
        ],
        opens_in_days=-10,
        closes_in_days=13,
        closes_at=time(18, 0),
        time_zone="Europe/Brussels",
        sectors=["design", "fashion", "contemporary-art"],
        regions=Bi("Regione di Bruxelles-Capitale", "Brussels-Capital Region"),
        application_url="https://brussels-creative-district.example.org/showcase/apply",
        career_stage="emerging",
    ),
    CallText(
        slug="formazione-digitalizzazione-collezioni",
        parent="hub",
        kind="training",
        title=Bi(
            "Corso di formazione: digitalizzare e pubblicare le collezioni",
            "Training course: digitising and publishing collections",
        ),
        summary=Bi(
            "Quattro giornate per il personale dei partner: fotografia degli oggetti, "
            "metadati, diritti d'uso e pubblicazione come dati aperti.",
            "Four days for partners' staff: photographing objects, metadata, reuse rights and "
            "publishing as open data.",
        ),
        offer=[
            Bi(
                "Il corso è gratuito, online e in presenza, con esercitazioni sulle collezioni "
                "dei partecipanti.",
                "The course is free, online and in person, with exercises on the participants' "
                "own collections.",
            )
        ],
        eligibility=[
            Bi(
                "Personale e volontari delle istituzioni partner dell'hub.",
                "Staff and volunteers of the hub's partner institutions.",
            )
        ],
        how_to_apply=[
            Bi(
                "Iscriversi con il modulo online indicando l'istituzione di appartenenza.",
                "Register with the online form, giving your institution.",
            )
        ],
        opens_in_days=-5,
        closes_in_days=24,
        sectors=["cultural-heritage", "software"],
        application_url="https://heritagehub.example.org/formazione/iscrizione",
        regions=Bi("Europa", "Europe"),
    ),
    CallText(
        slug="bando-residenze-creative-cities",
        parent="genova-creative-cities",
        kind="residency",
        title=Bi("Residenze nei quartieri del centro storico", "Residencies in the old town"),
        summary=Bi(
            "Residenze brevi per artisti e designer nei vicoli del centro storico di Genova, in "
            "dialogo con botteghe e abitanti.",
            "Short residencies for artists and designers in the alleys of Genoa's old town, in "
            "dialogue with workshops and residents.",
        ),
        offer=[
            Bi(
                "Un mese di alloggio e uno spazio di lavoro in una bottega del centro storico.",
                "A month of accommodation and a workspace in an old-town workshop.",
            )
        ],
        how_to_apply=[
            Bi("Candidature chiuse.", "Applications are closed."),
        ],
        opens_in_days=-90,
        closes_in_days=-25,
        sectors=["design", "contemporary-art"],
        regions=Bi("Italia", "Italy"),
    ),
    CallText(
        slug="call-progetti-educativi",
        parent="polo-del-900",
        kind="call-for-proposals",
        title=Bi(
            "Call per progetti educativi con le scuole",
            "Call for educational projects with schools",
        ),
        summary=Bi(
            "Proposte di percorsi per le scuole sulla storia del Novecento, da realizzare con "
            "le istituzioni del Polo.",
            "Proposals for school programmes on twentieth-century history, to be run with the "
            "Polo's institutions.",
        ),
        offer=[
            Bi(
                "Le proposte scelte entrano nel programma educativo dell'anno, con un compenso "
                "per chi le conduce.",
                "The proposals chosen join the year's educational programme, with a fee for "
                "those who lead them.",
            )
        ],
        how_to_apply=[Bi("Candidature chiuse.", "Applications are closed.")],
        opens_in_days=-120,
        closes_in_days=-60,
        sectors=["cultural-heritage", "publishing"],
        regions=Bi("Piemonte", "Piedmont"),
    ),
]


def _moment(today, days, at, time_zone):
    return timezone.make_aware(datetime.combine(today + timedelta(days=days), at), zone(time_zone))


def _index(pages, stats):
    strings = Strings()
    page = CallIndexPage(
        title=strings(INDEX_TITLE), slug="calls", introduction=strings(INDEX_INTRODUCTION)
    )
    page, _created = ensure_child(pages["it"]["home"], page, stats, "index pages")
    translate_page(page, "en", strings, stats)
    for language in ("fr", "de", "es"):
        written = Strings(
            pairs={source: texts[language] for source, texts in MORE_LANGUAGES.items()}
        )
        translate_page(page, language, written, stats)
    return page


def call_page(text, today):
    strings = Strings()
    kind = CallKind.objects.get(slug=text.kind, locale__language_code="it")
    page = CallPage(
        title=strings(text.title),
        slug=text.slug,
        kind=kind,
        summary=strings(text.summary),
        opens_at=_moment(today, text.opens_in_days, time(9, 0), text.time_zone),
        deadline=_moment(today, text.closes_in_days, text.closes_at, text.time_zone),
        time_zone=text.time_zone,
        regions=strings(text.regions),
        career_stage=text.career_stage,
        eligibility=strings.rich(*text.eligibility) if text.eligibility else "",
        offer=strings.rich(*text.offer),
        how_to_apply=strings.rich(*text.how_to_apply),
        application_url=text.application_url,
        contact_name=text.contact_name,
        contact_email=text.contact_email,
    )
    strings.keep(text.contact_name)
    page.sectors = list(Sector.objects.filter(slug__in=text.sectors, locale__language_code="it"))
    return page, strings


def load_calls(pages, partner_pages, stats, today=None):
    """The calls index in five languages and the demo calls in Italian and English."""
    today = today or timezone.localdate()
    index = _index(pages, stats)
    created = {}
    for text in CALLS:
        parent = index if text.parent == "hub" else partner_pages[text.parent]
        page, strings = call_page(text, today)
        page, _created = ensure_child(parent, page, stats, "calls")
        translate_page(page, "en", strings, stats)
        created[text.slug] = page
    return index, created
