"""French, German and Spanish texts of the hub's own pages, and the step that uses them.

The home page, the three index pages, "about", the accessibility statement, the contact
form and "join the hub" are written in Italian in ``heritagehub.demo.pages``, each string
next to its English translation. Their French, German and Spanish translations are written
here, by hand, keyed by the Italian source string, so that French, German and Spanish
visitors find the home page, the navigation and the hub's own pages in their language.
(Partner profiles, collections, items and stories stay in Italian and English: they are
shown with the "not yet translated" notice.)

Terms follow the interface translations in ``locale/<language>/LC_MESSAGES/django.po`` and
the institution types of ``partners/migrations/0002_vocabularies.py``. The register is the
formal one of the interface: "vous", "Sie", "usted".

A source string written in ``pages.py`` without a text here fails the run
(``DemoDataError``), like a string without its English translation does.
"""

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


# Italian source string → its translations.
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
    # --- Accessibility statement (the EU model statement's sections) ---------------------
    "Dichiarazione di accessibilità": T(
        fr="Déclaration d'accessibilité",
        de="Erklärung zur Barrierefreiheit",
        es="Declaración de accesibilidad",
    ),
    "Heritage Hub si impegna a rendere accessibile il proprio sito web, conformemente alla "
    "direttiva (UE) 2016/2102. La presente dichiarazione si applica al sito pubblico di "
    "Heritage Hub in tutte le sue lingue.": T(
        fr="Heritage Hub s'engage à rendre son site internet accessible, conformément à la "
        "directive (UE) 2016/2102. La présente déclaration s'applique au site public de "
        "Heritage Hub dans toutes ses langues.",
        de="Heritage Hub ist bemüht, seine Website im Einklang mit der Richtlinie (EU) "
        "2016/2102 barrierefrei zugänglich zu machen. Diese Erklärung gilt für die öffentliche "
        "Website von Heritage Hub in allen ihren Sprachen.",
        es="Heritage Hub se compromete a hacer accesible su sitio web, de conformidad con la "
        "Directiva (UE) 2016/2102. La presente declaración se aplica al sitio público de "
        "Heritage Hub en todos sus idiomas.",
    ),
    "Stato di conformità": T(
        fr="État de conformité",
        de="Stand der Vereinbarkeit mit den Anforderungen",
        es="Situación de cumplimiento",
    ),
    "Questo sito è parzialmente conforme alla norma europea EN 301 549, che richiama le Linee "
    "guida per l'accessibilità dei contenuti web (WCAG) 2.1 al livello AA, a causa dei casi di "
    "non conformità e delle deroghe elencati di seguito.": T(
        fr="Ce site est partiellement conforme à la norme européenne EN 301 549, qui renvoie "
        "aux Règles pour l'accessibilité des contenus Web (WCAG) 2.1 au niveau AA, en raison "
        "des non-conformités et des dérogations énumérées ci-dessous.",
        de="Diese Website ist wegen der folgenden Unvereinbarkeiten und Ausnahmen teilweise "
        "mit der europäischen Norm EN 301 549 vereinbar, die auf die Richtlinien für "
        "barrierefreie Webinhalte (WCAG) 2.1, Konformitätsstufe AA, verweist.",
        es="Este sitio web es parcialmente conforme con la norma europea EN 301 549, que "
        "remite a las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1 en el nivel AA, "
        "debido a las faltas de conformidad y las excepciones que se indican a continuación.",
    ),
    "Contenuti non accessibili": T(
        fr="Contenus non accessibles",
        de="Nicht barrierefreie Inhalte",
        es="Contenido no accesible",
    ),
    "Casi di non conformità": T(
        fr="Non-conformités",
        de="Unvereinbarkeit mit den Barrierefreiheitsanforderungen",
        es="Falta de conformidad con los requisitos de accesibilidad",
    ),
    "Molte schede delle collezioni provengono dai dati aperti di altre istituzioni: il testo "
    "alternativo delle loro immagini spesso ripete soltanto il titolo dell'opera, senza "
    "descriverla (WCAG 1.1.1).": T(
        fr="De nombreuses fiches des collections proviennent des données ouvertes d'autres "
        f"institutions{NBSP}: l'alternative textuelle de leurs images se contente souvent de "
        "répéter le titre de l'œuvre, sans la décrire (WCAG 1.1.1).",
        de="Viele Einträge der Sammlungen stammen aus den offenen Daten anderer Einrichtungen: "
        "Der Alternativtext ihrer Bilder wiederholt oft nur den Titel des Werks, ohne es zu "
        "beschreiben (WCAG 1.1.1).",
        es="Muchas fichas de las colecciones proceden de los datos abiertos de otras "
        "instituciones: el texto alternativo de sus imágenes a menudo solo repite el título de "
        "la obra, sin describirla (WCAG 1.1.1).",
    ),
    "Il testo alternativo delle immagini delle storie inviate dal pubblico è scritto da chi le "
    "invia; i moderatori lo controllano, ma la sua qualità può variare (WCAG 1.1.1).": T(
        fr="L'alternative textuelle des images des histoires envoyées par le public est "
        f"rédigée par les personnes qui les envoient{NBSP}; les modérateurs la vérifient, mais "
        "sa qualité peut varier (WCAG 1.1.1).",
        de="Den Alternativtext der Bilder in Geschichten, die Besucherinnen und Besucher "
        "einsenden, schreiben die Einsendenden selbst; die Moderation prüft ihn, seine Qualität "
        "kann aber schwanken (WCAG 1.1.1).",
        es="El texto alternativo de las imágenes de las historias enviadas por el público lo "
        "escriben quienes las envían; los moderadores lo revisan, pero su calidad puede variar "
        "(WCAG 1.1.1).",
    ),
    "I video e i contenuti audio incorporati da YouTube, Vimeo o SoundCloud non hanno sempre "
    "sottotitoli o una trascrizione (WCAG 1.2.2 e 1.2.3).": T(
        fr="Les vidéos et contenus audio intégrés depuis YouTube, Vimeo ou SoundCloud n'ont pas "
        "toujours de sous-titres ni de transcription (WCAG 1.2.2 et 1.2.3).",
        de="Von YouTube, Vimeo oder SoundCloud eingebettete Video- und Audioinhalte haben "
        "nicht immer Untertitel oder ein Transkript (WCAG 1.2.2 und 1.2.3).",
        es="Los vídeos y contenidos de audio insertados desde YouTube, Vimeo o SoundCloud no "
        "siempre tienen subtítulos ni transcripción (WCAG 1.2.2 y 1.2.3).",
    ),
    "Contenuti non soggetti alla normativa applicabile": T(
        fr="Contenus non soumis à l'obligation d'accessibilité",
        de="Inhalte, die nicht in den Anwendungsbereich der geltenden Rechtsvorschriften fallen",
        es="Contenido no sujeto a la legislación aplicable",
    ),
    "Riproduzioni di beni delle collezioni del patrimonio che non possono essere rese "
    "pienamente accessibili (articolo 1, paragrafo 4, lettera h, della direttiva): per esempio "
    "manoscritti e documenti d'archivio fotografati senza una trascrizione, fotografie "
    "storiche il cui contrasto non si può modificare senza alterarne l'autenticità, e "
    "riproduzioni di opere con un numero ridotto di colori.": T(
        fr="Les reproductions d'éléments de collections patrimoniales qui ne peuvent pas être "
        "rendues pleinement accessibles (article 1er, paragraphe 4, point h, de la "
        f"directive){NBSP}: par exemple des manuscrits et des documents d'archives photographiés "
        "sans transcription, des photographies historiques dont le contraste ne peut être "
        "modifié sans en altérer l'authenticité, et des reproductions d'œuvres au nombre de "
        "couleurs réduit.",
        de="Reproduktionen von Stücken aus Kulturerbesammlungen, die nicht vollständig "
        "barrierefrei zugänglich gemacht werden können (Artikel 1 Absatz 4 Buchstabe h der "
        "Richtlinie): zum Beispiel ohne Transkription fotografierte Handschriften und "
        "Archivdokumente, historische Fotografien, deren Kontrast sich nicht ändern lässt, "
        "ohne ihre Authentizität zu beeinträchtigen, und Reproduktionen von Werken mit "
        "reduzierter Farbanzahl.",
        es="Reproducciones de piezas de colecciones patrimoniales que no pueden hacerse "
        "plenamente accesibles (artículo 1, apartado 4, letra h, de la Directiva): por ejemplo, "
        "manuscritos y documentos de archivo fotografiados sin transcripción, fotografías "
        "históricas cuyo contraste no puede modificarse sin alterar su autenticidad y "
        "reproducciones de obras con un número reducido de colores.",
    ),
    "Redazione della presente dichiarazione": T(
        fr="Établissement de la présente déclaration",
        de="Erstellung dieser Erklärung zur Barrierefreiheit",
        es="Preparación de la presente declaración",
    ),
    "La dichiarazione è stata redatta il 5 dicembre 2026 con un'autovalutazione: controlli "
    "automatici con axe-core e test manuali da tastiera di ogni tipo di pagina pubblica, in "
    "tutte e cinque le lingue del sito, ripetuti a ogni modifica del sito.": T(
        fr=f"Cette déclaration a été établie le 5{NBSP}décembre 2026 par une "
        f"auto-évaluation{NBSP}: contrôles automatiques avec axe-core et tests manuels au "
        "clavier de chaque type de page publique, dans les cinq langues du site, répétés à "
        "chaque modification du site.",
        de="Diese Erklärung wurde am 5. Dezember 2026 durch eine Selbstbewertung erstellt: "
        "automatische Prüfungen mit axe-core und manuelle Tests mit der Tastatur für jeden "
        "öffentlichen Seitentyp in allen fünf Sprachen der Website, wiederholt bei jeder "
        "Änderung der Website.",
        es="Esta declaración se preparó el 5 de diciembre de 2026 mediante una autoevaluación: "
        "comprobaciones automáticas con axe-core y pruebas manuales con el teclado de cada "
        "tipo de página pública, en los cinco idiomas del sitio, repetidas con cada cambio del "
        "sitio.",
    ),
    "Non abbiamo ancora svolto test con persone con disabilità né una verifica completa con i "
    "lettori di schermo.": T(
        fr="Nous n'avons pas encore mené de tests avec des personnes handicapées ni de "
        "vérification complète avec des lecteurs d'écran.",
        de="Tests mit Menschen mit Behinderungen und eine vollständige Prüfung mit "
        "Screenreadern haben wir noch nicht durchgeführt.",
        es="Todavía no hemos realizado pruebas con personas con discapacidad ni una revisión "
        "completa con lectores de pantalla.",
    ),
    "La dichiarazione è stata riesaminata l'ultima volta il 5 dicembre 2026.": T(
        fr=f"La déclaration a été réexaminée pour la dernière fois le 5{NBSP}décembre 2026.",
        de="Die Erklärung wurde zuletzt am 5. Dezember 2026 überprüft.",
        es="La declaración se revisó por última vez el 5 de diciembre de 2026.",
    ),
    "Feedback e recapiti": T(
        fr="Retour d'information et coordonnées",
        de="Feedback und Kontaktangaben",
        es="Observaciones y datos de contacto",
    ),
    # The words marked <a id="a1"> link to the contact form (pages._paragraph_with_link).
    "Se incontri un ostacolo o ti serve un contenuto in un formato accessibile, scrivici con "
    "il modulo di contatto, indicando la pagina e il problema. Ti rispondiamo entro 30 "
    "giorni.": T(
        fr="Si vous rencontrez un obstacle ou avez besoin d'un contenu dans un format "
        'accessible, écrivez-nous au moyen du <a id="a1">formulaire de contact</a>, en '
        f"indiquant la page et le problème. Nous vous répondons sous 30{NBSP}jours.",
        de="Wenn Sie auf eine Barriere stoßen oder einen Inhalt in einem barrierefreien Format "
        'benötigen, schreiben Sie uns über das <a id="a1">Kontaktformular</a> und nennen Sie '
        "die Seite und das Problem. Wir antworten innerhalb von 30 Tagen.",
        es="Si encuentra un obstáculo o necesita un contenido en un formato accesible, "
        'escríbanos mediante el <a id="a1">formulario de contacto</a>, indicando la página y '
        "el problema. Le responderemos en un plazo de 30 días.",
    ),
    "Procedura di attuazione": T(
        fr="Procédure de mise en œuvre",
        de="Durchsetzungsverfahren",
        es="Procedimiento de aplicación",
    ),
    "Se la risposta non ti soddisfa, o se non ricevi risposta entro 30 giorni, puoi rivolgerti "
    "all'organismo di controllo previsto dalla direttiva nel tuo Paese; in Italia è l'Agenzia "
    "per l'Italia Digitale (AgID), che riceve le segnalazioni attraverso il proprio sito.": T(
        fr="Si notre réponse ne vous satisfait pas, ou si vous n'en recevez aucune sous "
        f"30{NBSP}jours, vous pouvez vous adresser à l'organisme de contrôle prévu par la "
        f"directive dans votre pays{NBSP}; en Italie, il s'agit de l'Agence pour l'Italie "
        "numérique (AgID), qui reçoit les signalements sur son site.",
        de="Wenn Sie mit unserer Antwort nicht zufrieden sind oder innerhalb von 30 Tagen "
        "keine erhalten, können Sie sich an die Durchsetzungsstelle wenden, die Ihr Land nach "
        "der Richtlinie eingerichtet hat; in Italien ist das die Agentur für das digitale "
        "Italien (Agenzia per l'Italia Digitale, AgID), die Meldungen über ihre Website "
        "entgegennimmt.",
        es="Si nuestra respuesta no le satisface, o si no recibe respuesta en un plazo de 30 "
        "días, puede dirigirse al organismo de control previsto por la directiva en su país; "
        "en Italia es la Agencia para la Italia Digital (AgID), que recibe las quejas a través "
        "de su sitio web.",
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
    # --- Join the hub ----------------------------------------------------------------------
    "Entra nell'hub": T(fr="Rejoindre le hub", de="Dem Hub beitreten", es="Únase al hub"),
    "Come gli hub regionali che accolgono nuovi membri con una manifestazione di interesse "
    "pubblica, Heritage Hub è aperto a musei, archivi, biblioteche, laboratori di ricerca e "
    "imprese culturali e creative che vogliono mettere in comune collezioni, competenze e "
    "spazi.": T(
        fr="Comme les hubs régionaux qui accueillent de nouveaux membres par un appel à "
        "manifestation d'intérêt public, Heritage Hub est ouvert aux musées, archives, "
        "bibliothèques, laboratoires de recherche et entreprises culturelles et créatives qui "
        "veulent mettre en commun collections, compétences et espaces.",
        de="Wie die regionalen Hubs, die neue Mitglieder über eine öffentliche "
        "Interessenbekundung aufnehmen, steht Heritage Hub Museen, Archiven, Bibliotheken, "
        "Forschungslaboren und Unternehmen der Kultur- und Kreativwirtschaft offen, die "
        "Sammlungen, Kompetenzen und Räume teilen wollen.",
        es="Como los hubs regionales que acogen a nuevos miembros mediante una manifestación "
        "de interés pública, Heritage Hub está abierto a museos, archivos, bibliotecas, "
        "laboratorios de investigación y empresas culturales y creativas que quieran poner en "
        "común colecciones, competencias y espacios.",
    ),
    "Che cosa offre l'hub": T(
        fr="Ce que le hub propose", de="Was der Hub bietet", es="Qué ofrece el hub"
    ),
    "Uno spazio proprio per pubblicare profilo, collezioni e storie in cinque lingue.": T(
        fr="Un espace à vous pour publier votre profil, vos collections et vos histoires en "
        "cinq langues.",
        de="Einen eigenen Bereich, um Profil, Sammlungen und Geschichten in fünf Sprachen zu "
        "veröffentlichen.",
        es="Un espacio propio para publicar su perfil, sus colecciones y sus historias en "
        "cinco idiomas.",
    ),
    "Un catalogo condiviso dei servizi e degli spazi dei partner.": T(
        fr="Un catalogue partagé des services et des espaces des partenaires.",
        de="Einen gemeinsamen Katalog der Leistungen und Räume der Partner.",
        es="Un catálogo compartido de los servicios y espacios de los socios.",
    ),
    "Il sostegno della redazione per bandi e call e nella revisione dei contenuti.": T(
        fr="L'appui de la rédaction pour les appels à projets et la relecture de vos contenus.",
        de="Die Unterstützung der Redaktion bei Ausschreibungen und bei der Prüfung Ihrer Inhalte.",
        es="El apoyo de la redacción con convocatorias y en la revisión de sus contenidos.",
    ),
    "Compila il modulo: la redazione legge ogni candidatura e risponde entro due settimane.": T(
        fr=f"Remplissez le formulaire{NBSP}: la rédaction lit chaque candidature et répond "
        "sous deux semaines.",
        de="Füllen Sie das Formular aus: Die Redaktion liest jede Bewerbung und antwortet "
        "innerhalb von zwei Wochen.",
        es="Rellene el formulario: la redacción lee cada solicitud y responde en dos semanas.",
    ),
    "I dati di questo modulo servono solo a valutare la candidatura e a contattarti. Li "
    "conserva la redazione di Heritage Hub: per un anno se la candidatura non è accolta, "
    "finché sei partner se lo è. Per consultarli o cancellarli, scrivi alla redazione.": T(
        fr="Les données de ce formulaire servent uniquement à examiner votre candidature et à "
        f"vous contacter. La rédaction de Heritage Hub les conserve{NBSP}: un an si la "
        "candidature n'est pas retenue, tant que vous êtes partenaire si elle l'est. Pour les "
        "consulter ou les effacer, écrivez à la rédaction.",
        de="Die Daten dieses Formulars dienen nur dazu, Ihre Bewerbung zu prüfen und Sie zu "
        "kontaktieren. Die Redaktion von Heritage Hub bewahrt sie auf: ein Jahr, wenn die "
        "Bewerbung abgelehnt wird, und solange Sie Partner sind, wenn sie angenommen wird. Um "
        "sie einzusehen oder löschen zu lassen, schreiben Sie der Redaktion.",
        es="Los datos de este formulario sirven solo para examinar su solicitud y ponerse en "
        "contacto con usted. Los conserva la redacción de Heritage Hub: un año si la solicitud "
        "no se acepta, y mientras sea socio si se acepta. Para consultarlos o borrarlos, "
        "escriba a la redacción.",
    ),
    "Grazie per l'interesse! Nel frattempo, esplora le collezioni e le storie dei partner.": T(
        fr=f"Merci de votre intérêt{NBSP}! En attendant, découvrez les collections et les "
        "histoires des partenaires.",
        de="Vielen Dank für Ihr Interesse! Entdecken Sie inzwischen die Sammlungen und "
        "Geschichten der Partner.",
        es="¡Gracias por su interés! Mientras tanto, descubra las colecciones y las historias "
        "de los socios.",
    ),
}


def _key(text):
    """Whitespace as wagtail-localize's extraction leaves it does not matter."""
    return " ".join(text.split())


_TEXTS = {_key(source): texts for source, texts in TEXTS.items()}


def written_text(source, language):
    """The ``language`` text written for the Italian ``source``, or None."""
    texts = _TEXTS.get(_key(source))
    return getattr(texts, language) if texts else None


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
