"""Partners (``partner``) and the partner directory's page with its routes (``index``)."""

# The partners and the directory's page first: joining's modules import them from here.
from .index import PartnerIndexPage
from .partner import (
    LANGUAGE_CHOICES,
    LANGUAGE_CODES,
    InstitutionType,
    LanguageList,
    LanguagesField,
    PartnerOffer,
    PartnerOwnedMixin,
    PartnerPage,
    PartnerSpace,
    Sector,
    ServiceKind,
    validate_language_codes,
)

# isort: split
# Joining the hub lives in its own subpackage; its models belong to this app.
from partners.joining.models import JoinApplication
from partners.joining.pages import JoinPage

__all__ = [
    "InstitutionType",
    "JoinApplication",
    "JoinPage",
    "LANGUAGE_CHOICES",
    "LANGUAGE_CODES",
    "LanguageList",
    "LanguagesField",
    "PartnerIndexPage",
    "PartnerOffer",
    "PartnerOwnedMixin",
    "PartnerPage",
    "PartnerSpace",
    "Sector",
    "ServiceKind",
    "validate_language_codes",
]
