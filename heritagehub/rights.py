"""The rights statements Europeana accepts for `edm:rights`.

Stored as the exact `http://` URI, because aggregators compare URIs literally.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RightsStatement(models.TextChoices):
    PUBLIC_DOMAIN_MARK = (
        "http://creativecommons.org/publicdomain/mark/1.0/",
        _("Public Domain Mark 1.0"),
    )
    CC0 = "http://creativecommons.org/publicdomain/zero/1.0/", _("CC0 1.0 Universal")
    CC_BY = "http://creativecommons.org/licenses/by/4.0/", _("CC BY 4.0")
    CC_BY_SA = "http://creativecommons.org/licenses/by-sa/4.0/", _("CC BY-SA 4.0")
    CC_BY_ND = "http://creativecommons.org/licenses/by-nd/4.0/", _("CC BY-ND 4.0")
    CC_BY_NC = "http://creativecommons.org/licenses/by-nc/4.0/", _("CC BY-NC 4.0")
    CC_BY_NC_SA = "http://creativecommons.org/licenses/by-nc-sa/4.0/", _("CC BY-NC-SA 4.0")
    CC_BY_NC_ND = "http://creativecommons.org/licenses/by-nc-nd/4.0/", _("CC BY-NC-ND 4.0")
    IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/", _("In Copyright")
    IN_COPYRIGHT_EDU = (
        "http://rightsstatements.org/vocab/InC-EDU/1.0/",
        _("In Copyright – Educational Use Permitted"),
    )
    IN_COPYRIGHT_ORPHAN = (
        "http://rightsstatements.org/vocab/InC-OW-EU/1.0/",
        _("In Copyright – EU Orphan Work"),
    )
    NO_COPYRIGHT_NC = (
        "http://rightsstatements.org/vocab/NoC-NC/1.0/",
        _("No Copyright – Non-Commercial Use Only"),
    )
    NO_COPYRIGHT_OTHER = (
        "http://rightsstatements.org/vocab/NoC-OKLR/1.0/",
        _("No Copyright – Other Known Legal Restrictions"),
    )
    NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/", _("Copyright Not Evaluated")

    @classmethod
    def open_values(cls):
        """Statements that allow any reuse, including commercial (Europeana's 'open')."""
        return [cls.PUBLIC_DOMAIN_MARK, cls.CC0, cls.CC_BY, cls.CC_BY_SA]

    @classmethod
    def is_open(cls, uri):
        return uri in cls.open_values()

    @classmethod
    def https_url(cls, uri):
        """The page a visitor follows to read the statement (the URI itself, over HTTPS)."""
        return uri.replace("http://", "https://", 1) if uri else ""


def rights_field(**kwargs):
    """A field holding one rights statement URI; shared by images and items."""
    options = {
        "max_length": 100,
        "choices": RightsStatement.choices,
        "verbose_name": _("rights statement"),
    }
    options.update(kwargs)
    return models.CharField(**options)


class Reuse(models.TextChoices):
    """What a visitor may do with an item, in the four groups browse filters by."""

    OPEN = "open", _("Open licence or public domain")
    LIMITED = "limited", _("Reuse with restrictions")
    IN_COPYRIGHT = "copyright", _("In copyright")
    UNKNOWN = "unknown", _("Rights not evaluated")

    @classmethod
    def of(cls, uri):
        if RightsStatement.is_open(uri):
            return cls.OPEN
        if uri in (RightsStatement.IN_COPYRIGHT, RightsStatement.IN_COPYRIGHT_ORPHAN):
            return cls.IN_COPYRIGHT
        if uri in (RightsStatement.NOT_EVALUATED, "", None):
            return cls.UNKNOWN
        return cls.LIMITED
