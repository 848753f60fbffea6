"""What a visitor reads for a facet value: partner and collection titles, object types and
centuries, in the visitor's language."""

from django.utils.translation import pgettext

from heritagehub.cache import cached
from heritagehub.i18n import in_language, language_order
from partners.models import PartnerPage

from .models import CollectionPage, ObjectType


def _roman(number):
    numerals = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]  # fmt: skip
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result += numeral
            number -= value
    return result


def _english_ordinal(number):
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def century_label(century):
    """“19th century”, “XIX secolo”, “XIXe siècle”, “19. Jahrhundert”, “siglo XIX”.

    Each language writes centuries its own way, so the translation picks the placeholder it
    needs: the number, the English ordinal or the Roman numeral.
    """
    number = abs(century)
    values = {"number": number, "ordinal": _english_ordinal(number), "roman": _roman(number)}
    if century < 0:
        return pgettext("period", "%(ordinal)s century BCE") % values
    return pgettext("period", "%(ordinal)s century") % values


def _compute_labels(language_code):
    def foreign(code):
        return "" if code == language_code else code

    def titles(queryset, key):
        return {
            key(row): (row["title"], foreign(row["locale__language_code"]))
            for row in in_language(queryset.live(), language_code).values(
                "title", "slug", "url_path", "locale__language_code"
            )
        }

    ranks = {code: rank for rank, code in enumerate(language_order(language_code))}
    types = {}
    for slug, name, code in ObjectType.objects.values_list("slug", "name", "locale__language_code"):
        if slug not in types or ranks[code] < ranks[types[slug][1]]:
            types[slug] = (name, code)
    return {
        "partner": titles(PartnerPage.objects, lambda row: row["slug"]),
        "collection": titles(
            CollectionPage.objects, lambda row: "/".join(row["url_path"].strip("/").split("/")[-2:])
        ),
        "type": {slug: (name, foreign(code)) for slug, (name, code) in types.items()},
    }


def catalogue_labels(language_code):
    """Titles of partners and collections and names of object types by their facet value,
    each with its language when it is not the visitor's. A few hundred rows, kept in the
    cache until the next publish (``heritagehub.cache``)."""
    return cached(f"catalogue-labels:{language_code}", lambda: _compute_labels(language_code))
