"""schema.org description of the home page: the hub's WebSite and its search (see
heritagehub.linked_data)."""

from heritagehub.linked_data import (
    content_language,
    document,
    hub_name,
    hub_organization,
    image_object,
    page_url,
    site_search_url,
    thing,
)


def home_data(home, request, context):
    """The hub's WebSite, with the site search as a SearchAction and the hub as publisher."""
    search = thing(
        "SearchAction",
        target=thing(
            "EntryPoint", urlTemplate=site_search_url(request) + "?q={search_term_string}"
        ),
        # schema.org's "-input" annotation of an action's property (schema.org/docs/actions)
        **{
            "query-input": thing(
                "PropertyValueSpecification", valueRequired=True, valueName="search_term_string"
            )
        },
    )
    return document(
        thing(
            "WebSite",
            name=hub_name(request),
            url=page_url(home, request),
            description=home.hero_text or home.hero_heading,
            image=image_object(home.hero_image, request),
            publisher=hub_organization(request),
            potentialAction=search,
            inLanguage=content_language(home),
        )
    )
