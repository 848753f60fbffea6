"""schema.org descriptions of partner institutions (see heritagehub.linked_data)."""

from heritagehub.linked_data import (
    document,
    hub_organization,
    image_object,
    page_url,
    place,
    plain_text,
    thing,
)

# The schema.org type of a partner by its institution type's slug (partners migrations
# 0002 and 0003); any other type, or none, is an Organization. schema.org's Museum is a
# place only: a museum is also typed Organization, for its e-mail and membership.
PARTNER_TYPES = {
    "museum": ["Museum", "Organization"],
    "archive": "ArchiveOrganization",
    "library": "Library",
    "research-centre": "ResearchOrganization",
    "public-body": "GovernmentOrganization",
}
DEFAULT_PARTNER_TYPE = "Organization"
# Types that are also places (LocalBusiness or CivicStructure): they take ``geo`` directly.
PLACE_TYPES = {"Museum", "ArchiveOrganization", "Library"}


def partner_type(institution_type):
    if institution_type is None:
        return DEFAULT_PARTNER_TYPE
    return PARTNER_TYPES.get(institution_type.slug, DEFAULT_PARTNER_TYPE)


def partner_of(page, request):
    """The partner a page of its space belongs to: its live ancestor PartnerPage in the
    page's own language tree (``PartnerOwnedMixin.partner``, which the page's template
    asks for too: one query for both)."""
    return page.partner


def partner_reference(partner, request):
    """A partner as the provider or publisher of another page: name and URL."""
    if partner is None:
        return None
    return thing("Organization", name=partner.title, url=page_url(partner, request))


def postal_address(partner):
    if not any((partner.address, partner.city, partner.region, partner.country)):
        return None
    return thing(
        "PostalAddress",
        streetAddress=partner.address,
        addressLocality=partner.city,
        addressRegion=partner.region,
        addressCountry=partner.country,
    )


def partner_data(partner, request, context):
    """The partner as a Museum, ArchiveOrganization, Library … (by its institution type)."""
    schema_type = partner_type(partner.institution_type)
    address = postal_address(partner)
    location = place("", partner.latitude, partner.longitude, address=address)
    is_place = not PLACE_TYPES.isdisjoint(
        [schema_type] if isinstance(schema_type, str) else schema_type
    )
    return document(
        thing(
            schema_type,
            name=partner.title,
            url=page_url(partner, request),
            description=plain_text(partner.description) or partner.summary,
            address=address,
            location=location,
            geo=location.get("geo") if is_place and location else None,
            email=partner.email,
            telephone=partner.phone,
            logo=image_object(partner.logo, request),
            image=image_object(partner.hero_image, request),
            sameAs=partner.website,
            memberOf=hub_organization(request),
        )
    )
