"""Partner institutions: the hubs of the seed documents and the open-data museums.

Hubs described in the (Italian) seed documents are written in Italian and translated into
English; the institutions whose open data fills the collections are written in English and
translated into Italian. Facts come from the seed documents or are the institutions'
well-known public facts; addresses and websites are given only where certain.

A city is written as the place names itself ("Torino", "Genova", "Bruxelles", "London") in
both languages, as event venues are (``heritagehub.demo.events``), so one city has one
spelling on every page and in the directory's city filter. Every partner with a place is on
the map: at its address where the address is known, else at its city's centre (``CENTRES``,
about 100 m); the two without a place of their own (an EU-wide initiative and an online
platform) are named under the map as having none.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from partners.models import InstitutionType, PartnerOffer, PartnerPage, Sector, ServiceKind

from .base import Bi, Strings, ensure_child
from .partner_offers import PARTNER_FACTS
from .translate import translate_page


def same(text):
    """A text that reads the same in both languages (a name, a place)."""
    return Bi(text, text)


@dataclass
class PartnerText:
    slug: str
    language: str
    title: Bi
    summary: Bi
    description: list
    services: list
    institution_type: str | None
    sectors: list
    hub_role: str
    city: Bi | None = None
    region: Bi | None = None
    country: Bi | None = None
    address: str = ""
    latitude: str | None = None
    longitude: str | None = None
    centre: str | None = None  # no address known: placed at this city's centre (CENTRES)
    website: str = ""
    hero: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def name(self):
        return self.title.source

    @property
    def coordinates(self):
        """(latitude, longitude) as strings: the address's, else the city centre's, else
        (None, None)."""
        if self.latitude is not None:
            return self.latitude, self.longitude
        if self.centre is not None:
            return CENTRES[self.centre]
        return None, None

    @property
    def translation_language(self):
        return "en" if self.language == "it" else "it"


ITALY = Bi("Italia", "Italy")
# City centres (WGS 84, the main square or the centre's landmark) for partners whose address
# the seed documents do not give.
CENTRES = {
    "Favara": ("37.318600", "13.663100"),  # Piazza Cavour
    "Bologna": ("44.493800", "11.342700"),  # Piazza Maggiore
    "Bruxelles": ("50.846700", "4.352500"),  # Grand-Place
    "Parma": ("44.801500", "10.328000"),  # Piazza Garibaldi
    "Timișoara": ("45.753700", "21.225700"),  # Piața Victoriei
    "Genova": ("44.407200", "8.934000"),  # Piazza De Ferrari
    "London": ("51.507400", "-0.127800"),  # Trafalgar Square
    "Washington": ("38.895100", "-77.036400"),  # the National Mall's west end
}
EMILIA_ROMAGNA = same("Emilia-Romagna")
USA = Bi("United States", "Stati Uniti")
WASHINGTON = same("Washington")
DC = Bi("District of Columbia", "Distretto di Columbia")

ALL_SECTORS = [
    "cultural-heritage",
    "architecture",
    "music-performing-arts",
    "contemporary-art",
    "cinema",
    "software",
    "publishing",
    "advertising",
    "tv-radio",
    "fashion",
    "design",
    "food-gastronomy",
]

SEED_PARTNERS = [
    PartnerText(
        slug="polo-del-900",
        language="it",
        title=same("Polo del '900"),
        summary=Bi(
            "Centro culturale torinese che riunisce 26 istituzioni dedicate alla storia e alla "
            "cultura del Novecento, tra archivi, biblioteche, mostre e attività educative.",
            "A cultural centre in Turin that brings together 26 institutions devoted to the "
            "history and culture of the twentieth century, with archives, libraries, exhibitions "
            "and education.",
        ),
        description=[
            Bi(
                "Il Polo del '900 ha sede negli edifici dei Quartieri Militari, nel cuore del "
                "Quadrilatero Romano di Torino. Sotto lo stesso tetto lavorano 26 enti partner: "
                "istituti storici, fondazioni, archivi e centri studi che conservano documenti, "
                "fotografie, libri e testimonianze del secolo scorso.",
                "Polo del '900 is housed in the buildings of the Quartieri Militari, in the heart "
                "of Turin's Quadrilatero Romano. Twenty-six partner organisations work under one "
                "roof: historical institutes, foundations, archives and study centres that keep "
                "documents, photographs, books and testimonies of the last century.",
            ),
            Bi(
                "La memoria della Resistenza e la storia dei diritti civili sono al centro del "
                "suo lavoro, ma il Polo non è soltanto un luogo di conservazione: organizza "
                "mostre, rende consultabili i propri archivi in forma digitale e propone percorsi "
                "per le scuole e per il pubblico adulto.",
                "The memory of the Resistance and the history of civil rights are at the centre "
                "of its work, yet the Polo is more than a place of preservation: it stages "
                "exhibitions, makes its archives available in digital form and runs programmes "
                "for schools and adult audiences.",
            ),
            Bi(
                "Per l'Heritage Hub il Polo è l'esempio di come molte istituzioni possano "
                "condividere spazi, servizi e pubblico senza perdere la propria identità.",
                "For the Heritage Hub, the Polo shows how many institutions can share spaces, "
                "services and audiences without losing their own identity.",
            ),
        ],
        services=[
            Bi(
                "Archivi e biblioteche del Novecento aperti alla consultazione, anche in digitale",
                "Twentieth-century archives and libraries open for research, also online",
            ),
            Bi("Mostre su storia e memoria", "Exhibitions on history and memory"),
            Bi(
                "Programmi educativi per scuole e adulti",
                "Education programmes for schools and adults",
            ),
            Bi(
                "Spazi e servizi condivisi dalle 26 istituzioni partner",
                "Spaces and services shared by its 26 partner institutions",
            ),
        ],
        institution_type="research-centre",
        sectors=["cultural-heritage"],
        hub_role="spoke",
        city=same("Torino"),
        region=Bi("Piemonte", "Piedmont"),
        country=ITALY,
        address="Via del Carmine 14, 10122 Torino",
        latitude="45.075600",
        longitude="7.678800",
        website="https://www.polodel900.it/",
    ),
    PartnerText(
        slug="farm-cultural-park",
        language="it",
        title=same("Farm Cultural Park"),
        summary=Bi(
            "Centro culturale indipendente nato nel 2010 nel centro storico di Favara, vicino "
            "ad Agrigento: arte contemporanea, eventi e laboratori in un quartiere rigenerato.",
            "An independent cultural centre founded in 2010 in the historic centre of Favara, "
            "near Agrigento: contemporary art, events and workshops in a regenerated "
            "neighbourhood.",
        ),
        description=[
            Bi(
                "Quando Farm Cultural Park ha aperto, nel 2010, buona parte del centro storico di "
                "Favara era semiabbandonata. Il progetto ha scelto di partire proprio da lì: case "
                "e cortili vuoti sono diventati spazi per mostre di arte contemporanea, incontri "
                "e laboratori.",
                "When Farm Cultural Park opened in 2010, much of Favara's historic centre stood "
                "half empty. The project chose to start right there: empty houses and courtyards "
                "became spaces for contemporary art exhibitions, meetings and workshops.",
            ),
            Bi(
                "In pochi anni il quartiere ha ritrovato vita. Gli abitanti partecipano alle "
                "attività e i visitatori arrivano da tutto il mondo, attratti da un luogo in cui "
                "l'arte e la vita quotidiana si mescolano.",
                "Within a few years the neighbourhood came back to life. Residents take part in "
                "the programme and visitors arrive from all over the world, drawn to a place "
                "where art and everyday life mix.",
            ),
            Bi(
                "Farm è oggi uno degli esempi più conosciuti in Italia di rigenerazione urbana "
                "guidata dalla cultura.",
                "Today Farm is one of the best-known Italian examples of culture-led urban "
                "regeneration.",
            ),
        ],
        services=[
            Bi("Mostre di arte contemporanea", "Contemporary art exhibitions"),
            Bi("Eventi culturali aperti alla comunità", "Cultural events open to the community"),
            Bi("Laboratori e attività educative", "Workshops and educational activities"),
            Bi(
                "Esperienza nella rigenerazione dei centri storici attraverso la cultura",
                "Experience in regenerating historic centres through culture",
            ),
        ],
        institution_type="creative-hub",
        sectors=["contemporary-art", "architecture", "cultural-heritage"],
        hub_role="spoke",
        city=same("Favara"),
        region=Bi("Sicilia", "Sicily"),
        country=ITALY,
        centre="Favara",
        website="https://www.farmculturalpark.com/",
    ),
    PartnerText(
        slug="tabakalera",
        language="it",
        title=same("Tabakalera"),
        summary=Bi(
            "Centro internazionale di cultura contemporanea a San Sebastián, ricavato da "
            "un'antica fabbrica di tabacchi: mostre, laboratori, residenze d'artista e start-up "
            "creative.",
            "An international centre for contemporary culture in San Sebastián, housed in a "
            "former tobacco factory: exhibitions, workshops, artist residencies and creative "
            "start-ups.",
        ),
        description=[
            Bi(
                "Tabakalera occupa l'edificio di una grande manifattura di tabacchi di San "
                "Sebastián, nei Paesi Baschi. Chiusa la produzione, la fabbrica è stata "
                "trasformata in un centro culturale aperto alla città.",
                "Tabakalera occupies the building of a large tobacco factory in San Sebastián, in "
                "the Basque Country. Once production stopped, the factory was converted into a "
                "cultural centre open to the city.",
            ),
            Bi(
                "Oggi ospita mostre, laboratori, residenze artistiche e giovani imprese creative, "
                "e mette in dialogo arte, tecnologia e comunità.",
                "It now hosts exhibitions, workshops, artist residencies and young creative "
                "businesses, bringing art, technology and community into conversation.",
            ),
            Bi(
                "È un punto di riferimento in Europa per capire come il patrimonio industriale "
                "possa tornare a produrre: questa volta idee e cultura.",
                "It is a reference point in Europe for seeing how industrial heritage can become "
                "productive again, this time producing ideas and culture.",
            ),
        ],
        services=[
            Bi(
                "Mostre e programmi di cultura contemporanea",
                "Contemporary culture exhibitions and programmes",
            ),
            Bi("Residenze per artisti", "Artist residencies"),
            Bi("Laboratori aperti al pubblico", "Workshops open to the public"),
            Bi(
                "Spazi e accompagnamento per start-up creative",
                "Space and support for creative start-ups",
            ),
        ],
        institution_type="creative-hub",
        sectors=["contemporary-art", "architecture", "cultural-heritage"],
        hub_role="affiliate",
        city=same("San Sebastián"),
        region=Bi("Paesi Baschi", "Basque Country"),
        country=Bi("Spagna", "Spain"),
        address="Plaza de las Cigarreras 1, 20012 Donostia / San Sebastián",
        latitude="43.317100",
        longitude="-1.976800",
        website="https://www.tabakalera.eus/",
    ),
    PartnerText(
        slug="european-heritage-hub",
        language="it",
        title=same("European Heritage Hub"),
        summary=Bi(
            "Progetto promosso dall'Unione europea per coinvolgere di più i cittadini nella cura "
            "del patrimonio culturale comune, guardando soprattutto ai giovani professionisti.",
            "A European Union initiative that aims to strengthen citizens' involvement in caring "
            "for shared cultural heritage, with particular attention to young professionals.",
        ),
        description=[
            Bi(
                "Lo European Heritage Hub è un progetto promosso dall'Unione europea. Vuole "
                "avvicinare i cittadini alla conservazione del patrimonio culturale delle "
                "comunità europee, perché ne siano protagonisti e non soltanto spettatori.",
                "The European Heritage Hub is an initiative of the European Union. Its aim is to "
                "bring citizens closer to the conservation of the cultural heritage of Europe's "
                "communities, so that they take an active part rather than simply look on.",
            ),
            Bi(
                "Un'attenzione speciale è rivolta ai giovani professionisti del patrimonio, che "
                "l'iniziativa vuole coinvolgere e sostenere.",
                "It pays special attention to young heritage professionals, whom the initiative "
                "sets out to involve and support.",
            ),
            Bi(
                "Nell'Heritage Hub rappresenta la dimensione europea della rete: un collegamento "
                "tra le esperienze locali e le politiche comunitarie per il patrimonio.",
                "Within the Heritage Hub it stands for the network's European dimension: a link "
                "between local experience and EU heritage policy.",
            ),
        ],
        services=[
            Bi(
                "Iniziative per la partecipazione dei cittadini alla tutela del patrimonio",
                "Initiatives for citizen participation in caring for heritage",
            ),
            Bi(
                "Attenzione ai giovani professionisti del patrimonio",
                "A focus on young heritage professionals",
            ),
            Bi(
                "Collegamento tra esperienze locali e politiche europee",
                "A link between local practice and European policy",
            ),
        ],
        institution_type="network",
        sectors=["cultural-heritage"],
        hub_role="affiliate",
    ),
    PartnerText(
        slug="hub-cultura-creativita",
        language="it",
        title=Bi(
            "Hub Cultura e Creatività – Regione Emilia-Romagna",
            "Culture and Creativity Hub – Emilia-Romagna Region",
        ),
        summary=Bi(
            "La cabina di regia regionale per le industrie culturali e creative dell'Emilia-"
            "Romagna: riunisce enti, spoke e affiliati per progettare nuove politiche per il "
            "settore.",
            "Emilia-Romagna's regional steering group for the cultural and creative industries: "
            "it brings together public bodies, spokes and affiliates to design new policies for "
            "the sector.",
        ),
        description=[
            Bi(
                "L'Hub Cultura e Creatività è stato istituito dalla Regione Emilia-Romagna "
                "nell'ambito della Strategia di specializzazione intelligente 2021–2027, che "
                "prevede hub e centri di competenza regionali, fisici o virtuali, per favorire il "
                "networking, la crescita delle imprese e il coinvolgimento delle comunità.",
                "The Culture and Creativity Hub was set up by the Emilia-Romagna Region under its "
                "Smart Specialisation Strategy 2021–2027, which provides for regional hubs and "
                "competence centres, physical or virtual, to encourage networking, business "
                "growth and community involvement.",
            ),
            Bi(
                "La Regione lo promuove e lo coordina attraverso il Settore Attività culturali, "
                "Economia della cultura, Giovani. Vi partecipano anche altri settori della "
                "Direzione generale Conoscenza, ricerca, lavoro, imprese; ART-ER, che segue i "
                "Clust-ER Create, Innovate e Build; gli spoke scelti con una manifestazione di "
                "interesse pubblica e i membri affiliati.",
                "The Region promotes and coordinates it through its Department of Cultural "
                "Activities, Cultural Economy and Youth. Other departments of the Directorate-"
                "General for Knowledge, Research, Labour and Enterprise take part, as do ART-ER, "
                "which supports the Create, Innovate and Build Clust-ERs, the spokes chosen "
                "through a public call for expressions of interest, and the affiliated members.",
            ),
            Bi(
                "Il suo tratto distintivo è il policy design: raccogliere i bisogni concreti dei "
                "diversi comparti culturali e creativi e tradurli in misure di sostegno mirate.",
                "Its defining feature is policy design: gathering the concrete needs of each "
                "cultural and creative sub-sector and turning them into targeted support "
                "measures.",
            ),
        ],
        services=[
            Bi(
                "Supporto e formazione per partecipare a bandi e call",
                "Support and training for organisations applying to calls for funding",
            ),
            Bi(
                "Creativity in Policy: misure di sostegno progettate per i singoli sottosettori",
                "Creativity in Policy: support measures designed for each sub-sector",
            ),
            Bi(
                "Oltre i Lab: un'interfaccia comune che presenta competenze e servizi dei "
                "laboratori di ricerca regionali per la digitalizzazione",
                "Beyond the Labs: a shared interface presenting the skills and services of the "
                "regional research labs working on digitisation",
            ),
            Bi(
                "E.S.K.: un catalogo aperto di esperienze e competenze degli spoke",
                "E.S.K.: an open catalogue of the spokes' experience and skills",
            ),
        ],
        institution_type="network",
        sectors=[
            "cultural-heritage",
            "music-performing-arts",
            "contemporary-art",
            "cinema",
            "publishing",
            "design",
        ],
        hub_role="promoter",
        city=same("Bologna"),
        region=EMILIA_ROMAGNA,
        country=ITALY,
        centre="Bologna",
    ),
    PartnerText(
        slug="mister-tecnopolo-bologna",
        language="it",
        title=same("MISTER Smart Innovation – Tecnopolo Bologna CNR"),
        summary=Bi(
            "L'organizzazione che gestisce il Tecnopolo Bologna CNR; come membro affiliato "
            "dell'Hub Cultura e Creatività dell'Emilia-Romagna mette la ricerca al servizio del "
            "comparto culturale.",
            "The managing body of the Bologna CNR Technopole, an affiliate of the Emilia-Romagna "
            "Culture and Creativity Hub that puts research at the service of the cultural sector.",
        ),
        description=[
            Bi(
                "MISTER Smart Innovation gestisce il Tecnopolo Bologna CNR, parte della rete "
                "regionale dei tecnopoli dell'Emilia-Romagna.",
                "MISTER Smart Innovation runs the Bologna CNR Technopole, part of Emilia-Romagna's "
                "regional network of technopoles.",
            ),
            Bi(
                "È stato ammesso come membro affiliato all'Hub Cultura e Creatività, la cabina di "
                "regia regionale per le industrie culturali e creative. In questo ruolo mette a "
                "disposizione del settore le competenze dei laboratori di ricerca e contribuisce "
                "alle azioni comuni per l'innovazione del comparto.",
                "It was admitted as an affiliate member of the Culture and Creativity Hub, the "
                "regional steering group for the cultural and creative industries. In that role "
                "it offers the sector the expertise of research laboratories and contributes to "
                "joint actions for innovation across the field.",
            ),
        ],
        services=[
            Bi(
                "Competenze di ricerca per l'innovazione delle imprese culturali e creative",
                "Research expertise for innovation in cultural and creative businesses",
            ),
            Bi(
                "Partecipazione alle azioni comuni dell'Hub Cultura e Creatività",
                "Taking part in the joint actions of the Culture and Creativity Hub",
            ),
            Bi(
                "Collegamento tra laboratori di ricerca e operatori culturali",
                "A bridge between research laboratories and cultural organisations",
            ),
        ],
        institution_type="research-centre",
        sectors=["cultural-heritage", "software"],
        hub_role="affiliate",
        city=same("Bologna"),
        region=EMILIA_ROMAGNA,
        country=ITALY,
        centre="Bologna",
    ),
    PartnerText(
        slug="brussels-creative-district",
        language="it",
        title=Bi("Distretto Creativo di Bruxelles", "Brussels Creative District"),
        summary=Bi(
            "Rete di spazi creativi a Bruxelles che unisce hub per lo scambio di competenze e "
            "incubatori per l'imprenditoria culturale e l'innovazione sociale.",
            "A network of creative spaces in Brussels that combines hubs for sharing skills with "
            "incubators for cultural entrepreneurship and social innovation.",
        ),
        description=[
            Bi(
                "Il Distretto Creativo di Bruxelles, partner del progetto europeo FACE, sostiene "
                "le industrie culturali e creative e promuove l'innovazione sociale facendo "
                "incontrare persone di settori e comunità diverse, e incoraggiandole a "
                "sperimentare e a costruire insieme progetti con un impatto reale.",
                "The Brussels Creative District, a partner in the European FACE project, supports "
                "the cultural and creative industries and fosters social innovation by bringing "
                "together people from different sectors and communities and encouraging them to "
                "experiment and build projects with a real impact together.",
            ),
            ("h3", Bi("Hub e incubatori", "Hubs and incubators")),
            Bi(
                "Il distretto lavora su due fronti. Gli hub sono spazi di ricerca e sviluppo dove "
                "i professionisti creativi si incontrano, si scambiano competenze e superano i "
                "confini delle proprie discipline. Gli incubatori aiutano gli imprenditori a "
                "rispondere ai bisogni delle comunità locali con strumenti per lo sviluppo "
                "d'impresa, mentorship e contatti.",
                "The district works on two fronts. Its hubs are research and development spaces "
                "where creative professionals meet, exchange skills and cross the boundaries of "
                "their disciplines. Its incubators help entrepreneurs respond to the needs of "
                "local communities with business development tools, mentoring and contacts.",
            ),
            ("h3", Bi("Gli spazi", "The spaces")),
            (
                "ul",
                [
                    Bi(
                        "Motown: sala concerti che ospita spettacoli e artisti in residenza, "
                        "accompagnandoli nel processo creativo.",
                        "Motown: a concert hall that hosts performances and artists in "
                        "residence, supporting them through the creative process.",
                    ),
                    Bi(
                        "Ubuntu Loft: spazio di networking dove imprenditori, creativi e "
                        "abitanti si incontrano per avviare collaborazioni.",
                        "Ubuntu Loft: a networking space where entrepreneurs, creatives and "
                        "residents meet to start working together.",
                    ),
                    Bi(
                        "Ubuntu Art Studio: vetrina per artisti emergenti e affermati, con "
                        "mostre, laboratori e progetti collettivi.",
                        "Ubuntu Art Studio: a showcase for emerging and established artists, with "
                        "exhibitions, workshops and collective projects.",
                    ),
                ],
            ),
        ],
        services=[
            Bi(
                "Residenze e accompagnamento alla creazione (Motown)",
                "Residencies and support for new work (Motown)",
            ),
            Bi(
                "Eventi di networking formali e informali (Ubuntu Loft)",
                "Formal and informal networking events (Ubuntu Loft)",
            ),
            Bi(
                "Spazio espositivo e laboratori per artisti (Ubuntu Art Studio)",
                "Exhibition space and workshops for artists (Ubuntu Art Studio)",
            ),
            Bi(
                "Incubazione di progetti d'impresa a impatto sociale",
                "Incubation of business projects with a social impact",
            ),
        ],
        institution_type="creative-hub",
        sectors=["music-performing-arts", "contemporary-art", "design"],
        hub_role="affiliate",
        city=same("Bruxelles"),
        region=Bi("Regione di Bruxelles-Capitale", "Brussels-Capital Region"),
        country=Bi("Belgio", "Belgium"),
        centre="Bruxelles",
    ),
    PartnerText(
        slug="officine-on-off",
        language="it",
        title=same("Officine On/Off"),
        summary=Bi(
            "Spazio di coworking e fabbricazione digitale attivo dal 2013: comunità "
            "professionale, consulenza a chi avvia un'attività e laboratori condivisi.",
            "A coworking and digital fabrication space active since 2013: a professional "
            "community, advice for people starting a business and shared workshops.",
        ),
        description=[
            Bi(
                "Officine On/Off è un hub collaborativo attivo dal 2013 che riunisce una comunità "
                "di professionisti intorno a spazi di lavoro condivisi e a laboratori attrezzati "
                "per la fabbricazione digitale.",
                "Officine On/Off is a collaborative hub, active since 2013, that gathers a "
                "community of professionals around shared workspaces and workshops equipped for "
                "digital fabrication.",
            ),
            Bi(
                "Nel 2020 ha partecipato al programma europeo Creative FLIP con uno scambio tra "
                "pari insieme a F O R di Timișoara, da cui è nato il documento «Creative Hubs in "
                "Times of Covid-19».",
                "In 2020 it took part in the European Creative FLIP programme through a peer "
                "exchange with F O R in Timișoara, which produced the paper “Creative Hubs in "
                "Times of Covid-19”.",
            ),
        ],
        services=[
            Bi(
                "Creazione e cura di comunità professionali, in rete e in presenza",
                "Building and running professional communities, online and in person",
            ),
            Bi(
                "Orientamento e consulenza per chi avvia un'attività",
                "Guidance and advice for people starting a business",
            ),
            Bi(
                "Gestione di spazi e laboratori con tecnologie di fabbricazione digitale",
                "Running shared spaces and workshops with digital fabrication technology",
            ),
            Bi("Fundraising per il terzo settore", "Fundraising for the non-profit sector"),
        ],
        institution_type="creative-hub",
        sectors=["design", "software"],
        hub_role="spoke",
        city=same("Parma"),
        region=EMILIA_ROMAGNA,
        country=ITALY,
        centre="Parma",
    ),
    PartnerText(
        slug="for-timisoara",
        language="it",
        title=same("F O R"),
        summary=Bi(
            "Makerspace e hub creativo di Timișoara, in Romania, aperto al pubblico "
            "nell'ottobre 2020.",
            "A makerspace and creative hub in Timișoara, Romania, that opened its doors in "
            "October 2020.",
        ),
        description=[
            Bi(
                "F O R ha aperto fisicamente nell'ottobre del 2020, in piena pandemia: un hub "
                "appena nato, costruito intorno a un laboratorio per makers e a una comunità di "
                "tecnici, progettisti e creativi.",
                "F O R opened its premises in October 2020, in the middle of the pandemic: a "
                "brand-new hub built around a makers' workshop and a community of technicians, "
                "designers and creatives.",
            ),
            Bi(
                "Con Officine On/Off ha condiviso lo scambio Creative FLIP P2P 2020, mettendo a "
                "confronto un'esperienza appena avviata con quella di un hub attivo da sette anni.",
                "With Officine On/Off it shared the Creative FLIP P2P 2020 exchange, comparing a "
                "venture that had just begun with a hub that had been running for seven years.",
            ),
        ],
        services=[
            Bi("Laboratorio di fabbricazione digitale", "Digital fabrication workshop"),
            Bi(
                "Progettazione meccanica e design di prodotto",
                "Mechanical engineering and product design",
            ),
            Bi(
                "Gestione dello spazio e della comunità dei makers",
                "Running the space and its maker community",
            ),
        ],
        institution_type="creative-hub",
        sectors=["design", "software"],
        hub_role="affiliate",
        city=same("Timișoara"),
        region=same("Timiș"),
        country=same("Romania"),
        centre="Timișoara",
    ),
    PartnerText(
        slug="genova-creative-cities",
        language="it",
        title=Bi("Comune di Genova – Creative Cities", "City of Genoa – Creative Cities"),
        summary=Bi(
            "Il progetto con cui il Comune di Genova e Job Centre Srl costruiscono un cluster "
            "locale dell'industria creativa, in rete con partner tedeschi, polacchi, sloveni e "
            "ungheresi.",
            "The project through which the City of Genoa and Job Centre Srl are building a local "
            "creative-industry cluster, networked with cities in Germany, Poland, Slovenia and "
            "Hungary.",
        ),
        description=[
            Bi(
                "Creative Cities è promosso dall'Area Cultura e Innovazione del Comune di Genova, "
                "attraverso l'Ufficio Cultura e Città, insieme a Job Centre Srl. Parte dall'idea "
                "che la creatività sia una leva decisiva per lo sviluppo della città e che il "
                "confronto con altre realtà europee serva a cambiare, non a copiare.",
                "Creative Cities is run by the City of Genoa's Culture and Innovation Area, "
                "through its Culture and City Office, together with Job Centre Srl. It starts "
                "from the idea that creativity is a decisive lever for the city's development, "
                "and that comparing notes with other European cities is a way to change, not to "
                "copy.",
            ),
            Bi(
                "L'obiettivo è doppio: rafforzare una rete internazionale di distretti creativi "
                "nelle città europee e far nascere a Genova un cluster dell'industria creativa "
                "che riunisca imprese e istituzioni di dodici settori: dal patrimonio culturale "
                "all'architettura, dalla musica e lo spettacolo all'arte contemporanea e al "
                "cinema, fino a software, editoria, pubblicità, radio e TV, moda, design e "
                "gastronomia.",
                "Its goal is twofold: to strengthen an international network of creative "
                "districts in European cities, and to grow a creative-industry cluster in Genoa "
                "that brings together businesses and institutions from heritage, architecture, "
                "music and performing arts, contemporary art, cinema, software, publishing, "
                "advertising, radio and television, fashion, design and food.",
            ),
            Bi(
                "In concreto il progetto prevede un'indagine sul settore, uno sportello per le "
                "imprese creative che vogliono insediarsi nell'area metropolitana e un Piano di "
                "azione congiunto.",
                "In practice the project includes a survey of the sector, a contact point for "
                "creative businesses wishing to set up in the metropolitan area, and a Joint "
                "Action Plan.",
            ),
        ],
        services=[
            Bi(
                "Sportello informativo per l'insediamento di imprese creative",
                "Information desk for creative businesses setting up in the area",
            ),
            Bi(
                "Sviluppo dei talenti locali e attrazione di talenti da fuori città",
                "Developing local talent and attracting talent from elsewhere",
            ),
            Bi(
                "Aggiornamento professionale per chi lavora nell'industria creativa",
                "Professional development for people working in the creative industries",
            ),
            Bi(
                "Collegamenti con reti creative internazionali",
                "Links with international creative networks",
            ),
        ],
        institution_type="public-body",
        sectors=ALL_SECTORS,
        hub_role="spoke",
        city=same("Genova"),
        region=same("Liguria"),
        country=ITALY,
        centre="Genova",
    ),
]

OPEN_ACCESS_LINE = Bi(
    "The pictures in this hub are palette-reduced derivatives of those images, made for the Art "
    "Breaker 3000 project; each record links to the work's page on the museum's website.",
    "Le immagini presenti nell'hub sono derivati a tavolozza ridotta di quelle fotografie, "
    "realizzati per il progetto Art Breaker 3000; ogni scheda rimanda alla pagina dell'opera sul "
    "sito del museo.",
)
OPEN_ACCESS_SERVICES = [
    Bi("Open access images and data (CC0)", "Immagini e dati open access (CC0)"),
    Bi("Collection research", "Ricerca sulle collezioni"),
    Bi("Exhibitions and public programmes", "Mostre e programmi per il pubblico"),
]

OPEN_DATA_PARTNERS = [
    PartnerText(
        slug="tate",
        language="en",
        title=same("Tate"),
        summary=Bi(
            "The United Kingdom's national collection of British art from 1500 and of "
            "international modern and contemporary art, shown in four galleries.",
            "La collezione nazionale britannica di arte dal 1500 a oggi e di arte moderna e "
            "contemporanea internazionale, esposta in quattro sedi.",
        ),
        description=[
            Bi(
                "Tate cares for the national collection of British art from 1500 to the present "
                "day and of international modern and contemporary art. It shows the collection "
                "in four galleries: Tate Britain and Tate Modern in London, Tate Liverpool, and "
                "Tate St Ives in Cornwall.",
                "La Tate custodisce la collezione nazionale di arte britannica dal 1500 a oggi e "
                "di arte moderna e contemporanea internazionale, esposta in quattro sedi: Tate "
                "Britain e Tate Modern a Londra, Tate Liverpool e Tate St Ives in Cornovaglia.",
            ),
            Bi(
                "Tate released the catalogue data of some 70,000 artworks and 3,500 artists as "
                "open data under CC0. The records in this hub come from that release as it stood "
                "in 2014: they describe the works but carry no pictures, which remain subject to "
                "the artists' rights.",
                "La Tate ha pubblicato come dati aperti, con licenza CC0, le schede di catalogo "
                "di circa 70.000 opere e 3.500 artisti. Le schede presenti nell'hub provengono da "
                "quella pubblicazione, aggiornata al 2014: descrivono le opere ma non contengono "
                "immagini, che restano soggette ai diritti degli artisti.",
            ),
        ],
        services=[
            Bi(
                "Open catalogue data (CC0) for about 70,000 artworks",
                "Dati di catalogo aperti (CC0) per circa 70.000 opere",
            ),
            Bi(
                "Collection research and artist records",
                "Ricerca sulle collezioni e schede degli artisti",
            ),
            Bi(
                "Exhibitions and learning programmes in four galleries",
                "Mostre e programmi educativi in quattro sedi",
            ),
        ],
        institution_type="museum",
        sectors=["contemporary-art", "cultural-heritage"],
        hub_role="affiliate",
        city=same("London"),
        region=Bi("England", "Inghilterra"),
        country=Bi("United Kingdom", "Regno Unito"),
        centre="London",
        website="https://www.tate.org.uk/",
    ),
    PartnerText(
        slug="art-institute-of-chicago",
        language="en",
        title=same("The Art Institute of Chicago"),
        summary=Bi(
            "One of the oldest and largest art museums in the United States, in Chicago's Grant "
            "Park, which shares images of its public-domain works under CC0.",
            "Uno dei musei d'arte più antichi e grandi degli Stati Uniti, nel Grant Park di "
            "Chicago, che condivide con licenza CC0 le immagini delle sue opere di pubblico "
            "dominio.",
        ),
        description=[
            Bi(
                "Founded in 1879, the Art Institute of Chicago holds collections spanning some "
                "five thousand years of human creativity, from ancient ceramics to contemporary "
                "art, and is known in particular for its Impressionist and Post-Impressionist "
                "paintings.",
                "Fondato nel 1879, l'Art Institute of Chicago conserva collezioni che abbracciano "
                "circa cinquemila anni di creatività umana, dalle ceramiche antiche all'arte "
                "contemporanea, ed è noto in particolare per i dipinti impressionisti e "
                "postimpressionisti.",
            ),
            Bi(
                "Through its open access programme the museum publishes images of public-domain "
                "works under CC0, together with their catalogue data.",
                "Con il suo programma open access il museo pubblica con licenza CC0 le immagini "
                "delle opere di pubblico dominio, insieme ai dati di catalogo.",
            ),
            OPEN_ACCESS_LINE,
        ],
        services=OPEN_ACCESS_SERVICES,
        institution_type="museum",
        sectors=["cultural-heritage", "contemporary-art"],
        hub_role="affiliate",
        city=same("Chicago"),
        region=same("Illinois"),
        country=USA,
        address="111 South Michigan Avenue, Chicago, IL 60603",
        latitude="41.879600",
        longitude="-87.623700",
        website="https://www.artic.edu/",
        hero="ab_artic_28560.png",
    ),
    PartnerText(
        slug="cleveland-museum-of-art",
        language="en",
        title=same("The Cleveland Museum of Art"),
        summary=Bi(
            "A museum in Cleveland's University Circle, free to all since it opened, whose open "
            "access programme releases public-domain images and data under CC0.",
            "Museo nel quartiere di University Circle a Cleveland, gratuito per tutti fin "
            "dall'apertura, che con il suo programma open access pubblica con licenza CC0 "
            "immagini e dati delle opere di pubblico dominio.",
        ),
        description=[
            Bi(
                "The Cleveland Museum of Art opened in 1916 and has always been free to visit. "
                "Its collection ranges from ancient Egypt to contemporary art, with important "
                "holdings of Asian and medieval European art.",
                "Il Cleveland Museum of Art ha aperto nel 1916 ed è da sempre a ingresso "
                "gratuito. Le sue collezioni vanno dall'antico Egitto all'arte contemporanea, con "
                "nuclei importanti di arte asiatica ed europea medievale.",
            ),
            Bi(
                "Its open access initiative shares images of public-domain works and their "
                "catalogue data under CC0.",
                "La sua iniziativa open access condivide con licenza CC0 le immagini delle opere "
                "di pubblico dominio e i relativi dati di catalogo.",
            ),
            OPEN_ACCESS_LINE,
        ],
        services=OPEN_ACCESS_SERVICES,
        institution_type="museum",
        sectors=["cultural-heritage", "contemporary-art"],
        hub_role="affiliate",
        city=same("Cleveland"),
        region=same("Ohio"),
        country=USA,
        address="11150 East Boulevard, Cleveland, OH 44106",
        latitude="41.508900",
        longitude="-81.611900",
        website="https://www.clevelandart.org/",
        hero="ab_clevelandart_1947.209.png",
    ),
    PartnerText(
        slug="metropolitan-museum-of-art",
        language="en",
        title=same("The Metropolitan Museum of Art"),
        summary=Bi(
            "The largest art museum in the United States, on Fifth Avenue in New York, whose "
            "Open Access policy shares hundreds of thousands of public-domain images under CC0.",
            "Il più grande museo d'arte degli Stati Uniti, sulla Fifth Avenue a New York, che "
            "con la sua politica Open Access condivide con licenza CC0 centinaia di migliaia di "
            "immagini di pubblico dominio.",
        ),
        description=[
            Bi(
                "Founded in 1870, The Met presents five thousand years of art from every part of "
                "the world, in its building on Fifth Avenue and at The Met Cloisters, its branch "
                "devoted to the art of medieval Europe.",
                "Fondato nel 1870, il Met presenta cinquemila anni di arte da ogni parte del "
                "mondo, nella sede sulla Fifth Avenue e a The Met Cloisters, la sezione dedicata "
                "all'arte dell'Europa medievale.",
            ),
            Bi(
                "Since 2017 its Open Access policy has made images of public-domain works freely "
                "available under CC0.",
                "Dal 2017 la sua politica Open Access rende liberamente disponibili con licenza "
                "CC0 le immagini delle opere di pubblico dominio.",
            ),
            OPEN_ACCESS_LINE,
        ],
        services=OPEN_ACCESS_SERVICES,
        institution_type="museum",
        sectors=["cultural-heritage", "contemporary-art"],
        hub_role="affiliate",
        city=same("New York"),
        region=same("New York"),
        country=USA,
        address="1000 Fifth Avenue, New York, NY 10028",
        latitude="40.779400",
        longitude="-73.963200",
        website="https://www.metmuseum.org/",
        hero="ab_metmuseum_436535.png",
    ),
    PartnerText(
        slug="national-gallery-of-art",
        language="en",
        title=same("National Gallery of Art"),
        summary=Bi(
            "The national art museum of the United States, on the National Mall in Washington, "
            "free to all and generous with images of its public-domain works.",
            "Il museo d'arte nazionale degli Stati Uniti, sul National Mall a Washington, "
            "gratuito per tutti e generoso con le immagini delle sue opere di pubblico dominio.",
        ),
        description=[
            Bi(
                "The National Gallery of Art was created in 1937 for the people of the United "
                "States, with the collection and funds given by Andrew W. Mellon, and opened in "
                "1941. It shows European and American art from the Middle Ages to today.",
                "La National Gallery of Art è stata istituita nel 1937 per il popolo degli Stati "
                "Uniti, grazie alla collezione e ai fondi donati da Andrew W. Mellon, e ha aperto "
                "nel 1941. Espone arte europea e americana dal Medioevo a oggi.",
            ),
            Bi(
                "Images of the public-domain works in its collection can be downloaded and used "
                "free of charge.",
                "Le immagini delle opere di pubblico dominio della collezione si possono "
                "scaricare e usare gratuitamente.",
            ),
            OPEN_ACCESS_LINE,
        ],
        services=OPEN_ACCESS_SERVICES,
        institution_type="museum",
        sectors=["cultural-heritage", "contemporary-art"],
        hub_role="affiliate",
        city=WASHINGTON,
        region=DC,
        country=USA,
        latitude="38.891300",
        longitude="-77.019900",
        website="https://www.nga.gov/",
        hero="ab_nga_50724.png",
    ),
    PartnerText(
        slug="smithsonian-american-art-museum",
        language="en",
        title=same("Smithsonian American Art Museum"),
        summary=Bi(
            "The Smithsonian Institution's museum of American art, in Washington, whose images "
            "of public-domain works are part of Smithsonian Open Access (CC0).",
            "Il museo di arte americana della Smithsonian Institution, a Washington, le cui "
            "immagini di opere di pubblico dominio fanno parte di Smithsonian Open Access (CC0).",
        ),
        description=[
            Bi(
                "The Smithsonian American Art Museum holds one of the largest collections of "
                "American art in the world, from colonial portraits to media art. It shares the "
                "historic Old Patent Office Building in Washington with the National Portrait "
                "Gallery.",
                "Lo Smithsonian American Art Museum conserva una delle più ampie collezioni di "
                "arte americana al mondo, dai ritratti dell'epoca coloniale alla media art. "
                "Condivide con la National Portrait Gallery lo storico Old Patent Office "
                "Building di Washington.",
            ),
            Bi(
                "Since 2020 Smithsonian Open Access has released millions of images and records "
                "from the Smithsonian's museums under CC0.",
                "Dal 2020 Smithsonian Open Access ha pubblicato con licenza CC0 milioni di "
                "immagini e schede dei musei della Smithsonian.",
            ),
        ],
        services=OPEN_ACCESS_SERVICES,
        institution_type="museum",
        sectors=["cultural-heritage", "contemporary-art"],
        hub_role="affiliate",
        city=WASHINGTON,
        region=DC,
        country=USA,
        address="8th and G Streets NW, Washington, DC 20004",
        latitude="38.897700",
        longitude="-77.022900",
        website="https://americanart.si.edu/",
        hero="anim8_landscape.jpg",
    ),
    PartnerText(
        slug="library-of-congress",
        language="en",
        title=same("Library of Congress"),
        summary=Bi(
            "The research library of the United States Congress and the largest library in the "
            "world, whose Prints and Photographs Division preserves millions of images.",
            "La biblioteca di ricerca del Congresso degli Stati Uniti e la più grande biblioteca "
            "del mondo, la cui divisione Stampe e fotografie conserva milioni di immagini.",
        ),
        description=[
            Bi(
                "Founded in 1800, the Library of Congress collects books, manuscripts, maps, "
                "recordings, prints and photographs. Many of its historic photographs have no "
                "known copyright restrictions and can be reused freely.",
                "Fondata nel 1800, la Library of Congress raccoglie libri, manoscritti, carte "
                "geografiche, registrazioni, stampe e fotografie. Molte delle sue fotografie "
                "storiche non hanno restrizioni di copyright note e si possono riutilizzare "
                "liberamente.",
            ),
            Bi(
                "The two photographs in this hub were published by the Library's Seeing Lost "
                "Enclaves project, which released its code and images under CC0.",
                "Le due fotografie presenti nell'hub sono state pubblicate dal progetto Seeing "
                "Lost Enclaves della Biblioteca, che ha rilasciato codice e immagini con licenza "
                "CC0.",
            ),
        ],
        services=[
            Bi(
                "Historic photographs free to reuse",
                "Fotografie storiche liberamente riutilizzabili",
            ),
            Bi("Research services for readers", "Servizi di ricerca per i lettori"),
            Bi("Digital collections and experiments", "Collezioni digitali e sperimentazioni"),
        ],
        institution_type="library",
        sectors=["cultural-heritage", "publishing"],
        hub_role="affiliate",
        city=WASHINGTON,
        region=DC,
        country=USA,
        address="101 Independence Avenue SE, Washington, DC 20540",
        latitude="38.888700",
        longitude="-77.004700",
        website="https://www.loc.gov/",
        hero="loc_children-walking.jpg",
    ),
    PartnerText(
        slug="brooklyn-museum",
        language="en",
        title=same("Brooklyn Museum"),
        summary=Bi(
            "One of the oldest and largest art museums in the United States, in Brooklyn, New "
            "York, with collections from ancient Egypt to contemporary art.",
            "Uno dei musei d'arte più antichi e grandi degli Stati Uniti, a Brooklyn, New York, "
            "con collezioni che vanno dall'antico Egitto all'arte contemporanea.",
        ),
        description=[
            Bi(
                "The Brooklyn Museum's collection includes celebrated ancient Egyptian works, "
                "arts of Africa, the Pacific and the Americas, European and American painting, "
                "and a centre devoted to feminist art.",
                "La collezione del Brooklyn Museum comprende celebri opere dell'antico Egitto, "
                "arti dell'Africa, del Pacifico e delle Americhe, pittura europea e americana e "
                "un centro dedicato all'arte femminista.",
            ),
            Bi(
                "The photograph of Greek coins from Pompeii in this hub comes from its "
                "collection; it is distributed with the scikit-image software library as sample "
                "data with no known copyright restrictions.",
                "La fotografia di monete greche da Pompei presente nell'hub proviene dalla sua "
                "collezione; è distribuita con la libreria software scikit-image come dato di "
                "esempio, senza restrizioni di copyright note.",
            ),
        ],
        services=[
            Bi("Collection research", "Ricerca sulle collezioni"),
            Bi("Exhibitions and public programmes", "Mostre e programmi per il pubblico"),
        ],
        institution_type="museum",
        sectors=["cultural-heritage", "contemporary-art"],
        hub_role="affiliate",
        city=same("New York"),
        region=same("New York"),
        country=USA,
        address="200 Eastern Parkway, Brooklyn, NY 11238",
        latitude="40.671200",
        longitude="-73.963600",
        website="https://www.brooklynmuseum.org/",
    ),
    PartnerText(
        slug="nasa",
        language="en",
        title=same("NASA"),
        summary=Bi(
            "The civil space agency of the United States, founded in 1958, whose photographs are "
            "generally free of copyright.",
            "L'agenzia spaziale civile degli Stati Uniti, fondata nel 1958, le cui fotografie in "
            "genere non sono protette da copyright.",
        ),
        description=[
            Bi(
                "NASA, the National Aeronautics and Space Administration, has documented human "
                "spaceflight since its first missions. Its images are generally not subject to "
                "copyright in the United States and may be used for education and information.",
                "La NASA, National Aeronautics and Space Administration, documenta il volo "
                "spaziale umano fin dalle prime missioni. Le sue immagini in genere non sono "
                "soggette a copyright negli Stati Uniti e si possono usare a scopo educativo e "
                "informativo.",
            ),
        ],
        services=[
            Bi(
                "Public-domain images of spaceflight",
                "Immagini di pubblico dominio del volo spaziale",
            ),
            Bi("Education resources", "Risorse educative"),
        ],
        institution_type="research-centre",
        sectors=["cultural-heritage"],
        hub_role="affiliate",
        city=WASHINGTON,
        region=DC,
        country=USA,
        centre="Washington",
        website="https://www.nasa.gov/",
    ),
    PartnerText(
        slug="wikimedia-commons",
        language="en",
        title=same("Wikimedia Commons"),
        summary=Bi(
            "The free media repository of the Wikimedia movement, where museums, archives, "
            "libraries and volunteers share public-domain and freely licensed files.",
            "L'archivio multimediale libero del movimento Wikimedia, dove musei, archivi, "
            "biblioteche e volontari condividono file di pubblico dominio o con licenze libere.",
        ),
        description=[
            Bi(
                "Wikimedia Commons was launched in 2004 and is run by the Wikimedia Foundation. "
                "It holds tens of millions of images, sounds and videos that anyone may reuse, "
                "many of them digitised by cultural institutions.",
                "Wikimedia Commons è nato nel 2004 ed è gestito dalla Wikimedia Foundation. "
                "Contiene decine di milioni di immagini, suoni e video che chiunque può "
                "riutilizzare, molti dei quali digitalizzati da istituzioni culturali.",
            ),
            Bi(
                "The records in this hub describe files published on Commons; each one names the "
                "institution that holds the original, where it is known.",
                "Le schede presenti nell'hub descrivono file pubblicati su Commons; ciascuna "
                "indica, quando è nota, l'istituzione che conserva l'originale.",
            ),
        ],
        services=[
            Bi("Freely reusable media files", "File multimediali liberamente riutilizzabili"),
            Bi(
                "Hosting for digitisation projects of cultural institutions",
                "Pubblicazione dei progetti di digitalizzazione delle istituzioni culturali",
            ),
        ],
        institution_type="digital-platform",
        sectors=["cultural-heritage"],
        hub_role="affiliate",
        website="https://commons.wikimedia.org/",
        hero="pfvc_renoir.jpg",
    ),
]

ALL_PARTNERS = SEED_PARTNERS + OPEN_DATA_PARTNERS


def partner_page(text, images):
    """An unsaved PartnerPage in the text's source language, and its translation strings."""
    strings = Strings()
    institution_type = None
    if text.institution_type:
        institution_type = InstitutionType.objects.get(
            slug=text.institution_type, locale__language_code=text.language
        )
    latitude, longitude = text.coordinates
    page = PartnerPage(
        title=strings(text.title),
        slug=text.slug,
        summary=strings(text.summary),
        description=strings.rich(*text.description),
        services=strings.rich(("ul", text.services)),
        institution_type=institution_type,
        hub_role=text.hub_role,
        address=text.address,
        city=strings(text.city),
        region=strings(text.region),
        country=strings(text.country),
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
        website=text.website,
        hero_image=images.get(text.hero) if text.hero else None,
    )
    page.sectors = list(
        Sector.objects.filter(slug__in=text.sectors, locale__language_code=text.language)
    )
    page.country_code, page.languages, offers = PARTNER_FACTS[text.slug]
    kinds = {
        kind.slug: kind for kind in ServiceKind.objects.filter(locale__language_code=text.language)
    }
    page.offers = [
        PartnerOffer(
            kind=kinds[offer.kind], note=strings(offer.note), capacity=offer.capacity,
            booking_url=text.website,
        )
        for offer in offers
    ]  # fmt: skip
    return page, strings


def load_partners(indexes, images, stats):
    """Every partner page in its source language and its translation; source pages by slug.

    ``indexes`` maps a language code to that language's partner index page.
    """
    pages = {}
    for text in ALL_PARTNERS:
        page, strings = partner_page(text, images)
        page, _created = ensure_child(indexes[text.language], page, stats, "partners")
        translate_page(page, text.translation_language, strings, stats)
        pages[text.slug] = page
    return pages
