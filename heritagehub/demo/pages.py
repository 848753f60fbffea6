"""The hub's own pages: home, the three index pages, about, accessibility statement, contact,
join the hub.

All are written in Italian (the hub's language) and translated into English; their French,
German and Spanish texts are in ``heritagehub.demo.more_languages``. Slugs are the same in
every language, so ``/it/about/`` and ``/fr/about/`` are the same page.
"""

import re

from django.conf import settings
from wagtail.models import Site

from heritage_collections.models import CollectionIndexPage
from home.models import FormField, FormPage, HomePage, StandardPage
from partners.models import JoinPage, PartnerIndexPage
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


def _paragraph_with_link(strings, text, page):
    """A paragraph whose words marked ``<a id="a1">…</a>`` (wagtail-localize's own mark for a
    link in a translatable string) link to ``page``. Wagtail renders a rich text page link as
    the reader's translation of the page, so each language's paragraph leads to its own."""
    strings(Bi(re.sub(r"</?a[^>]*>", "", text.source), text.translation))
    html = text.source.replace('<a id="a1">', f'<a linktype="page" id="{page.pk}">')
    return block("paragraph", f"<p>{html}</p>")


def accessibility_page(contact):
    """The accessibility statement, in the structure of the EU model statement (Commission
    Implementing Decision (EU) 2018/1523): compliance status, non-accessible content,
    preparation, feedback (the contact form) and enforcement procedure. Honest about what is
    known not to comply; its dates are fixed so that the text and its translations are the
    same on every run."""
    s = Strings()
    body = [
        _heading(s, Bi("Stato di conformità", "Compliance status")),
        *_paragraphs(
            s,
            Bi(
                "Questo sito è parzialmente conforme alla norma europea EN 301 549, che "
                "richiama le Linee guida per l'accessibilità dei contenuti web (WCAG) 2.1 al "
                "livello AA, a causa dei casi di non conformità e delle deroghe elencati di "
                "seguito.",
                "This website is partially compliant with the European standard EN 301 549, "
                "which refers to the Web Content Accessibility Guidelines (WCAG) 2.1 at level "
                "AA, due to the non-compliances and the exemptions listed below.",
            ),
        ),
        _heading(s, Bi("Contenuti non accessibili", "Non-accessible content")),
        _heading(
            s,
            Bi("Casi di non conformità", "Non-compliance with the accessibility requirements"),
            level="h3",
        ),
        block(
            "paragraph",
            s.rich(
                (
                    "ul",
                    [
                        Bi(
                            "Molte schede delle collezioni provengono dai dati aperti di altre "
                            "istituzioni: il testo alternativo delle loro immagini spesso "
                            "ripete soltanto il titolo dell'opera, senza descriverla (WCAG "
                            "1.1.1).",
                            "Many collection records come from other institutions' open data: "
                            "the text alternative of their images often only repeats the title "
                            "of the work, without describing it (WCAG 1.1.1).",
                        ),
                        Bi(
                            "Il testo alternativo delle immagini delle storie inviate dal "
                            "pubblico è scritto da chi le invia; i moderatori lo controllano, "
                            "ma la sua qualità può variare (WCAG 1.1.1).",
                            "The text alternatives of the images of stories sent in by the "
                            "public are written by the people who send them; moderators check "
                            "them, but their quality may vary (WCAG 1.1.1).",
                        ),
                        Bi(
                            "I video e i contenuti audio incorporati da YouTube, Vimeo o "
                            "SoundCloud non hanno sempre sottotitoli o una trascrizione (WCAG "
                            "1.2.2 e 1.2.3).",
                            "Video and audio embedded from YouTube, Vimeo or SoundCloud do not "
                            "always have captions or a transcript (WCAG 1.2.2 and 1.2.3).",
                        ),
                    ],
                )
            ),
        ),
        _heading(
            s,
            Bi(
                "Contenuti non soggetti alla normativa applicabile",
                "Content that is not within the scope of the applicable legislation",
            ),
            level="h3",
        ),
        *_paragraphs(
            s,
            Bi(
                "Riproduzioni di beni delle collezioni del patrimonio che non possono essere "
                "rese pienamente accessibili (articolo 1, paragrafo 4, lettera h, della "
                "direttiva): per esempio manoscritti e documenti d'archivio fotografati senza "
                "una trascrizione, fotografie storiche il cui contrasto non si può modificare "
                "senza alterarne l'autenticità, e riproduzioni di opere con un numero ridotto "
                "di colori.",
                "Reproductions of items in heritage collections that cannot be made fully "
                "accessible (Article 1(4)(h) of the Directive): for example manuscripts and "
                "archival documents photographed without a transcription, historical "
                "photographs whose contrast cannot be changed without altering their "
                "authenticity, and reproductions of works with a reduced number of colours.",
            ),
        ),
        _heading(
            s,
            Bi(
                "Redazione della presente dichiarazione",
                "Preparation of this accessibility statement",
            ),
        ),
        *_paragraphs(
            s,
            Bi(
                "La dichiarazione è stata redatta il 5 dicembre 2026 con un'autovalutazione: "
                "controlli automatici con axe-core e test manuali da tastiera di ogni tipo di "
                "pagina pubblica, in tutte e cinque le lingue del sito, ripetuti a ogni "
                "modifica del sito.",
                "This statement was prepared on 5 December 2026 by self-assessment: automated "
                "checks with axe-core and manual keyboard testing of every public page type, in "
                "all five languages of the site, repeated whenever the site changes.",
            ),
            Bi(
                "Non abbiamo ancora svolto test con persone con disabilità né una verifica "
                "completa con i lettori di schermo.",
                "We have not yet tested with disabled people or carried out a full review with "
                "screen readers.",
            ),
            Bi(
                "La dichiarazione è stata riesaminata l'ultima volta il 5 dicembre 2026.",
                "The statement was last reviewed on 5 December 2026.",
            ),
        ),
        _heading(s, Bi("Feedback e recapiti", "Feedback and contact information")),
        _paragraph_with_link(
            s,
            Bi(
                "Se incontri un ostacolo o ti serve un contenuto in un formato accessibile, "
                'scrivici con <a id="a1">il modulo di contatto</a>, indicando la pagina e il '
                "problema. Ti rispondiamo entro 30 giorni.",
                "If you meet a barrier or need content in an accessible format, write to us "
                'through <a id="a1">the contact form</a>, telling us the page and the problem. '
                "We reply within 30 days.",
            ),
            contact,
        ),
        _heading(s, Bi("Procedura di attuazione", "Enforcement procedure")),
        *_paragraphs(
            s,
            Bi(
                "Se la risposta non ti soddisfa, o se non ricevi risposta entro 30 giorni, puoi "
                "rivolgerti all'organismo di controllo previsto dalla direttiva nel tuo Paese; "
                "in Italia è l'Agenzia per l'Italia Digitale (AgID), che riceve le segnalazioni "
                "attraverso il proprio sito.",
                "If you are not satisfied with our reply, or receive none within 30 days, you "
                "can turn to the enforcement body set up under the Directive in your country; in "
                "Italy this is the Agency for Digital Italy (AgID), which receives reports "
                "through its website.",
            ),
        ),
    ]
    page = StandardPage(
        title=s(Bi("Dichiarazione di accessibilità", "Accessibility statement")),
        slug="accessibility",
        introduction=s(
            Bi(
                "Heritage Hub si impegna a rendere accessibile il proprio sito web, "
                "conformemente alla direttiva (UE) 2016/2102. La presente dichiarazione si "
                "applica al sito pubblico di Heritage Hub in tutte le sue lingue.",
                "Heritage Hub is committed to making its website accessible, in accordance "
                "with Directive (EU) 2016/2102. This statement applies to the public Heritage "
                "Hub website in all its languages.",
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


def join_page():
    """The public application form, in the words of a regional hub's expression of interest."""
    s = Strings()
    page = JoinPage(
        title=s(Bi("Entra nell'hub", "Join the hub")),
        slug="join",
        introduction=s.rich(
            Bi(
                "Come gli hub regionali che accolgono nuovi membri con una manifestazione di "
                "interesse pubblica, Heritage Hub è aperto a musei, archivi, biblioteche, "
                "laboratori di ricerca e imprese culturali e creative che vogliono mettere in "
                "comune collezioni, competenze e spazi.",
                "Like the regional hubs that take in new members through a public expression of "
                "interest, Heritage Hub is open to museums, archives, libraries, research labs "
                "and cultural and creative enterprises that want to pool their collections, "
                "skills and spaces.",
            ),
            ("h2", Bi("Che cosa offre l'hub", "What the hub offers")),
            (
                "ul",
                [
                    Bi(
                        "Uno spazio proprio per pubblicare profilo, collezioni e storie in "
                        "cinque lingue.",
                        "A space of your own to publish your profile, collections and stories "
                        "in five languages.",
                    ),
                    Bi(
                        "Un catalogo condiviso dei servizi e degli spazi dei partner.",
                        "A shared catalogue of the partners' services and spaces.",
                    ),
                    Bi(
                        "Il sostegno della redazione per bandi e call e nella revisione dei "
                        "contenuti.",
                        "The editorial team's support with calls and funding, and in reviewing "
                        "your content.",
                    ),
                ],
            ),
            Bi(
                "Compila il modulo: la redazione legge ogni candidatura e risponde entro due "
                "settimane.",
                "Fill in the form: the editorial team reads every application and replies "
                "within two weeks.",
            ),
        ),
        privacy_note=s.rich(
            Bi(
                "I dati di questo modulo servono solo a valutare la candidatura e a "
                "contattarti. Li conserva la redazione di Heritage Hub: per un anno se la "
                "candidatura non è accolta, finché sei partner se lo è. Per consultarli o "
                "cancellarli, scrivi alla redazione.",
                "The data in this form are used only to review your application and to contact "
                "you. The Heritage Hub editorial team keeps them: for a year if the application "
                "is declined, for as long as you are a partner if it is accepted. To see or "
                "erase them, write to the editorial team.",
            )
        ),
        thank_you_text=s.rich(
            Bi(
                "Grazie per l'interesse! Nel frattempo, esplora le collezioni e le storie dei "
                "partner.",
                "Thank you for your interest! Meanwhile, explore the partners' collections and "
                "stories.",
            )
        ),
    )
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

    for build in (about_page, contact_page, join_page):
        _add_site_page(pages, home, *build(), stats)
    # The statement links to the contact form: built once the form exists.
    _add_site_page(pages, home, *accessibility_page(pages["it"]["contact"]), stats)
    return pages, home_strings


def _add_site_page(pages, home, page, strings, stats):
    page, _created = ensure_child(home, page, stats, "standard and form pages")
    pages["it"][page.slug] = page
    _translate(pages, page.slug, page, strings, stats)


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
