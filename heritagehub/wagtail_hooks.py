from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from heritagehub.i18n import url_in_language


class VisitorLanguagePageLinkHandler(PageLinkHandler):
    """Internal links in rich text keep the visitor in their language.

    Wagtail links to the target's own locale (one query per link); every page is reachable
    under every language prefix here, so the link is computed from the path, with no query.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(url_in_language(page))}">' if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]


# order=1: after Wagtail's own registration of the "page" link type, which this replaces.
@hooks.register("register_rich_text_features", order=1)
def register_page_link_handler(features):
    features.register_link_type(VisitorLanguagePageLinkHandler)
