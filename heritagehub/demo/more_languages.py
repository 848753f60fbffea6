"""French, German and Spanish texts of the hub's own pages, and the step that uses them.

The home page, the three index pages, "about", the accessibility statement and the contact
form are written in Italian in ``heritagehub.demo.pages``, each string next to its English
translation. Their French, German and Spanish translations are written here, by hand, keyed
by the Italian source string, so that French, German and Spanish visitors find the home page,
the navigation and the hub's own pages in their language. (Partner profiles, collections,
items and stories stay in Italian and English: they are shown with the "not yet translated"
notice.)

Terms follow the interface translations in ``locale/<language>/LC_MESSAGES/django.po`` and
the institution types of ``partners/migrations/0002_vocabularies.py``. The register is the
formal one of the interface: "vous", "Sie", "usted".

A source string written in ``pages.py`` without a text here fails the run
(``DemoDataError``), like a string without its English translation does.
"""

import re
from dataclasses import dataclass

from .base import DemoDataError, Strings
from .translate import translate_page

LANGUAGES = ("fr", "de", "es")

# French puts a no-break space before ":", ";", "!" and "?" (as locale/fr does).
NBSP = "\u00a0"


@dataclass(frozen=True)
class T:
    """One Italian source string in French, German and Spanish."""

    fr: str
    de: str
    es: str


# Italian source string → its translations. "{year}" stands for the year in the source text.
TEXTS = {
    # --- Home page -------------------------------------------------------------------------
    "Il patrimonio culturale, condiviso": T(
        fr="Le patrimoine culturel, en partage",
        de="Kulturerbe, das wir teilen",
        es="El patrimonio cultural, compartido",
    ),
    "Musei, archivi, hub creativi e comunità pubblicano qui collezioni, profili e storie, in "
    "cinque lingue.": T(
        fr="Musées, archives, hubs créatifs et communautés publient ici leurs collections, "
        "leurs profils et leurs histoires, en cinq langues.",
        de="Museen, Archive, Kreativzentren und Gemeinschaften veröffentlichen hier "
        "Sammlungen, Profile und Geschichten – in fünf Sprachen.",
        es="Museos, archivos, centros creativos y comunidades publican aquí colecciones, "
        "perfiles e historias, en cinco idiomas.",
    ),
    "Heritage Hub è una piattaforma comune per le istituzioni culturali e creative che "
    "vogliono rendere il patrimonio accessibile e vivo. Ogni partner ha il proprio spazio: una "
    "scheda dell'istituzione, le collezioni con le schede delle opere e le storie scritte dallo "
    "staff o dalle comunità.": T(
        fr="Heritage Hub est une plateforme commune aux institutions culturelles et créatives "
        f"qui veulent rendre le patrimoine accessible et vivant. Chaque partenaire y dispose de "
        f"son propre espace{NBSP}: la présentation de l'institution, ses collections avec les "
        "fiches des œuvres, et des histoires écrites par son équipe ou par les communautés.",
        de="Heritage Hub ist eine gemeinsame Plattform für Kultur- und Kreativeinrichtungen, "
        "die das kulturelle Erbe zugänglich und lebendig machen wollen. Jeder Partner hat "
        "hier seinen eigenen Bereich: das Profil der Einrichtung, die Sammlungen mit "
        "Beschreibungen der einzelnen Werke und Geschichten, die das eigene Team oder die "
        "Gemeinschaften vor Ort schreiben.",
        es="Heritage Hub es una plataforma común para las instituciones culturales y creativas "
        "que quieren hacer el patrimonio accesible y vivo. Cada institución socia tiene aquí "
        "su propio espacio: la ficha de la institución, las colecciones con las fichas de las "
        "obras y las historias escritas por su equipo o por las comunidades.",
    ),
    "Le collezioni di esempio provengono dai dati aperti della Tate e dalle immagini di "
    "pubblico dominio condivise da grandi musei e biblioteche; le storie raccontano hub reali, "
    "da Torino a Favara, da Bruxelles a San Sebastián.": T(
        fr="Les collections de démonstration proviennent des données ouvertes de la Tate et "
        "d'images du domaine public partagées par de grands musées et bibliothèques"
        f"{NBSP}; les histoires racontent des hubs bien réels, de Turin à Favara et de "
        "Bruxelles à Saint-Sébastien.",
        de="Die Beispielsammlungen stammen aus den offenen Daten der Tate und aus gemeinfreien "
        "Bildern, die große Museen und Bibliotheken zur Verfügung stellen; die Geschichten "
        "erzählen von realen Hubs, von Turin bis Favara und von Brüssel bis San Sebastián.",
        es="Las colecciones de ejemplo proceden de los datos abiertos de la Tate y de imágenes "
        "de dominio público compartidas por grandes museos y bibliotecas; las historias "
        "hablan de hubs reales, de Turín a Favara y de Bruselas a San Sebastián.",
    ),
    # --- Index pages -----------------------------------------------------------------------
    "Collezioni": T(fr="Collections", de="Sammlungen", es="Colecciones"),
    "Sfoglia e cerca tutte le opere e i documenti pubblicati dai partner dell'hub, per "
    "collezione, tipo di oggetto, data e diritti d'uso.": T(
        fr="Parcourez et recherchez toutes les œuvres et tous les documents publiés par les "
        "partenaires du hub, par collection, type d'objet, date et droits de réutilisation.",
        de="Stöbern Sie in allen Werken und Dokumenten, die die Partner des Hubs veröffentlicht "
        "haben, und suchen Sie nach Sammlung, Objektart, Datum und Nutzungsrechten.",
        es="Explore y busque todas las obras y documentos publicados por las instituciones "
        "socias del hub, por colección, tipo de objeto, fecha y derechos de uso.",
    ),
    "Storie": T(fr="Histoires", de="Geschichten", es="Historias"),
    "Racconti dagli hub e dalle istituzioni partner: luoghi rigenerati, archivi aperti, "
    "comunità che si prendono cura del proprio patrimonio.": T(
        fr=f"Des récits venus des hubs et des institutions partenaires{NBSP}: lieux "
        "réhabilités, archives ouvertes, communautés qui prennent soin de leur patrimoine.",
        de="Berichte aus den Hubs und den Partnereinrichtungen: wiederbelebte Orte, offene "
        "Archive und Gemeinschaften, die sich um ihr eigenes Erbe kümmern.",
        es="Relatos de los hubs y de las instituciones socias: lugares regenerados, archivos "
        "abiertos y comunidades que cuidan de su propio patrimonio.",
    ),
    "Partner": T(fr="Partenaires", de="Partner", es="Instituciones socias"),
    "Musei, archivi, biblioteche, centri di ricerca e hub creativi che fanno parte della rete.": T(
        fr="Les musées, archives, bibliothèques, centres de recherche et hubs créatifs qui "
        "forment le réseau.",
        de="Die Museen, Archive, Bibliotheken, Forschungszentren und Kreativzentren, die zum "
        "Netzwerk gehören.",
        es="Los museos, archivos, bibliotecas, centros de investigación y centros creativos "
        "que forman la red.",
    ),
    # --- About -----------------------------------------------------------------------------
    "Chi siamo": T(fr="À propos du hub", de="Über den Hub", es="Acerca del hub"),
    "Heritage Hub mette in rete istituzioni culturali e comunità per pubblicare insieme il "
    "patrimonio, in più lingue e come dati aperti.": T(
        fr="Heritage Hub met en réseau institutions culturelles et communautés pour publier "
        "ensemble le patrimoine, en plusieurs langues et sous forme de données ouvertes.",
        de="Heritage Hub vernetzt Kultureinrichtungen und Gemeinschaften, damit sie ihr Erbe "
        "gemeinsam veröffentlichen können – mehrsprachig und als offene Daten.",
        es="Heritage Hub conecta en red instituciones culturales y comunidades para publicar "
        "juntas el patrimonio, en varios idiomas y como datos abiertos.",
    ),
    "Cosa sono gli heritage hub": T(
        fr=f"Qu'est-ce qu'un heritage hub{NBSP}?",
        de="Was ist ein Heritage Hub?",
        es="¿Qué es un heritage hub?",
    ),
    "Un heritage hub è un luogo, fisico o digitale, in cui istituzioni, imprese, associazioni "
    "e cittadini collaborano per conservare e valorizzare il patrimonio culturale, materiale e "
    "immateriale. Può essere un museo, un centro di ricerca, uno spazio di comunità o una "
    "piattaforma online.": T(
        fr="Un heritage hub est un lieu, physique ou numérique, où institutions, entreprises, "
        "associations et citoyens travaillent ensemble à conserver et à mettre en valeur le "
        "patrimoine culturel, matériel et immatériel. Ce peut être un musée, un centre de "
        "recherche, un espace communautaire ou une plateforme en ligne.",
        de="Ein Heritage Hub ist ein physischer oder digitaler Ort, an dem Einrichtungen, "
        "Unternehmen, Vereine sowie Bürgerinnen und Bürger zusammenarbeiten, um das materielle "
        "und immaterielle Kulturerbe zu bewahren und zu vermitteln. Das kann ein Museum sein, "
        "ein Forschungszentrum, ein Gemeinschaftsraum oder eine Online-Plattform.",
        es="Un heritage hub es un lugar, físico o digital, en el que instituciones, empresas, "
        "asociaciones y ciudadanos colaboran para conservar y poner en valor el patrimonio "
        "cultural, material e inmaterial. Puede ser un museo, un centro de investigación, un "
        "espacio comunitario o una plataforma en línea.",
    ),
    "Come funziona la piattaforma": T(
        fr="Comment fonctionne la plateforme",
        de="Wie die Plattform funktioniert",
        es="Cómo funciona la plataforma",
    ),
    "Ogni partner gestisce il proprio spazio: la scheda dell'istituzione, le collezioni, le "
    "singole opere e le storie. I contenuti dei partner passano per una revisione della "
    "redazione dell'hub prima di essere pubblicati, e le traduzioni seguono lo stesso "
    "percorso.": T(
        fr=f"Chaque partenaire gère son propre espace{NBSP}: la présentation de l'institution, "
        "ses collections, chacune de ses œuvres et ses histoires. Les contenus des partenaires "
        "sont relus par la rédaction du hub avant d'être publiés, et les traductions suivent "
        "le même circuit.",
        de="Jeder Partner pflegt seinen eigenen Bereich: das Profil der Einrichtung, die "
        "Sammlungen, die einzelnen Werke und die Geschichten. Die Redaktion des Hubs prüft die "
        "Inhalte der Partner, bevor sie veröffentlicht werden; für Übersetzungen gilt dasselbe "
        "Verfahren.",
        es="Cada institución socia gestiona su propio espacio: la ficha de la institución, las "
        "colecciones, cada una de las obras y las historias. El equipo editorial del hub "
        "revisa los contenidos de las instituciones socias antes de publicarlos, y las "
        "traducciones siguen el mismo proceso.",
    ),
    "I contenuti sono pubblicati in italiano, inglese, francese, tedesco e spagnolo. Quando una "
    "pagina non è ancora tradotta, si legge nella lingua originale, con un avviso.": T(
        fr="Les contenus sont publiés en italien, en anglais, en français, en allemand et en "
        "espagnol. Lorsqu'une page n'est pas encore traduite, elle s'affiche dans sa langue "
        "d'origine, avec un message qui le signale.",
        de="Die Inhalte erscheinen auf Italienisch, Englisch, Französisch, Deutsch und "
        "Spanisch. Ist eine Seite noch nicht übersetzt, wird sie in der Originalsprache "
        "angezeigt, mit einem entsprechenden Hinweis.",
        es="Los contenidos se publican en italiano, inglés, francés, alemán y español. Cuando "
        "una página aún no está traducida, se muestra en su idioma original, con un aviso.",
    ),
    "Dati aperti e diritti": T(
        fr="Données ouvertes et droits",
        de="Offene Daten und Rechte",
        es="Datos abiertos y derechos",
    ),
    "Ogni opera riporta i diritti d'uso con le dichiarazioni accettate da Europeana, insieme "
    "alla linea di credito e al collegamento alla fonte. Le collezioni sono disponibili anche "
    "per gli aggregatori tramite OAI-PMH.": T(
        fr="Chaque œuvre indique ses droits de réutilisation au moyen des déclarations de "
        "droits acceptées par Europeana, avec sa mention de crédit et un lien vers sa source. "
        "Les collections sont également accessibles aux agrégateurs via OAI-PMH.",
        de="Für jedes Werk sind die Nutzungsrechte mit den von Europeana anerkannten "
        "Rechtehinweisen angegeben, zusammen mit der Creditline und einem Link zur Quelle. "
        "Die Sammlungen stehen Aggregatoren außerdem über OAI-PMH zur Verfügung.",
        es="Cada obra indica sus derechos de uso con las declaraciones de derechos aceptadas "
        "por Europeana, junto con la mención de crédito y el enlace a la fuente. Las "
        "colecciones también están disponibles para los agregadores mediante OAI-PMH.",
    ),
    # --- Accessibility statement -----------------------------------------------------------
    "Dichiarazione di accessibilità": T(
        fr="Déclaration d'accessibilité",
        de="Erklärung zur Barrierefreiheit",
        es="Declaración de accesibilidad",
    ),
    "Vogliamo che tutte e tutti possano usare Heritage Hub, con qualunque dispositivo o "
    "tecnologia assistiva.": T(
        fr="Nous voulons que chacune et chacun puisse utiliser Heritage Hub, quels que soient "
        "son appareil et ses technologies d'assistance.",
        de="Alle sollen Heritage Hub nutzen können – mit jedem Gerät und jeder assistiven "
        "Technologie.",
        es="Queremos que todas las personas puedan usar Heritage Hub, con cualquier "
        "dispositivo o tecnología de apoyo.",
    ),
    "Il nostro obiettivo": T(fr="Notre objectif", de="Unser Ziel", es="Nuestro objetivo"),
    "Il sito è progettato per essere conforme alle Linee guida per l'accessibilità dei "
    "contenuti web (WCAG) 2.1 al livello AA, lo standard richiamato dalla Direttiva (UE) "
    "2016/2102 sull'accessibilità dei siti web e delle applicazioni mobili degli enti pubblici "
    "e dalla norma europea EN 301 549.": T(
        fr="Le site est conçu pour être conforme aux Règles pour l'accessibilité des contenus "
        "Web (WCAG) 2.1 au niveau AA, le référentiel auquel renvoient la directive (UE) "
        "2016/2102 relative à l'accessibilité des sites internet et des applications mobiles "
        "des organismes du secteur public et la norme européenne EN 301 549.",
        de="Die Website ist so gestaltet, dass sie die Richtlinien für barrierefreie "
        "Webinhalte (WCAG) 2.1 auf Konformitätsstufe AA erfüllt – den Standard, auf den die "
        "Richtlinie (EU) 2016/2102 über den barrierefreien Zugang zu den Websites und mobilen "
        "Anwendungen öffentlicher Stellen und die europäische Norm EN 301 549 verweisen.",
        es="El sitio está diseñado para cumplir las Pautas de Accesibilidad para el Contenido "
        "Web (WCAG) 2.1 en el nivel AA, el estándar al que remiten la Directiva (UE) 2016/2102 "
        "sobre la accesibilidad de los sitios web y aplicaciones para dispositivos móviles de "
        "los organismos del sector público y la norma europea EN 301 549.",
    ),
    "Cosa facciamo": T(fr="Ce que nous faisons", de="Was wir tun", es="Qué hacemos"),
    "Ogni immagine ha un testo alternativo, tranne quelle puramente decorative.": T(
        fr="Chaque image a une alternative textuelle, sauf les images purement décoratives.",
        de="Jedes Bild hat einen Alternativtext, außer rein dekorativen Bildern.",
        es="Todas las imágenes tienen un texto alternativo, salvo las puramente decorativas.",
    ),
    "Ogni pagina dichiara la propria lingua, anche quando un contenuto non è ancora tradotto.": T(
        fr="Chaque page indique sa langue, y compris lorsqu'un contenu n'est pas encore traduit.",
        de="Jede Seite gibt ihre Sprache an, auch wenn ein Inhalt noch nicht übersetzt ist.",
        es="Cada página declara su idioma, también cuando un contenido aún no está traducido.",
    ),
    "Il sito si può usare interamente da tastiera e con i lettori di schermo.": T(
        fr="L'ensemble du site peut être utilisé au clavier et avec un lecteur d'écran.",
        de="Die gesamte Website lässt sich mit der Tastatur und mit Screenreadern bedienen.",
        es="Todo el sitio puede usarse con el teclado y con lectores de pantalla.",
    ),
    "I colori rispettano i rapporti di contrasto minimi.": T(
        fr="Les couleurs respectent les rapports de contraste minimaux.",
        de="Die Farben halten die vorgeschriebenen Mindestkontraste ein.",
        es="Los colores respetan las relaciones de contraste mínimas.",
    ),
    "L'editor segnala i problemi di accessibilità prima della pubblicazione.": T(
        fr="L'éditeur de contenu signale les problèmes d'accessibilité avant la publication.",
        de="Der Editor weist schon vor der Veröffentlichung auf Probleme bei der "
        "Barrierefreiheit hin.",
        es="El editor de contenidos señala los problemas de accesibilidad antes de la publicación.",
    ),
    "Limiti noti": T(
        fr="Limites connues",
        de="Bekannte Einschränkungen",
        es="Limitaciones conocidas",
    ),
    "Molte schede delle collezioni provengono dai dati aperti di altre istituzioni e non hanno "
    "immagini né descrizioni estese; alcune riproduzioni di opere sono derivati con un numero "
    "ridotto di colori. Stiamo lavorando per arricchirle.": T(
        fr="De nombreuses fiches des collections proviennent des données ouvertes d'autres "
        f"institutions et n'ont ni images ni descriptions détaillées{NBSP}; certaines "
        "reproductions d'œuvres sont des versions dérivées au nombre de couleurs réduit. Nous "
        "travaillons à les enrichir.",
        de="Viele Einträge in den Sammlungen stammen aus den offenen Daten anderer "
        "Einrichtungen und haben weder Bilder noch ausführliche Beschreibungen; einige "
        "Reproduktionen von Kunstwerken sind abgeleitete Fassungen mit reduzierter Farbanzahl. "
        "Wir arbeiten daran, sie zu ergänzen.",
        es="Muchas fichas de las colecciones proceden de los datos abiertos de otras "
        "instituciones y no tienen imágenes ni descripciones extensas; algunas reproducciones "
        "de obras son versiones derivadas con un número reducido de colores. Estamos "
        "trabajando para enriquecerlas.",
    ),
    "Segnala un problema": T(
        fr="Signaler un problème",
        de="Ein Problem melden",
        es="Comunicar un problema",
    ),
    "Se qualcosa nel sito ti ostacola, scrivici con il modulo di contatto indicando la pagina e "
    "il problema che hai incontrato. Ti rispondiamo entro 30 giorni.": T(
        fr="Si un élément du site vous pose problème, écrivez-nous au moyen du formulaire de "
        "contact en précisant la page concernée et la difficulté rencontrée. Nous vous "
        "répondons sous 30 jours.",
        de="Wenn Ihnen auf der Website etwas im Weg steht, schreiben Sie uns über das "
        "Kontaktformular und nennen Sie die Seite und das Problem, auf das Sie gestoßen sind. "
        "Wir antworten innerhalb von 30 Tagen.",
        es="Si algo del sitio le supone un obstáculo, escríbanos mediante el formulario de "
        "contacto indicando la página y el problema que ha encontrado. Le responderemos en un "
        "plazo de 30 días.",
    ),
    "Se la risposta non ti soddisfa, puoi rivolgerti all'organismo di controllo previsto dalla "
    "direttiva nel tuo Paese; in Italia è l'Agenzia per l'Italia Digitale (AgID).": T(
        fr="Si notre réponse ne vous satisfait pas, vous pouvez vous adresser à l'organisme de "
        f"contrôle prévu par la directive dans votre pays{NBSP}; en Italie, il s'agit de "
        "l'Agence pour l'Italie numérique (AgID).",
        de="Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
        "Durchsetzungsstelle wenden, die Ihr Land nach der Richtlinie eingerichtet hat; in "
        "Italien ist das die Agentur für das digitale Italien (Agenzia per l'Italia Digitale, "
        "AgID).",
        es="Si nuestra respuesta no le satisface, puede dirigirse al organismo de control "
        "previsto por la directiva en su país; en Italia es la Agencia para la Italia Digital "
        "(AgID).",
    ),
    "Questa dichiarazione è stata redatta nel {year} e viene rivista a ogni aggiornamento "
    "importante del sito.": T(
        fr=f"Cette déclaration a été établie en {{year}}{NBSP}; elle est revue à chaque mise "
        "à jour importante du site.",
        de="Diese Erklärung wurde {year} erstellt und wird bei jeder wesentlichen Änderung der "
        "Website überprüft.",
        es="Esta declaración se redactó en {year} y se revisa con cada actualización "
        "importante del sitio.",
    ),
    # --- Contact form ----------------------------------------------------------------------
    "Contatti e partnership": T(
        fr="Contact et partenariats",
        de="Kontakt und Partnerschaften",
        es="Contacto y colaboraciones",
    ),
    "Vuoi portare la tua istituzione in Heritage Hub o hai una domanda? Scrivici: la redazione "
    "risponde entro pochi giorni lavorativi.": T(
        fr="Vous souhaitez que votre institution rejoigne Heritage Hub, ou vous avez une "
        f"question{NBSP}? Écrivez-nous{NBSP}: la rédaction vous répond sous quelques jours "
        "ouvrés.",
        de="Möchten Sie mit Ihrer Einrichtung bei Heritage Hub mitmachen, oder haben Sie eine "
        "Frage? Schreiben Sie uns: Die Redaktion antwortet innerhalb weniger Werktage.",
        es="¿Quiere que su institución se sume a Heritage Hub o tiene alguna pregunta? "
        "Escríbanos: el equipo editorial responde en pocos días hábiles.",
    ),
    "Grazie! Abbiamo ricevuto il tuo messaggio e ti risponderemo presto.": T(
        fr=f"Merci{NBSP}! Nous avons bien reçu votre message et vous répondrons rapidement.",
        de="Vielen Dank! Wir haben Ihre Nachricht erhalten und melden uns bald bei Ihnen.",
        es="¡Gracias! Hemos recibido su mensaje y le responderemos pronto.",
    ),
    "Nuova richiesta dal sito Heritage Hub": T(
        fr="Nouvelle demande depuis le site Heritage Hub",
        de="Neue Anfrage über die Website von Heritage Hub",
        es="Nueva solicitud desde el sitio web de Heritage Hub",
    ),
    "Nome e cognome": T(fr="Prénom et nom", de="Vor- und Nachname", es="Nombre y apellidos"),
    "E-mail": T(fr="Courriel", de="E-Mail", es="Correo electrónico"),
    "Istituzione": T(fr="Institution", de="Einrichtung", es="Institución"),
    "Tipo di istituzione": T(
        fr="Type d'institution",
        de="Einrichtungstyp",
        es="Tipo de institución",
    ),
    # The dropdown's choices, one a line, named as in partners/migrations/0002_vocabularies.py.
    "Museo\nArchivio\nBiblioteca\nCentro di ricerca\nHub creativo\nIncubatore\n"
    "Spazio di comunità\nPiattaforma digitale\nImpresa\nAltro": T(
        fr="Musée\nArchives\nBibliothèque\nCentre de recherche\nHub créatif\nIncubateur\n"
        "Espace communautaire\nPlateforme numérique\nEntreprise\nAutre",
        de="Museum\nArchiv\nBibliothek\nForschungszentrum\nKreativzentrum\nInkubator\n"
        "Gemeinschaftsraum\nDigitale Plattform\nUnternehmen\nSonstige",
        es="Museo\nArchivo\nBiblioteca\nCentro de investigación\nCentro creativo\nIncubadora\n"
        "Espacio comunitario\nPlataforma digital\nEmpresa\nOtro",
    ),
    "Messaggio": T(fr="Message", de="Nachricht", es="Mensaje"),
    "Raccontaci in breve la tua istituzione e che cosa vorresti fare nell'hub.": T(
        fr="Présentez-nous brièvement votre institution et ce que vous aimeriez faire dans le hub.",
        de="Erzählen Sie uns kurz von Ihrer Einrichtung und davon, was Sie im Hub vorhaben.",
        es="Cuéntenos brevemente cómo es su institución y qué le gustaría hacer en el hub.",
    ),
}


def _key(text):
    """Whitespace as wagtail-localize's extraction leaves it does not matter."""
    return " ".join(text.split())


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _pattern(source):
    """A regular expression matching ``source`` with its ``{name}`` placeholders filled in."""
    parts = _PLACEHOLDER.split(_key(source))
    return re.compile(
        "".join(
            re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
            for index, part in enumerate(parts)
        )
    )


_EXACT = {_key(source): texts for source, texts in TEXTS.items() if "{" not in source}
_PATTERNS = [(_pattern(source), texts) for source, texts in TEXTS.items() if "{" in source]


def written_text(source, language):
    """The ``language`` text written for the Italian ``source``, or None."""
    key = _key(source)
    if key in _EXACT:
        return getattr(_EXACT[key], language)
    for pattern, texts in _PATTERNS:
        match = pattern.fullmatch(key)
        if match:
            return getattr(texts, language).format(**match.groupdict())
    return None


def strings_in(language, page, source_strings):
    """The strings to translate ``page`` into ``language``.

    ``source_strings`` are the page's Italian strings as ``pages.py`` wrote them (with their
    English translations); every one of them needs a text here, else the run fails.
    """
    strings = Strings(same=set(source_strings.same))
    missing = []
    for source in source_strings.pairs:
        text = written_text(source, language)
        if text is None:
            missing.append(repr(source[:70]))
        else:
            strings.pairs[source] = text
    if missing:
        raise DemoDataError(
            f"No {language} text written in heritagehub/demo/more_languages.py for these "
            f"strings of {page.title!r}:\n  " + "\n  ".join(missing)
        )
    return strings


def translate_into_more_languages(page, source_strings, stats, update=False):
    """The page's French, German and Spanish translations by language, created if missing.

    Like ``translate_page``: with ``update`` existing translations are brought up to date.
    """
    return {
        language: translate_page(
            page, language, strings_in(language, page, source_strings), stats, update=update
        )
        for language in LANGUAGES
    }
