"""The hub's own pages: home, the three index pages, about, accessibility statement, contact.

All are written in Italian (the hub's language) and translated into English; their French,
German and Spanish texts are in ``heritagehub.demo.more_languages``. Slugs are the same in
every language, so ``/it/about/`` and ``/fr/about/`` are the same page.
"""

from django.conf import settings
from wagtail.models import Site

from heritage_collections.models import CollectionIndexPage
from home.models import FormField, FormPage, HomePage, StandardPage
from partners.models import PartnerIndexPage
from stories.models import StoryIndexPage

from .base import Bi, DemoDataError, Strings, block, ensure_child, locale, refresh
from .more_languages import LANGUAGES as MORE_LANGUAGES
from .more_languages import strings_in, translate_into_more_languages
from .translate import translate_page

HOME_HERO_IMAGE = "pfvc_calanque.jpg"


def home_fields(strings):
    return {
        "hero_heading": strings(
            Bi("Il patrimonio culturale, condiviso", "Cultural heritage, shared")
        ),
        "hero_text": strings(
            Bi(
                "Musei, archivi, hub creativi e comunità pubblicano qui collezioni, profili e "
                "storie, in cinque lingue.",
                "Museums, archives, creative hubs and communities publish their collections, "
                "profiles and stories here, in five languages.",
            )
        ),
        "introduction": strings.rich(
            Bi(
                "Heritage Hub è una piattaforma comune per le istituzioni culturali e creative "
                "che vogliono rendere il patrimonio accessibile e vivo. Ogni partner ha il "
                "proprio spazio: una scheda dell'istituzione, le collezioni con le schede delle "
                "opere e le storie scritte dallo staff o dalle comunità.",
                "Heritage Hub is a shared platform for cultural and creative institutions that "
                "want to make heritage accessible and alive. Every partner has its own space: an "
                "institutional profile, collections with item records, and stories written by "
                "staff or by the community.",
            ),
            Bi(
                "Le collezioni di esempio provengono dai dati aperti della Tate e dalle immagini "
                "di pubblico dominio condivise da grandi musei e biblioteche; le storie "
                "raccontano hub reali, da Torino a Favara, da Bruxelles a San Sebastián.",
                "The sample collections come from Tate's open data and from public-domain images "
                "shared by major museums and libraries; the stories are about real hubs, from "
                "Turin to Favara and from Brussels to San Sebastián.",
            ),
        ),
    }


INDEX_PAGES = [
    (
        CollectionIndexPage,
        "collections",
        Bi("Collezioni", "Collections"),
        Bi(
            "Sfoglia e cerca tutte le opere e i documenti pubblicati dai partner dell'hub, per "
            "collezione, tipo di oggetto, data e diritti d'uso.",
            "Browse and search every item published by the hub's partners, by collection, object "
            "type, date and reuse rights.",
        ),
    ),
    (
        StoryIndexPage,
        "stories",
        Bi("Storie", "Stories"),
        Bi(
            "Racconti dagli hub e dalle istituzioni partner: luoghi rigenerati, archivi aperti, "
            "comunità che si prendono cura del proprio patrimonio.",
            "Stories from the hubs and partner institutions: regenerated places, open archives, "
            "and communities caring for their heritage.",
        ),
    ),
    (
        PartnerIndexPage,
        "partners",
        Bi("Partner", "Partners"),
        Bi(
            "Musei, archivi, biblioteche, centri di ricerca e hub creativi che fanno parte della "
            "rete.",
            "The museums, archives, libraries, research centres and creative hubs that make up "
            "the network.",
        ),
    ),
]


def _heading(strings, text, level="h2"):
    return block("heading", {"text": strings(text), "level": level})


def _paragraphs(strings, *texts):
    return [block("paragraph", strings.rich(text)) for text in texts]


def about_page():
    s = Strings()
    body = [
        _heading(s, Bi("Cosa sono gli heritage hub", "What heritage hubs are")),
        *_paragraphs(
            s,
            Bi(
                "Un heritage hub è un luogo, fisico o digitale, in cui istituzioni, imprese, "
                "associazioni e cittadini collaborano per conservare e valorizzare il patrimonio "
                "culturale, materiale e immateriale. Può essere un museo, un centro di ricerca, "
                "uno spazio di comunità o una piattaforma online.",
                "A heritage hub is a place, physical or digital, where institutions, businesses, "
                "associations and citizens work together to preserve and enhance cultural "
                "heritage, both tangible and intangible. It may be a museum, a research centre, "
                "a community space or an online platform.",
            ),
        ),
        _heading(s, Bi("Come funziona la piattaforma", "How the platform works")),
        *_paragraphs(
            s,
            Bi(
                "Ogni partner gestisce il proprio spazio: la scheda dell'istituzione, le "
                "collezioni, le singole opere e le storie. I contenuti dei partner passano per "
                "una revisione della redazione dell'hub prima di essere pubblicati, e le "
                "traduzioni seguono lo stesso percorso.",
                "Each partner manages its own space: its profile, collections, individual items "
                "and stories. Partners' content is reviewed by the hub's editors before it is "
                "published, and translations follow the same path.",
            ),
            Bi(
                "I contenuti sono pubblicati in italiano, inglese, francese, tedesco e spagnolo. "
                "Quando una pagina non è ancora tradotta, si legge nella lingua originale, con "
                "un avviso.",
                "Content is published in Italian, English, French, German and Spanish. When a "
                "page has not been translated yet, it is shown in its original language, with a "
                "notice.",
            ),
        ),
        _heading(s, Bi("Dati aperti e diritti", "Open data and rights")),
        *_paragraphs(
            s,
            Bi(
                "Ogni opera riporta i diritti d'uso con le dichiarazioni accettate da Europeana, "
                "insieme alla linea di credito e al collegamento alla fonte. Le collezioni sono "
                "disponibili anche per gli aggregatori tramite OAI-PMH.",
                "Every item states its reuse rights with the statements Europeana accepts, "
                "together with a credit line and a link to its source. Collections are also "
                "available to aggregators over OAI-PMH.",
            ),
        ),
    ]
    page = StandardPage(
        title=s(Bi("Chi siamo", "About the hub")),
        slug="about",
        introduction=s(
            Bi(
                "Heritage Hub mette in rete istituzioni culturali e comunità per pubblicare "
                "insieme il patrimonio, in più lingue e come dati aperti.",
                "Heritage Hub connects cultural institutions and communities so that they can "
                "publish heritage together, in several languages and as open data.",
            )
        ),
        body=body,
    )
    return page, s


# A fixed year keeps the statement's text, and so its translations, the same on every run.
STATEMENT_YEAR = 2026


def accessibility_page():
    s = Strings()
    year = STATEMENT_YEAR
    body = [
        _heading(s, Bi("Il nostro obiettivo", "Our target")),
        *_paragraphs(
            s,
            Bi(
                "Il sito è progettato per essere conforme alle Linee guida per l'accessibilità "
                "dei contenuti web (WCAG) 2.1 al livello AA, lo standard richiamato dalla "
                "Direttiva (UE) 2016/2102 sull'accessibilità dei siti web e delle applicazioni "
                "mobili degli enti pubblici e dalla norma europea EN 301 549.",
                "The site is designed to meet the Web Content Accessibility Guidelines (WCAG) "
                "2.1 at level AA, the standard referred to by Directive (EU) 2016/2102 on the "
                "accessibility of the websites and mobile applications of public sector bodies "
                "and by the European standard EN 301 549.",
            ),
        ),
        _heading(s, Bi("Cosa facciamo", "What we do")),
        block(
            "paragraph",
            s.rich(
                (
                    "ul",
                    [
                        Bi(
                            "Ogni immagine ha un testo alternativo, tranne quelle puramente "
                            "decorative.",
                            "Every image has a text alternative, except purely decorative ones.",
                        ),
                        Bi(
                            "Ogni pagina dichiara la propria lingua, anche quando un contenuto "
                            "non è ancora tradotto.",
                            "Every page declares its language, including content that has not "
                            "been translated yet.",
                        ),
                        Bi(
                            "Il sito si può usare interamente da tastiera e con i lettori di "
                            "schermo.",
                            "The whole site can be used with a keyboard and with screen readers.",
                        ),
                        Bi(
                            "I colori rispettano i rapporti di contrasto minimi.",
                            "Colours meet the minimum contrast ratios.",
                        ),
                        Bi(
                            "L'editor segnala i problemi di accessibilità prima della "
                            "pubblicazione.",
                            "The editor flags accessibility problems before publication.",
                        ),
                    ],
                )
            ),
        ),
        _heading(s, Bi("Limiti noti", "Known limitations")),
        *_paragraphs(
            s,
            Bi(
                "Molte schede delle collezioni provengono dai dati aperti di altre istituzioni e "
                "non hanno immagini né descrizioni estese; alcune riproduzioni di opere sono "
                "derivati con un numero ridotto di colori. Stiamo lavorando per arricchirle.",
                "Many collection records come from other institutions' open data and have no "
                "pictures or long descriptions; some reproductions of artworks are derivatives "
                "with a reduced number of colours. We are working to enrich them.",
            ),
        ),
        _heading(s, Bi("Segnala un problema", "Report a problem")),
        *_paragraphs(
            s,
            Bi(
                "Se qualcosa nel sito ti ostacola, scrivici con il modulo di contatto indicando "
                "la pagina e il problema che hai incontrato. Ti rispondiamo entro 30 giorni.",
                "If something on the site gets in your way, write to us through the contact "
                "form, telling us the page and the problem you met. We reply within 30 days.",
            ),
            Bi(
                "Se la risposta non ti soddisfa, puoi rivolgerti all'organismo di controllo "
                "previsto dalla direttiva nel tuo Paese; in Italia è l'Agenzia per l'Italia "
                "Digitale (AgID).",
                "If you are not satisfied with our reply, you can turn to the enforcement body "
                "set up under the directive in your country; in Italy this is the Agency for "
                "Digital Italy (AgID).",
            ),
            Bi(
                f"Questa dichiarazione è stata redatta nel {year} e viene rivista a ogni "
                "aggiornamento importante del sito.",
                f"This statement was prepared in {year} and is reviewed whenever the site "
                "changes significantly.",
            ),
        ),
    ]
    page = StandardPage(
        title=s(Bi("Dichiarazione di accessibilità", "Accessibility statement")),
        slug="accessibility",
        introduction=s(
            Bi(
                "Vogliamo che tutte e tutti possano usare Heritage Hub, con qualunque "
                "dispositivo o tecnologia assistiva.",
                "We want everyone to be able to use Heritage Hub, whatever their device or "
                "assistive technology.",
            )
        ),
        body=body,
    )
    return page, s


INSTITUTION_CHOICES = Bi(
    "Museo\nArchivio\nBiblioteca\nCentro di ricerca\nHub creativo\nIncubatore\n"
    "Spazio di comunità\nPiattaforma digitale\nImpresa\nAltro",
    "Museum\nArchive\nLibrary\nResearch centre\nCreative hub\nIncubator\n"
    "Community space\nDigital platform\nCompany\nOther",
)


def contact_page():
    s = Strings()
    fields = [
        ("name", Bi("Nome e cognome", "Full name"), "singleline", True, None, None),
        ("email", same_text("E-mail"), "email", True, None, None),
        ("institution", Bi("Istituzione", "Institution"), "singleline", False, None, None),
        (
            "institution_type",
            Bi("Tipo di istituzione", "Type of institution"),
            "dropdown",
            False,
            INSTITUTION_CHOICES,
            None,
        ),
        (
            "message",
            Bi("Messaggio", "Message"),
            "multiline",
            True,
            None,
            Bi(
                "Raccontaci in breve la tua istituzione e che cosa vorresti fare nell'hub.",
                "Tell us briefly about your institution and what you would like to do in the hub.",
            ),
        ),
    ]
    form_fields = []
    for order, (clean_name, label, field_type, required, choices, help_text) in enumerate(fields):
        s.keep(clean_name)
        form_fields.append(
            FormField(
                sort_order=order,
                clean_name=clean_name,
                label=s(label),
                field_type=field_type,
                required=required,
                choices=s(choices),
                help_text=s(help_text),
            )
        )
    s.keep(settings.HUB_CONTACT_EMAIL)
    page = FormPage(
        title=s(Bi("Contatti e partnership", "Contact and partnerships")),
        slug="contact",
        introduction=s.rich(
            Bi(
                "Vuoi portare la tua istituzione in Heritage Hub o hai una domanda? Scrivici: la "
                "redazione risponde entro pochi giorni lavorativi.",
                "Would you like your institution to join Heritage Hub, or do you have a "
                "question? Write to us: the editorial team replies within a few working days.",
            )
        ),
        thank_you_text=s.rich(
            Bi(
                "Grazie! Abbiamo ricevuto il tuo messaggio e ti risponderemo presto.",
                "Thank you! We have received your message and will reply soon.",
            )
        ),
        subject=s(
            Bi("Nuova richiesta dal sito Heritage Hub", "New enquiry from the Heritage Hub website")
        ),
        to_address="",
    )
    page.form_fields = form_fields
    return page, s


def same_text(text):
    return Bi(text, text)


def home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoDataError("No default Wagtail site: run `manage.py migrate` first.")
    home = site.root_page.specific
    if not isinstance(home, HomePage) or home.locale.language_code != "it":
        raise DemoDataError("The default site's root page is not the Italian HomePage.")
    return home


def load_site_pages(images, stats):
    """Fill the home page, create its children, translate them all into the other languages.

    Returns ``{"it": {...}, "en": {...}, "fr": {...}, ...}`` with the home and index pages of
    each language, and the translation strings of the home page (its featured lists are set
    later).
    """
    home = home_page()
    home_strings = Strings()
    home_strings.keep(home.title)
    fields = home_fields(home_strings)
    fields["hero_image"] = images[HOME_HERO_IMAGE]
    # Fill the home page the migration created, once: never overwrite an editor's text.
    filled = not home.hero_heading
    if filled:
        for name, value in fields.items():
            setattr(home, name, value)
        home.save_revision().publish()
        stats.created("home page filled")
        home = refresh(home)
    pages = {"it": {"home": home}}
    # The home page first: wagtail-localize would otherwise copy it untranslated into a
    # locale when it translates one of its children.
    _translate(pages, "home", home, home_strings, stats, update=filled)

    for model, slug, title, introduction in INDEX_PAGES:
        strings = Strings()
        page = model(title=strings(title), slug=slug, introduction=strings(introduction))
        page, _created = ensure_child(home, page, stats, "index pages")
        pages["it"][slug] = page
        _translate(pages, slug, page, strings, stats)

    for build in (about_page, accessibility_page, contact_page):
        page, strings = build()
        page, _created = ensure_child(home, page, stats, "standard and form pages")
        pages["it"][page.slug] = page
        _translate(pages, page.slug, page, strings, stats)
    return pages, home_strings


def _translate(pages, key, page, strings, stats, update=False):
    """Translate ``page`` into English, then French, German and Spanish; file each under ``key``."""
    pages.setdefault("en", {})[key] = translate_page(page, "en", strings, stats, update=update)
    more = translate_into_more_languages(page, strings, stats, update=update)
    for language, translated in more.items():
        pages.setdefault(language, {})[key] = translated


def feature_on_home(home, home_strings, collections, stories, partners, stats):
    """Set the home page's featured lists (once, when all are empty) and update its translations."""
    wanted = {
        "featured_collections": collections,
        "featured_stories": stories,
        "featured_partners": partners,
    }
    if not any(len(getattr(home, name)) for name in wanted):
        for name, featured in wanted.items():
            setattr(home, name, [block("page", page.pk) for page in featured])
        home.save_revision().publish()
        stats.created("home page featured lists")
        home = refresh(home)
    for language in ("en", *MORE_LANGUAGES):
        translated = home.get_translation_or_none(locale(language))
        behind = translated is not None and any(
            len(getattr(translated.specific, name)) != len(getattr(home, name)) for name in wanted
        )
        if behind:
            strings = home_strings if language == "en" else strings_in(language, home, home_strings)
            translate_page(home, language, strings, stats, update=True)
    return home
