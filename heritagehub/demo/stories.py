"""Stories about the hubs of the seed documents, written in Italian; most translated into English.

Hub stories sit under the story index, partner stories under their partner's page. Bodies use
headings, paragraphs, pull quotes, images, galleries and item cards that point to real items
loaded from Tate's and the museums' open data. Quotes are pull quotes from the story itself,
attributed to its author: no words are put into real people's mouths.
"""

from dataclasses import dataclass, field
from datetime import date

from stories.models import StoryPage, StoryRelatedItem

from .base import Bi, Strings, block, ensure_child, list_item
from .collections import item_by_identifier
from .translate import translate_page

EDITORS = Bi("Redazione Heritage Hub", "Heritage Hub editorial team")


def p(text):
    return ("paragraph", text)


def h(text):
    return ("heading", text)


def ul(*items):
    return ("list", list(items))


def quote(text, attribution=EDITORS):
    return ("quote", text, attribution)


def image(filename, caption):
    return ("image", filename, caption)


def gallery(title, *images):
    return ("gallery", title, list(images))


def item(identifier, note):
    return ("item_card", identifier, note)


@dataclass
class StoryText:
    slug: str
    parent: str  # "hub" for the story index, else a partner slug
    title: Bi | str
    summary: Bi | str
    date: date
    author: Bi | str
    role: str
    place: Bi | str
    tags: list
    body: list
    hero: str | None = None
    related: list = field(default_factory=list)

    @property
    def translated(self):
        return isinstance(self.title, Bi) and self.title.translation is not None


STORIES = [
    StoryText(
        slug="cosa-sono-gli-heritage-hub",
        parent="hub",
        title=Bi(
            "Heritage hub: che cosa sono e perché contano",
            "Heritage hubs: what they are and why they matter",
        ),
        summary=Bi(
            "Musei, centri di ricerca, spazi di comunità e piattaforme digitali: le tante forme "
            "di un'idea semplice, mettere il patrimonio al centro della vita delle persone.",
            "Museums, research centres, community spaces and digital platforms: the many shapes "
            "of a simple idea, putting heritage at the heart of people's lives.",
        ),
        date=date(2025, 1, 15),
        author=EDITORS,
        role="staff",
        place=Bi("Europa", "Europe"),
        tags=["heritage hub", "patrimonio culturale", "partecipazione"],
        hero="loc_children-walking.jpg",
        body=[
            p(
                Bi(
                    "L'espressione heritage hub si sente sempre più spesso, ma indica realtà "
                    "molto diverse tra loro. Un hub del patrimonio può essere un museo che apre i "
                    "suoi depositi, un centro di ricerca che digitalizza archivi, uno spazio di "
                    "quartiere in cui gli abitanti raccolgono le proprie memorie, oppure una "
                    "piattaforma online che mette in rete tutto questo.",
                    "The term heritage hub is heard more and more often, yet it covers very "
                    "different realities. A heritage hub can be a museum opening up its "
                    "storerooms, a research centre digitising archives, a neighbourhood space "
                    "where residents gather their memories, or an online platform that connects "
                    "all of these.",
                )
            ),
            h(Bi("Un luogo di incontro, non un deposito", "A meeting place, not a storeroom")),
            p(
                Bi(
                    "Ciò che accomuna queste esperienze è il modo di lavorare. Istituzioni "
                    "pubbliche, imprese, organizzazioni non profit e singoli cittadini si siedono "
                    "allo stesso tavolo per conservare e valorizzare il patrimonio: quello fatto "
                    "di oggetti e luoghi, e quello immateriale di saperi, lingue e tradizioni. Il "
                    "patrimonio diventa così una risorsa per uno sviluppo sostenibile, capace di "
                    "creare lavoro e nuove imprese sul territorio.",
                    "What these experiences share is a way of working. Public institutions, "
                    "businesses, non-profit organisations and individual citizens sit at the same "
                    "table to preserve and enhance heritage: the heritage of objects and places, "
                    "and the intangible heritage of knowledge, languages and traditions. Heritage "
                    "thus becomes a resource for sustainable development, able to create jobs and "
                    "new businesses locally.",
                )
            ),
            quote(
                Bi(
                    "Un heritage hub non chiude il passato in una vetrina: lo rimette in "
                    "circolazione.",
                    "A heritage hub does not lock the past in a display case: it puts it back "
                    "into circulation.",
                )
            ),
            h(Bi("Tecnologie al servizio dell'accesso", "Technology in the service of access")),
            p(
                Bi(
                    "Le tecnologie digitali hanno un ruolo centrale. La realtà aumentata permette "
                    "di vedere un edificio com'era, l'intelligenza artificiale aiuta a descrivere "
                    "e collegare migliaia di documenti, i dati aperti consentono a chiunque di "
                    "riutilizzare le collezioni. L'obiettivo è rendere il patrimonio accessibile "
                    "e significativo per chi vive oggi e per le generazioni future.",
                    "Digital technologies play a central role. Augmented reality lets people see "
                    "a building as it once was, artificial intelligence helps to describe and "
                    "link thousands of documents, and open data allows anyone to reuse "
                    "collections. The aim is to make heritage accessible and meaningful for "
                    "people today and for generations to come.",
                )
            ),
            p(
                Bi(
                    "C'è poi un aspetto meno visibile ma decisivo: gli hub danno spazio a storie "
                    "rimaste spesso ai margini, come quelle delle minoranze e dei gruppi meno "
                    "rappresentati. Le fotografie di vita quotidiana conservate dalle "
                    "biblioteche ricordano quante comunità hanno lasciato tracce che aspettano "
                    "ancora di essere raccontate.",
                    "There is also a less visible but decisive aspect: hubs give room to stories "
                    "that have often been left on the margins, such as those of minorities and "
                    "under-represented groups. Photographs of everyday life kept by libraries "
                    "remind us how many communities have left traces still waiting to be told.",
                )
            ),
            item(
                "2005693789",
                Bi(
                    "Una bancarella di pesce fotografata intorno al 1921: la vita quotidiana "
                    "come patrimonio.",
                    "A fish stall photographed around 1921: everyday life as heritage.",
                ),
            ),
            p(
                Bi(
                    "In questo sito trovate alcuni esempi concreti, in Italia e in Europa: il "
                    "Polo del '900 a Torino, Farm Cultural Park a Favara, Tabakalera a San "
                    "Sebastián, lo European Heritage Hub. Ognuno interpreta a modo suo l'idea di "
                    "hub.",
                    "On this site you will find some concrete examples in Italy and Europe: "
                    "Polo del '900 in Turin, Farm Cultural Park in Favara, Tabakalera in San "
                    "Sebastián and the European Heritage Hub. Each interprets the idea of a hub "
                    "in its own way.",
                )
            ),
        ],
        related=["2005693789", "91795656"],
    ),
    StoryText(
        slug="dati-aperti-collezioni-museali",
        parent="hub",
        title=Bi(
            "Dati aperti: come le collezioni dei musei arrivano nell'hub",
            "Open data: how museum collections reach the hub",
        ),
        summary=Bi(
            "Dalla Tate al Metropolitan Museum, sempre più istituzioni pubblicano schede e "
            "immagini con licenze aperte. Ecco come le usiamo e che cosa dicono i diritti di "
            "ogni opera.",
            "From Tate to the Metropolitan Museum, more and more institutions publish records "
            "and images under open licences. Here is how we use them, and what each item's "
            "rights statement tells you.",
        ),
        date=date(2025, 2, 10),
        author=EDITORS,
        role="staff",
        place="",
        tags=["dati aperti", "open access", "diritti"],
        hero="ab_artic_24645.png",
        body=[
            p(
                Bi(
                    "Le collezioni che trovate in Heritage Hub non sono state fotografate né "
                    "catalogate da noi. Provengono da istituzioni che hanno deciso di condividere "
                    "il proprio lavoro con licenze aperte, perché chiunque possa riutilizzarlo.",
                    "The collections you find on Heritage Hub were not photographed or "
                    "catalogued by us. They come from institutions that decided to share their "
                    "work under open licences, so that anyone can reuse it.",
                )
            ),
            h(
                Bi(
                    "Schede senza immagini: il caso della Tate",
                    "Records without pictures: the Tate case",
                )
            ),
            p(
                Bi(
                    "La Tate di Londra ha pubblicato con licenza CC0 i dati di catalogo di circa "
                    "70.000 opere: titolo, autore, data, tecnica, misure, provenienza e soggetti. "
                    "Le immagini però non fanno parte dei dati aperti, perché molte opere sono "
                    "ancora protette dal diritto d'autore. Per questo le schede Tate dell'hub "
                    "sono solo testuali e rimandano al sito del museo.",
                    "Tate in London published the catalogue data of some 70,000 works under CC0: "
                    "title, artist, date, medium, dimensions, provenance and subjects. The "
                    "pictures, however, are not part of the open data, because many works are "
                    "still in copyright. That is why the hub's Tate records are text only and "
                    "link to the museum's website.",
                )
            ),
            h(Bi("Immagini di pubblico dominio", "Public-domain images")),
            p(
                Bi(
                    "Altri musei, come l'Art Institute of Chicago, il Cleveland Museum of Art, il "
                    "Metropolitan Museum of Art e la National Gallery of Art di Washington, "
                    "condividono le fotografie delle opere ormai di pubblico dominio. Le "
                    "riproduzioni che usiamo sono derivati a tavolozza ridotta realizzati da un "
                    "progetto indipendente, e i crediti lo dicono sempre.",
                    "Other museums, such as the Art Institute of Chicago, the Cleveland Museum of "
                    "Art, the Metropolitan Museum of Art and the National Gallery of Art in "
                    "Washington, share photographs of works that are now in the public domain. "
                    "The reproductions we use are palette-reduced derivatives made by an "
                    "independent project, and the credits always say so.",
                )
            ),
            gallery(
                Bi("Dalle collezioni open access", "From the open access collections"),
                (
                    "ab_artic_24645.png",
                    Bi(
                        "Katsushika Hokusai, Sotto l'onda al largo di Kanagawa, 1826. The Art "
                        "Institute of Chicago.",
                        "Katsushika Hokusai, Under the Wave off Kanagawa, 1826. The Art "
                        "Institute of Chicago.",
                    ),
                ),
                (
                    "ab_metmuseum_436535.png",
                    Bi(
                        "Vincent van Gogh, Campo di grano con cipressi, 1889. The Metropolitan "
                        "Museum of Art.",
                        "Vincent van Gogh, Wheat Field with Cypresses, 1889. The Metropolitan "
                        "Museum of Art.",
                    ),
                ),
                (
                    "ab_nga_51.png",
                    Bi(
                        "Rogier van der Weyden, Ritratto di dama, 1460. National Gallery of Art.",
                        "Rogier van der Weyden, Portrait of a Lady, 1460. National Gallery of Art.",
                    ),
                ),
            ),
            h(Bi("Leggere i diritti", "Reading the rights")),
            p(
                Bi(
                    "Ogni scheda riporta una dichiarazione dei diritti scelta tra quelle "
                    "accettate da Europeana. Il Public Domain Mark segnala un'opera libera da "
                    "diritti; CC0 indica che chi ha pubblicato il file vi ha rinunciato; «In "
                    "Copyright» avverte che l'opera è ancora protetta. Per le schede della Tate "
                    "seguiamo una regola prudente: un'opera è di pubblico dominio solo se tutti i "
                    "suoi autori sono morti da più di settant'anni.",
                    "Every record carries a rights statement chosen from those Europeana "
                    "accepts. The Public Domain Mark means a work is free of copyright; CC0 means "
                    "whoever published the file has waived their rights; “In Copyright” warns "
                    "that the work is still protected. For Tate's records we follow a cautious "
                    "rule: a work counts as public domain only if all its makers died more than "
                    "seventy years ago.",
                )
            ),
            item(
                "24645",
                Bi(
                    "L'onda di Hokusai: un'opera di pubblico dominio, con il Public Domain Mark.",
                    "Hokusai's wave: a public-domain work, under the Public Domain Mark.",
                ),
            ),
        ],
        related=["24645", "436535", "51"],
    ),
    StoryText(
        slug="turner-in-italia",
        parent="hub",
        title=Bi(
            "Turner in Italia: i taccuini da Torino a Genova",
            "Turner in Italy: the sketchbooks from Turin to Genoa",
        ),
        summary=Bi(
            "Centinaia di appunti a matita raccontano i viaggi italiani del pittore inglese. "
            "Nell'hub ne trovate più di cento, dai dati aperti della Tate.",
            "Hundreds of pencil notes record the English painter's Italian journeys. The hub "
            "holds more than a hundred of them, from Tate's open data.",
        ),
        date=date(2025, 3, 5),
        author=EDITORS,
        role="staff",
        place=Bi("Italia", "Italy"),
        tags=["Turner", "viaggio in Italia", "disegno"],
        body=[
            p(
                Bi(
                    "Nell'estate del 1819 Joseph Mallord William Turner, già celebre in patria, "
                    "partì per il suo primo viaggio in Italia. Aveva più di quarant'anni e portava "
                    "con sé piccoli taccuini da tasca, che riempì di schizzi a un ritmo "
                    "impressionante: vedute di città, profili di montagne, porti, chiese, figure "
                    "incontrate per strada.",
                    "In the summer of 1819 Joseph Mallord William Turner, already famous at "
                    "home, set off on his first journey to Italy. He was in his forties and "
                    "carried small pocket sketchbooks, which he filled with sketches at an "
                    "astonishing pace: city views, mountain outlines, harbours, churches and "
                    "figures met in the street.",
                )
            ),
            h(Bi("Da Torino a Bologna", "From Turin to Bologna")),
            p(
                Bi(
                    "Tra i fogli conservati dalla Tate ci sono una veduta del Po dalla periferia "
                    "meridionale di Torino e uno studio della chiesa di San Filippo Neri, "
                    "entrambi del 1819. Nello stesso anno, scendendo verso sud, Turner disegnò "
                    "Bologna con la Torre degli Asinelli che svetta sui tetti.",
                    "Among the sheets kept by Tate are a view of the river Po from the southern "
                    "outskirts of Turin and a study of the church of San Filippo Neri, both from "
                    "1819. In the same year, heading south, Turner drew Bologna with the "
                    "Asinelli Tower rising above the roofs.",
                )
            ),
            item(
                "D14188",
                Bi(
                    "Il Po dai sobborghi meridionali di Torino, 1819. Il titolo della Tate ha un "
                    "punto interrogativo: il luogo non è identificato con certezza.",
                    "The Po from Turin's southern outskirts, 1819. Tate's title carries a "
                    "question mark: the place is not identified with certainty.",
                ),
            ),
            item(
                "D14542",
                Bi(
                    "Bologna e la Torre degli Asinelli in un foglio del 1819.",
                    "Bologna and the Asinelli Tower on a sheet from 1819.",
                ),
            ),
            h(Bi("Il porto di Genova", "The harbour of Genoa")),
            p(
                Bi(
                    "Genova ritorna più volte nei taccuini: nel 1828, durante il secondo viaggio, "
                    "e poi in una serie di studi del porto datati tra il 1835 e il 1840. Navi, "
                    "banchine e la città che sale sulle colline sono fissate con poche linee "
                    "essenziali.",
                    "Genoa recurs several times in the sketchbooks: in 1828, during his second "
                    "journey, and again in a series of harbour studies dated between 1835 and "
                    "1840. Ships, quays and the city climbing the hills are caught in a few "
                    "essential lines.",
                )
            ),
            item("D21423", Bi("Veduta di Genova, 1828.", "View of Genoa, 1828.")),
            quote(
                Bi(
                    "Un taccuino di Turner è un diario scritto per immagini.",
                    "A Turner sketchbook is a diary written in pictures.",
                )
            ),
            p(
                Bi(
                    "Tutti questi fogli sono entrati nelle collezioni pubbliche britanniche con "
                    "il lascito dell'artista, morto nel 1851, e sono oggi di pubblico dominio. "
                    "Le schede dell'hub riportano titolo, data, tecnica, misure e gruppo di "
                    "catalogo, cioè il taccuino da cui proviene ogni pagina.",
                    "All these sheets entered British public collections through the artist's "
                    "bequest after his death in 1851, and they are now in the public domain. The "
                    "hub's records give the title, date, medium, dimensions and catalogue group, "
                    "that is, the sketchbook each page comes from.",
                )
            ),
        ],
        related=["D14214", "D14188", "D14542", "D21423", "D29398"],
    ),
    StoryText(
        slug="tabakalera-patrimonio-industriale",
        parent="tabakalera",
        title=Bi(
            "Tabakalera: dalla fabbrica di tabacchi alla cultura contemporanea",
            "Tabakalera: from tobacco factory to contemporary culture",
        ),
        summary=Bi(
            "A San Sebastián un grande edificio industriale è diventato un centro in cui si "
            "producono idee invece che sigari. Una storia di riuso che parla a molte città "
            "europee.",
            "In San Sebastián a large industrial building has become a centre that produces "
            "ideas instead of cigars. A story of reuse that speaks to many European cities.",
        ),
        date=date(2025, 3, 20),
        author=EDITORS,
        role="staff",
        place=Bi("San Sebastián, Spagna", "San Sebastián, Spain"),
        tags=["patrimonio industriale", "riuso", "arte contemporanea"],
        body=[
            p(
                Bi(
                    "Per decenni la manifattura di tabacchi di San Sebastián è stata un luogo di "
                    "lavoro e un punto di riferimento per il suo quartiere. Quando la produzione "
                    "si è fermata, la città si è trovata davanti a una scelta che molte città "
                    "europee conoscono bene: demolire, vendere o dare al grande edificio una "
                    "nuova vita.",
                    "For decades the tobacco factory in San Sebastián was a workplace and a "
                    "landmark for its neighbourhood. When production stopped, the city faced a "
                    "choice that many European cities know well: demolish it, sell it, or give "
                    "the huge building a new life.",
                )
            ),
            h(Bi("Una fabbrica di idee", "A factory of ideas")),
            p(
                Bi(
                    "La scelta è stata la terza. Tabakalera è oggi un centro internazionale di "
                    "cultura contemporanea: negli spazi un tempo destinati alla lavorazione del "
                    "tabacco si tengono mostre e laboratori, lavorano artisti in residenza e "
                    "crescono giovani imprese creative. Arte, tecnologia e comunità convivono "
                    "sotto lo stesso tetto.",
                    "The city chose the third path. Tabakalera is now an international centre "
                    "for contemporary culture: the spaces once used for processing tobacco host "
                    "exhibitions and workshops, artists in residence work there and young "
                    "creative businesses grow. Art, technology and community share one roof.",
                )
            ),
            quote(
                Bi(
                    "Il patrimonio industriale può tornare a produrre: questa volta idee.",
                    "Industrial heritage can become productive again: this time it produces ideas.",
                )
            ),
            h(Bi("Immagini del lavoro industriale", "Images of industrial work")),
            p(
                Bi(
                    "Le collezioni della Tate aiutano a ricordare che cosa erano luoghi come "
                    "questo. Un disegno di Philip James De Loutherbourg mostra l'edificio delle "
                    "macchine di una fonderia di rame nel Galles; una litografia del 1917 di "
                    "C.R.W. Nevinson entra in un'officina dove il metallo si salda con la fiamma "
                    "ossiacetilenica; nel 1975 Gerd Winner ritrae un magazzino portuale con la "
                    "serigrafia.",
                    "Tate's collections help us remember what places like this were. A drawing "
                    "by Philip James De Loutherbourg shows the engine building of a copper works "
                    "in Wales; a 1917 lithograph by C.R.W. Nevinson takes us into a workshop "
                    "where metal is welded with an oxy-acetylene flame; in 1975 Gerd Winner "
                    "portrayed a dockside warehouse in a screenprint.",
                )
            ),
            item(
                "D36410",
                Bi(
                    "L'edificio delle macchine della fonderia di rame di John Morris, vicino a "
                    "Swansea.",
                    "The engine building of John Morris's copper works, near Swansea.",
                ),
            ),
            item(
                "P03047",
                Bi(
                    "Il lavoro in officina in una litografia del 1917.",
                    "Workshop labour in a 1917 lithograph.",
                ),
            ),
            item(
                "P05399",
                Bi(
                    "Un magazzino portuale nella serigrafia di Gerd Winner, 1975.",
                    "A dockside warehouse in Gerd Winner's screenprint, 1975.",
                ),
            ),
            p(
                Bi(
                    "Edifici come questi non devono restare soltanto memoria: riaperti alla "
                    "città, possono ospitare nuove forme di lavoro, più leggere ma non meno "
                    "importanti.",
                    "Buildings like these need not remain mere memories: reopened to the city, "
                    "they can house new kinds of work, lighter but no less important.",
                )
            ),
        ],
        related=["D36410", "P03047", "P05399", "P03021", "D00287"],
    ),
    StoryText(
        slug="favara-farm-cultural-park",
        parent="farm-cultural-park",
        title="Favara: quando l'arte contemporanea riaccende un centro storico",
        summary=(
            "Nel 2010 è nata a Favara un'idea semplice e coraggiosa: usare l'arte contemporanea "
            "per riportare la vita in un centro storico semiabbandonato."
        ),
        date=date(2025, 4, 2),
        author="Redazione Heritage Hub",
        role="staff",
        place="Favara, Sicilia",
        tags=["rigenerazione urbana", "arte contemporanea", "Sicilia"],
        body=[
            p(
                "Favara è una cittadina dell'entroterra agrigentino. Come molti centri storici "
                "del Sud, negli ultimi decenni aveva visto partire tanti abitanti: case chiuse, "
                "cortili vuoti, botteghe con la saracinesca abbassata. È qui che nel 2010 è "
                "nato Farm Cultural Park."
            ),
            h("Arte dove nessuno se l'aspettava"),
            p(
                "L'intuizione era semplice e coraggiosa: invece di aspettare un grande "
                "investimento dall'alto, riempire gli spazi abbandonati di mostre di arte "
                "contemporanea, eventi e laboratori. Gli edifici recuperati sono diventati "
                "gallerie, luoghi d'incontro e di lavoro, e il quartiere ha cominciato a cambiare "
                "volto."
            ),
            p(
                "Il cambiamento non è stato solo estetico. Gli abitanti hanno cominciato a "
                "partecipare alle attività, i bambini ai laboratori, i commercianti a vedere "
                "passare visitatori arrivati da ogni parte del mondo. Un centro storico che "
                "sembrava destinato a svuotarsi è tornato a essere un luogo dove si abita e si "
                "lavora."
            ),
            quote(
                "Un quartiere torna a vivere quando qualcuno ha di nuovo un motivo per entrarci.",
                "Redazione Heritage Hub",
            ),
            h("Una lezione per altri territori"),
            p(
                "Farm Cultural Park è diventato un punto di riferimento per chi si occupa di "
                "rigenerazione urbana a base culturale. La sua storia dimostra che il patrimonio "
                "di un centro storico non è fatto solo di muri, ma delle relazioni che quei muri "
                "rendono possibili."
            ),
            p(
                "Nell'Heritage Hub, Farm è uno spoke: una realtà radicata in un territorio "
                "preciso che mette la propria esperienza a disposizione della rete e dialoga con "
                "istituzioni molto diverse, dai musei ai centri di ricerca."
            ),
        ],
    ),
    StoryText(
        slug="polo-del-900-novecento",
        parent="polo-del-900",
        title=Bi(
            "Il Novecento sotto un unico tetto: il Polo del '900 a Torino",
            "The twentieth century under one roof: Polo del '900 in Turin",
        ),
        summary=Bi(
            "Ventisei istituzioni, un solo indirizzo: a Torino archivi, biblioteche e centri "
            "studi sulla storia del secolo scorso lavorano insieme e aprono al pubblico le loro "
            "raccolte.",
            "Twenty-six institutions, one address: in Turin, archives, libraries and study "
            "centres on the history of the last century work together and open their holdings "
            "to the public.",
        ),
        date=date(2025, 4, 25),
        author=EDITORS,
        role="staff",
        place=Bi("Torino", "Torino"),  # the city as it names itself, in both languages
        tags=["Novecento", "Resistenza", "archivi", "Torino"],
        body=[
            p(
                Bi(
                    "Nel cuore del Quadrilatero Romano, il quartiere più antico di Torino, gli "
                    "edifici dei Quartieri Militari ospitano un esperimento con pochi eguali in "
                    "Italia. Il Polo del '900 riunisce 26 istituzioni che si occupano della "
                    "storia e della cultura del secolo scorso: istituti storici, fondazioni, "
                    "archivi e centri di documentazione.",
                    "In the heart of the Quadrilatero Romano, Turin's oldest district, the "
                    "buildings of the Quartieri Militari host an experiment with few equals in "
                    "Italy. Polo del '900 brings together 26 institutions concerned with the "
                    "history and culture of the last century: historical institutes, "
                    "foundations, archives and documentation centres.",
                )
            ),
            h(Bi("Memoria e diritti", "Memory and rights")),
            p(
                Bi(
                    "Il filo rosso è la storia del Novecento, con un'attenzione particolare alla "
                    "Resistenza e alle lotte per i diritti civili. Documenti, fotografie, "
                    "manifesti e testimonianze, un tempo sparsi tra molte sedi, si consultano ora "
                    "in un unico luogo e, sempre più spesso, anche online attraverso gli archivi "
                    "digitali.",
                    "The common thread is the history of the twentieth century, with particular "
                    "attention to the Resistance and the struggles for civil rights. Documents, "
                    "photographs, posters and testimonies once scattered across many buildings "
                    "can now be consulted in one place and, more and more often, online through "
                    "digital archives.",
                )
            ),
            p(
                Bi(
                    "Accanto alla conservazione c'è la divulgazione: mostre, incontri e "
                    "programmi educativi per le scuole e per il pubblico adulto trasformano le "
                    "raccolte in occasioni per discutere del presente.",
                    "Alongside preservation there is outreach: exhibitions, talks and education "
                    "programmes for schools and adults turn the collections into opportunities "
                    "to discuss the present.",
                )
            ),
            quote(
                Bi(
                    "Condividere un edificio significa anche condividere domande.",
                    "Sharing a building also means sharing questions.",
                )
            ),
            h(Bi("Il secolo nelle collezioni dell'hub", "The century in the hub's collections")),
            p(
                Bi(
                    "Anche le collezioni aperte di altri partner raccontano il Novecento europeo. "
                    "Una fotografia di Don McCullin del 1961 mostra gli abitanti di Berlino Ovest "
                    "che guardano oltre il confine appena chiuso; «Storm Man» di Germaine "
                    "Richier, modellata subito dopo la guerra, porta i segni di un'umanità "
                    "ferita.",
                    "The open collections of other partners also tell the story of "
                    "twentieth-century Europe. A 1961 photograph by Don McCullin shows West "
                    "Berliners looking across the newly closed border; Germaine Richier's Storm "
                    "Man, modelled just after the war, bears the marks of a wounded humanity.",
                )
            ),
            item(
                "P80147",
                Bi(
                    "Don McCullin, «West Berliners Looking East», 1961.",
                    "Don McCullin, West Berliners Looking East, 1961.",
                ),
            ),
            item(
                "T07013",
                Bi(
                    "Germaine Richier, «Storm Man», 1947–48.",
                    "Germaine Richier, Storm Man, 1947–48.",
                ),
            ),
            p(
                Bi(
                    "E c'è anche la Torino di prima: nel 1819 il pittore inglese J.M.W. Turner, "
                    "di passaggio in città, disegnò la chiesa di San Filippo Neri. È un piccolo "
                    "promemoria di quanto la storia di un luogo sia fatta di sguardi diversi, "
                    "vicini e lontani.",
                    "And there is the Turin of an earlier age: in 1819 the English painter "
                    "J.M.W. Turner, passing through the city, drew the church of San Filippo "
                    "Neri. It is a small reminder that the history of a place is made of many "
                    "gazes, near and far.",
                )
            ),
            item(
                "D14214",
                Bi(
                    "J.M.W. Turner, San Filippo Neri a Torino, 1819.",
                    "J.M.W. Turner, San Filippo Neri, Turin, 1819.",
                ),
            ),
        ],
        related=["P80147", "T07013", "D14214", "P12402"],
    ),
    StoryText(
        slug="genova-citta-creativa",
        parent="genova-creative-cities",
        title=Bi(
            "Genova, città creativa: nasce un cluster per le industrie culturali",
            "Genoa, creative city: a cluster for the cultural industries",
        ),
        summary=Bi(
            "Con il progetto Creative Cities il Comune e Job Centre lavorano a una rete di "
            "imprese creative radicata in città e collegata ad altre città europee.",
            "Through the Creative Cities project, the City and Job Centre are building a "
            "network of creative businesses rooted in Genoa and linked to other European cities.",
        ),
        date=date(2025, 5, 12),
        author=EDITORS,
        role="staff",
        place=Bi("Genova", "Genova"),  # the city as it names itself, in both languages
        tags=["industrie creative", "cluster", "Genova"],
        body=[
            p(
                Bi(
                    "Per una città portuale come Genova reinventarsi è quasi una tradizione. Con "
                    "Creative Cities, il Comune, attraverso l'Area Cultura e Innovazione, e Job "
                    "Centre Srl hanno scelto di puntare sulla creatività come leva di sviluppo, "
                    "insieme a partner tedeschi, polacchi, sloveni e ungheresi.",
                    "For a port city like Genoa, reinventing itself is almost a tradition. With "
                    "Creative Cities, the City, through its Culture and Innovation Area, and Job "
                    "Centre Srl have chosen to bet on creativity as a driver of development, "
                    "together with partners in Germany, Poland, Slovenia and Hungary.",
                )
            ),
            h(Bi("Che cos'è il cluster", "What the cluster is")),
            p(
                Bi(
                    "Il cuore del progetto è un cluster locale: una rete che riunisce le imprese "
                    "dei settori creativi, dal patrimonio all'architettura, dalla musica al "
                    "cinema, dal software alla moda e al design, insieme alle istituzioni che "
                    "promuovono la creatività individuale e collettiva. Non si tratta di "
                    "importare modelli stranieri, ma di imparare dal confronto con altre città "
                    "europee.",
                    "At the heart of the project is a local cluster: a network of businesses in "
                    "the creative sectors, from heritage and architecture to music and cinema, "
                    "from software to fashion and design, together with the institutions that "
                    "promote individual and collective creativity. The point is not to import "
                    "foreign models but to learn by comparing notes with other European cities.",
                )
            ),
            p(
                Bi(
                    "Il cluster ha tre compiti: individuare gli strumenti più utili a rendere "
                    "competitive le imprese creative locali, con un occhio di riguardo al lavoro "
                    "e alle competenze; favorire il loro insediamento nelle aree urbane da "
                    "riqualificare; far conoscere, in città e all'estero, il contributo "
                    "dell'industria creativa.",
                    "The cluster has three tasks: to identify the most useful tools for making "
                    "local creative businesses competitive, with particular regard for jobs and "
                    "skills; to help them settle in urban areas in need of regeneration; and to "
                    "make the contribution of the creative industries known, in the city and "
                    "abroad.",
                )
            ),
            quote(
                Bi(
                    "La creatività è una leva di sviluppo del territorio, non un ornamento.",
                    "Creativity is a lever for local development, not an ornament.",
                )
            ),
            h(
                Bi(
                    "Uno sportello per chi vuole venire a Genova",
                    "A desk for those who want to come to Genoa",
                )
            ),
            p(
                Bi(
                    "In concreto il progetto prevede un'indagine sul settore e uno sportello "
                    "dedicato, dove chi vuole avviare o trasferire un'impresa creativa nell'area "
                    "metropolitana trova informazioni pratiche e finanziarie. Un Piano di azione "
                    "congiunto metterà in fila le priorità per tutti i comparti coinvolti.",
                    "In practice the project includes a survey of the sector and a dedicated "
                    "contact point where anyone who wants to start or move a creative business "
                    "to the metropolitan area can find practical and financial information. A "
                    "Joint Action Plan will set out the priorities for every sector involved.",
                )
            ),
            p(
                Bi(
                    "Del resto Genova ha sempre attirato artisti. Nel 1828 J.M.W. Turner ne "
                    "disegnò il porto e la città che sale sulle colline: fogli che oggi fanno "
                    "parte del patrimonio aperto della Tate.",
                    "Genoa has always attracted artists, after all. In 1828 J.M.W. Turner drew "
                    "its harbour and the city climbing the hills: sheets that now belong to "
                    "Tate's open heritage.",
                )
            ),
            item(
                "D21308",
                Bi(
                    "J.M.W. Turner, Nel porto di Genova, 1828.",
                    "J.M.W. Turner, In the Harbour, Genoa, 1828.",
                ),
            ),
            item(
                "D29398",
                Bi(
                    "Il porto con le navi, in uno studio del 1835–40 circa.",
                    "The harbour with shipping, in a study of about 1835–40.",
                ),
            ),
        ],
        related=["D21308", "D29398", "D29391", "D21423"],
    ),
    StoryText(
        slug="hub-cultura-creativita-emilia-romagna",
        parent="hub-cultura-creativita",
        title="Hub Cultura e Creatività: una regia regionale per le industrie culturali",
        summary=(
            "In Emilia-Romagna enti pubblici, agenzie, spoke e affiliati lavorano insieme per "
            "progettare politiche su misura per il settore culturale e creativo."
        ),
        date=date(2025, 5, 28),
        author="Redazione Heritage Hub",
        role="staff",
        place="Bologna",
        tags=["policy design", "industrie culturali e creative", "Emilia-Romagna"],
        body=[
            p(
                "Le industrie culturali e creative sono un mondo frammentato: piccole imprese, "
                "liberi professionisti, associazioni e grandi istituzioni convivono con esigenze "
                "molto diverse. In Emilia-Romagna la Regione ha scelto di dare a questo mondo "
                "un luogo comune di confronto e di rappresentanza: l'Hub Cultura e Creatività."
            ),
            h("Una cabina di regia"),
            p(
                "L'Hub nasce dalla Strategia di specializzazione intelligente 2021–2027, che "
                "prevede hub e centri di competenza regionali. Ne fanno parte la Regione, che lo "
                "promuove e lo coordina; i settori regionali che gestiscono bandi importanti per "
                "il comparto; ART-ER, che accompagna i Clust-ER Create, Innovate e Build; gli "
                "spoke scelti con una procedura pubblica e i membri affiliati, come MISTER Smart "
                "Innovation, che gestisce il Tecnopolo Bologna CNR."
            ),
            h("Tre piste di lavoro"),
            p(
                ul(
                    "Creativity in Policy, per progettare misure di sostegno su misura per ogni "
                    "sottosettore.",
                    "Oltre i Lab, una vetrina comune dei servizi che i laboratori di ricerca "
                    "della regione offrono per la digitalizzazione del settore.",
                    "E.S.K., un catalogo aperto delle esperienze e delle competenze degli spoke.",
                )
            ),
            p(
                "A queste si aggiunge il sostegno a chi partecipa a bandi e call, con attività "
                "di formazione e di accompagnamento per gli operatori."
            ),
            quote(
                "Il punto di partenza sono i bisogni concreti di chi lavora nella cultura.",
                "Redazione Heritage Hub",
            ),
            p(
                "Un'immagine di Bologna arriva anche dalle collezioni della Tate: la città con "
                "la Torre degli Asinelli, disegnata da Turner nel 1819."
            ),
            item(
                "D14542",
                "J.M.W. Turner, Veduta di Bologna con la Torre degli Asinelli, 1819.",
            ),
        ],
        related=["D14542"],
    ),
    StoryText(
        slug="mister-tecnopolo-affiliato",
        parent="mister-tecnopolo-bologna",
        title="MISTER e il Tecnopolo Bologna CNR entrano nell'Hub Cultura e Creatività",
        summary=(
            "Chi gestisce il Tecnopolo Bologna CNR entra nell'Hub come membro affiliato: la "
            "ricerca si avvicina alle imprese culturali e creative."
        ),
        date=date(2025, 6, 10),
        author="Redazione Heritage Hub",
        role="staff",
        place="Bologna",
        tags=["ricerca", "innovazione", "Emilia-Romagna"],
        body=[
            p(
                "MISTER Smart Innovation, che gestisce il Tecnopolo Bologna CNR, è stato ammesso "
                "come membro affiliato all'Hub Cultura e Creatività della Regione Emilia-Romagna. "
                "È un passaggio che dice molto sulla direzione della politica regionale: la "
                "ricerca scientifica e tecnologica è chiamata a lavorare fianco a fianco con chi "
                "produce cultura."
            ),
            h("Che cosa fanno gli affiliati"),
            p(
                "Gli affiliati sono organizzazioni attive sul territorio che hanno la cultura e "
                "la creatività al centro della propria attività. Insieme alla Regione, ad ART-ER "
                "e agli spoke contribuiscono a un lavoro comune: raccogliere i bisogni del "
                "settore e trasformarli in interventi efficaci."
            ),
            p(
                "Per un tecnopolo significa mettere a disposizione competenze che spesso restano "
                "chiuse nei laboratori: strumenti digitali, metodi di analisi, progetti "
                "sperimentali. Una delle piste di lavoro dell'Hub, Oltre i Lab, nasce proprio per "
                "presentare in un unico luogo ciò che i laboratori della regione possono fare "
                "per digitalizzare il lavoro delle industrie culturali e creative."
            ),
            quote(
                "Un laboratorio di ricerca può diventare una risorsa quotidiana per musei, "
                "archivi e imprese creative.",
                "Redazione Heritage Hub",
            ),
            p(
                "Per musei, archivi e imprese creative, spesso di piccole dimensioni, avere un "
                "interlocutore scientifico può fare la differenza: nella digitalizzazione delle "
                "collezioni, nella progettazione di nuovi servizi, nella partecipazione ai bandi "
                "europei. Per il Tecnopolo è l'occasione di misurarsi con problemi concreti e con "
                "comunità che chiedono innovazione."
            ),
        ],
    ),
    StoryText(
        slug="creative-flip-officine-on-off-for",
        parent="officine-on-off",
        title=Bi(
            "Creative FLIP: due hub a confronto durante la pandemia",
            "Creative FLIP: two hubs compare notes during the pandemic",
        ),
        summary=Bi(
            "Nel 2020 Officine On/Off e F O R di Timișoara si sono scambiati esperienze e "
            "strumenti per far superare la crisi agli spazi di lavoro collaborativi. Ne è nato "
            "un documento comune.",
            "In 2020 Officine On/Off and F O R in Timișoara swapped experience and tools to help "
            "collaborative workspaces through the crisis. The result was a shared paper.",
        ),
        date=date(2020, 12, 18),
        author=Bi("Community di Officine On/Off", "Officine On/Off community"),
        role="community",
        place=Bi("Parma e Timișoara", "Parma and Timișoara"),
        tags=["Creative FLIP", "makerspace", "coworking", "Covid-19"],
        hero="ab_metmuseum_459052.png",
        body=[
            p(
                Bi(
                    "Che cosa succede a uno spazio di lavoro condiviso quando stare vicini "
                    "diventa un rischio? È la domanda da cui è partito lo scambio tra Officine "
                    "On/Off e F O R, un makerspace di Timișoara, in Romania, nell'ambito del "
                    "programma europeo Creative FLIP P2P 2020.",
                    "What happens to a shared workspace when being close together becomes a "
                    "risk? That was the question behind the exchange between Officine On/Off "
                    "and F O R, a makerspace in Timișoara, Romania, within the European Creative "
                    "FLIP P2P 2020 programme.",
                )
            ),
            h(Bi("Un hub consolidato e uno appena nato", "An established hub and a newborn one")),
            p(
                Bi(
                    "I due spazi vivevano momenti molto diversi: Officine On/Off lavora dal 2013, "
                    "F O R aveva aperto le porte nell'ottobre 2020. Proprio questa differenza è "
                    "diventata il tema centrale: come ripartire, o partire, quando lo spazio "
                    "fisico e la vicinanza sembrano più un limite che una risorsa.",
                    "The two spaces were at very different stages: Officine On/Off has been "
                    "working since 2013, while F O R had opened its doors in October 2020. That "
                    "difference became the central theme: how to restart, or start, when "
                    "physical space and proximity look more like a limit than a resource.",
                )
            ),
            p(
                Bi(
                    "Allo scambio hanno partecipato la community manager e un fundraiser di "
                    "Officine On/Off, lo space manager di F O R e un ingegnere meccanico della "
                    "sua comunità. Ciascuno ha portato le proprie competenze: gestione di "
                    "comunità online e in presenza, consulenza a chi avvia un'impresa, laboratori "
                    "di fabbricazione digitale, raccolta fondi, progettazione di prodotti.",
                    "Taking part were the community manager and a fundraiser from Officine "
                    "On/Off, F O R's space manager and a mechanical engineer from its community. "
                    "Each brought their own skills: running communities online and in person, "
                    "advising people who start a business, digital fabrication workshops, "
                    "fundraising and product design.",
                )
            ),
            h(Bi("Dieci ore, quattro tappe", "Ten hours, four steps")),
            p(
                ul(
                    Bi(
                        "Presentazione reciproca dei due hub, tra somiglianze e differenze.",
                        "Introducing the two hubs to each other, with their similarities and "
                        "differences.",
                    ),
                    Bi(
                        "Scambio delle buone pratiche nate durante l'emergenza: formazione, "
                        "coinvolgimento della comunità, fabbricazione digitale, "
                        "autoimprenditorialità.",
                        "Sharing the good practices developed during the emergency: training, "
                        "community engagement, digital fabrication, self-employment.",
                    ),
                    Bi(
                        "Confronto sui questionari usati per raccogliere dati all'apertura e "
                        "alla riapertura.",
                        "Comparing the questionnaires used to gather data at opening and "
                        "reopening.",
                    ),
                    Bi("Un'analisi SWOT comune.", "A joint SWOT analysis."),
                )
            ),
            quote(
                Bi(
                    "Ripartire quando la vicinanza fa paura richiede flessibilità e la capacità "
                    "di reinventarsi.",
                    "Restarting when closeness is feared takes flexibility and the ability to "
                    "reinvent yourself.",
                ),
                Bi("Community di Officine On/Off", "Officine On/Off community"),
            ),
            p(
                Bi(
                    "Il 18 dicembre 2020 il percorso si è chiuso con la presentazione del "
                    "documento «Creative Hubs in Times of Covid-19», che raccoglie le pratiche "
                    "condivise e le lezioni apprese.",
                    "On 18 December 2020 the process ended with the presentation of the paper "
                    "“Creative Hubs in Times of Covid-19”, which collects the practices shared "
                    "and the lessons learned.",
                )
            ),
            p(
                Bi(
                    "Le botteghe del passato erano già, a modo loro, spazi condivisi di sapere e "
                    "di lavoro, come ricordano un dipinto fiammingo del 1449 e la bottega di un "
                    "fornitore di colori dipinta da Turner.",
                    "The workshops of the past were already, in their own way, shared spaces of "
                    "knowledge and work, as a Flemish painting of 1449 and Turner's picture of a "
                    "colourman's workshop remind us.",
                )
            ),
            item(
                "459052",
                Bi(
                    "Petrus Christus, Un orafo nella sua bottega, 1449.",
                    "Petrus Christus, A Goldsmith in his Shop, 1449.",
                ),
            ),
            item(
                "N05503",
                Bi(
                    "J.M.W. Turner, La bottega di un fornitore di colori per artisti, 1807 circa.",
                    "J.M.W. Turner, An Artists' Colourman's Workshop, c.1807.",
                ),
            ),
        ],
        related=["459052", "N05503"],
    ),
    StoryText(
        slug="for-timisoara-aprire-nel-2020",
        parent="for-timisoara",
        title="Aprire un makerspace nel 2020: l'esperienza di F O R",
        summary=(
            "A Timișoara un nuovo hub ha aperto le porte in piena pandemia. La sua comunità "
            "racconta come ha trasformato un momento difficile in un punto di partenza."
        ),
        date=date(2021, 1, 20),
        author="Community di F O R",
        role="community",
        place="Timișoara, Romania",
        tags=["makerspace", "fabbricazione digitale", "Romania"],
        body=[
            p(
                "Aprire un nuovo spazio di lavoro condiviso nell'autunno del 2020 poteva sembrare "
                "una scommessa azzardata. F O R, a Timișoara, lo ha fatto a ottobre, quando in "
                "tutta Europa le attività in presenza erano rallentate o sospese."
            ),
            h("Un laboratorio, prima di tutto"),
            p(
                "Il cuore di F O R è un laboratorio di fabbricazione digitale, gestito da uno "
                "space manager che è anche maker e animato da una comunità di tecnici e "
                "progettisti. Qui si progettano e si costruiscono prototipi, si impara a usare le "
                "macchine, si risolvono insieme problemi pratici."
            ),
            p(
                "La comunità riunisce competenze diverse: ingegneria meccanica, informatica, "
                "design di prodotto. È proprio questa varietà a rendere lo spazio utile anche a "
                "chi arriva con un'idea ancora tutta da definire."
            ),
            h("Imparare dagli altri"),
            p(
                "Nei primi mesi F O R ha partecipato al programma europeo Creative FLIP con uno "
                "scambio tra pari insieme a Officine On/Off, attivo in Italia dal 2013. Il "
                "confronto con un hub più esperto ha aiutato a mettere a fuoco punti di forza e "
                "fragilità, e a scoprire strumenti già sperimentati altrove, come i questionari "
                "per conoscere i bisogni della comunità."
            ),
            quote(
                "Un hub nuovo ha un vantaggio: può imparare dall'esperienza degli altri.",
                "Community di F O R",
            ),
            p(
                "L'esperienza di F O R mostra che uno spazio fisico conta anche in tempi di "
                "distanza: non come semplice luogo di lavoro, ma come punto di riferimento per "
                "una comunità che vuole costruire qualcosa insieme."
            ),
        ],
    ),
    StoryText(
        slug="distretto-creativo-bruxelles-spazi",
        parent="brussels-creative-district",
        title=Bi(
            "Motown, Ubuntu Loft e Ubuntu Art Studio: tre spazi, una comunità",
            "Motown, Ubuntu Loft and Ubuntu Art Studio: three spaces, one community",
        ),
        summary=Bi(
            "A Bruxelles il Distretto Creativo affianca a hub e incubatori luoghi concreti in cui "
            "artisti, imprenditori e abitanti si incontrano: una sala concerti, un loft e uno "
            "studio d'arte.",
            "In Brussels the Creative District pairs its hubs and incubators with real places "
            "where artists, entrepreneurs and residents meet: a concert hall, a loft and an art "
            "studio.",
        ),
        date=date(2025, 6, 25),
        author=EDITORS,
        role="staff",
        place=Bi("Bruxelles", "Bruxelles"),  # the city as it names itself, in both languages
        tags=["spazi creativi", "residenze", "innovazione sociale"],
        body=[
            p(
                Bi(
                    "Che cosa rende creativo uno spazio? Non bastano i metri quadri: servono "
                    "persone che si incontrano, idee che circolano e la libertà di provare. Il "
                    "Distretto Creativo di Bruxelles, partner del progetto europeo FACE, ha "
                    "costruito il proprio lavoro intorno a questa convinzione.",
                    "What makes a space creative? Square metres are not enough: it takes people "
                    "meeting, ideas circulating and the freedom to try things out. The Brussels "
                    "Creative District, a partner in the European FACE project, has built its "
                    "work around that conviction.",
                )
            ),
            h(Bi("Motown: la musica e le residenze", "Motown: music and residencies")),
            p(
                Bi(
                    "La sala concerti Motown ospita concerti e spettacoli, ma è anche una casa "
                    "per artisti in residenza. Qui musicisti e performer trovano il tempo e i "
                    "mezzi per sviluppare il proprio lavoro, tentare strade nuove e collaborare "
                    "con altri, accompagnati passo dopo passo nel processo creativo.",
                    "The Motown concert hall hosts concerts and shows, but it is also a home for "
                    "artists in residence. Here musicians and performers find the time and means "
                    "to develop their work, try new directions and collaborate with others, "
                    "supported step by step through the creative process.",
                )
            ),
            h(
                Bi(
                    "Ubuntu Loft: dove nascono le collaborazioni",
                    "Ubuntu Loft: where collaborations begin",
                )
            ),
            p(
                Bi(
                    "Ubuntu Loft è il luogo del networking. Imprenditori, creativi e abitanti del "
                    "quartiere vi si incontrano, in eventi organizzati o in occasioni informali, "
                    "per confrontarsi, trovare un terreno comune e avviare progetti insieme.",
                    "Ubuntu Loft is the place for networking. Entrepreneurs, creatives and local "
                    "residents meet there, at organised events or informally, to exchange views, "
                    "find common ground and start projects together.",
                )
            ),
            h(Bi("Ubuntu Art Studio: una vetrina aperta", "Ubuntu Art Studio: an open showcase")),
            p(
                Bi(
                    "Ubuntu Art Studio offre ad artisti emergenti e affermati uno spazio per "
                    "esporre, incontrare il pubblico e farsi conoscere. Ospita anche laboratori, "
                    "mostre e progetti collettivi, che rafforzano il senso di comunità del "
                    "distretto.",
                    "Ubuntu Art Studio gives emerging and established artists a space to show "
                    "their work, meet the public and become known. It also hosts workshops, "
                    "exhibitions and collective projects that strengthen the district's sense of "
                    "community.",
                )
            ),
            quote(
                Bi(
                    "Uno spazio diventa creativo quando qualcuno vi trova il coraggio di "
                    "rischiare.",
                    "A space becomes creative when someone finds the courage there to take risks.",
                )
            ),
            h(Bi("Hub e incubatori", "Hubs and incubators")),
            p(
                Bi(
                    "Dietro i tre spazi c'è un'organizzazione su due livelli. Gli hub favoriscono "
                    "lo scambio di conoscenze tra professionisti di discipline diverse; gli "
                    "incubatori aiutano chi vuole trasformare un'idea in un'impresa capace di "
                    "rispondere ai bisogni delle comunità locali, con strumenti, mentorship e "
                    "contatti. Il risultato è un ecosistema fatto di reti di sostegno, "
                    "collaborazione continua e innovazione sociale.",
                    "Behind the three spaces is an organisation on two levels. The hubs "
                    "encourage the exchange of knowledge between professionals from different "
                    "disciplines; the incubators help people who want to turn an idea into a "
                    "business that meets the needs of local communities, with tools, mentoring "
                    "and contacts. The result is an ecosystem of support networks, continuous "
                    "collaboration and social innovation.",
                )
            ),
        ],
    ),
    StoryText(
        slug="giovani-professionisti-patrimonio",
        parent="european-heritage-hub",
        title=(
            "Giovani professionisti e patrimonio di comunità: la proposta dello European "
            "Heritage Hub"
        ),
        summary=(
            "L'iniziativa europea punta sulla partecipazione dei cittadini e sulle nuove "
            "generazioni di professionisti per prendersi cura del patrimonio comune."
        ),
        date=date(2025, 7, 8),
        author="Redazione Heritage Hub",
        role="staff",
        place="Europa",
        tags=["partecipazione", "giovani", "Europa"],
        hero="loc_fishmonger.jpg",
        body=[
            p(
                "Chi si prende cura del patrimonio culturale? Per molto tempo la risposta è "
                "stata: gli specialisti, dentro musei, soprintendenze e archivi. Lo European "
                "Heritage Hub, promosso dall'Unione europea, parte da un'idea diversa: la "
                "conservazione del patrimonio riguarda tutti i cittadini, e funziona meglio "
                "quando le comunità ne sono protagoniste."
            ),
            h("Il patrimonio delle comunità"),
            p(
                "Il patrimonio di una comunità non è solo quello dei grandi monumenti. È fatto "
                "anche di luoghi di quartiere, mestieri, feste, fotografie di famiglia, ricordi "
                "condivisi. Coinvolgere chi custodisce queste memorie significa renderle più "
                "visibili e più durature."
            ),
            p(
                "Le collezioni aperte delle grandi biblioteche mostrano quanto sia prezioso "
                "questo sguardo sulla vita di tutti i giorni: una bancarella di pesce, un anziano "
                "che accompagna due bambini per strada, fotografati un secolo fa e oggi a "
                "disposizione di tutti."
            ),
            image(
                "loc_children-walking.jpg",
                "Un anziano e due bambini per strada, intorno al 1920. Library of Congress.",
            ),
            item("91795656", "La scheda completa della fotografia, con i diritti d'uso."),
            h("Spazio ai giovani professionisti"),
            p(
                "Un'attenzione particolare è rivolta ai giovani che lavorano, o vogliono "
                "lavorare, nel settore del patrimonio. Coinvolgerli significa portare nuove "
                "competenze, in particolare digitali, e far crescere la rete di professionisti "
                "che si occuperà del patrimonio europeo nei prossimi decenni."
            ),
            p(
                "Nell'Heritage Hub lo European Heritage Hub rappresenta il legame tra le "
                "esperienze locali, come quelle di Torino, Favara o Bruxelles, e la dimensione "
                "europea delle politiche culturali."
            ),
        ],
        related=["91795656", "2005693789"],
    ),
]

FEATURED_STORIES = [
    "tabakalera-patrimonio-industriale",
    "polo-del-900-novecento",
    "dati-aperti-collezioni-museali",
]


def story_body(text, strings, images):
    """The story's StreamField in raw form; translated texts are remembered in ``strings``."""
    body = []
    for entry in text.body:
        kind = entry[0]
        if kind == "paragraph":
            content = entry[1]
            if isinstance(content, tuple):  # ("list", items)
                html = strings.rich(("ul", content[1]))
            else:
                html = strings.rich(content)
            body.append(block("paragraph", html))
        elif kind == "heading":
            body.append(block("heading", {"text": strings(entry[1]), "level": "h2"}))
        elif kind == "quote":
            body.append(
                block("quote", {"text": strings(entry[1]), "attribution": strings(entry[2])})
            )
        elif kind == "image":
            body.append(
                block("image", {"image": images[entry[1]].pk, "caption": strings(entry[2])})
            )
        elif kind == "gallery":
            body.append(
                block(
                    "gallery",
                    {
                        "title": strings(entry[1]),
                        "images": [
                            list_item({"image": images[name].pk, "caption": strings(caption)})
                            for name, caption in entry[2]
                        ],
                    },
                )
            )
        elif kind == "item_card":
            body.append(
                block(
                    "item_card",
                    {"item": item_by_identifier(entry[1]).pk, "note": strings(entry[2])},
                )
            )
        else:
            raise ValueError(f"Unknown story block {kind!r}")
    return body


def story_page(text, images):
    strings = Strings()
    page = StoryPage(
        title=strings(text.title),
        slug=text.slug,
        summary=strings(text.summary),
        date=text.date,
        author_name=strings(text.author),
        author_role=text.role,
        place_name=strings(text.place),
        hero_image=images[text.hero] if text.hero else None,
        body=story_body(text, strings, images),
    )
    page.tags.add(*text.tags)
    page.related_items = [
        StoryRelatedItem(item=item_by_identifier(identifier), sort_order=order)
        for order, identifier in enumerate(text.related)
    ]
    return page, strings


def load_stories(pages, partner_pages, images, stats):
    """Every story under its parent; translated stories get their English version. By slug."""
    stories = {}
    for text in STORIES:
        parent = pages["it"]["stories"] if text.parent == "hub" else partner_pages[text.parent]
        page, strings = story_page(text, images)
        page, _created = ensure_child(parent, page, stats, "stories")
        if text.translated:
            translate_page(page, "en", strings, stats)
        stories[text.slug] = page
    return stories
