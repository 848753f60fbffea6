import pytest

from heritage_collections.models import ItemAgent, ItemPlace
from tests.factories import AgentPageFactory, AuthorityIndexPageFactory, PlacePageFactory


@pytest.fixture
def authority_index(home):
    return AuthorityIndexPageFactory(parent=home)


@pytest.fixture
def turner(authority_index):
    return AgentPageFactory(
        parent=authority_index,
        title="Joseph Mallord William Turner",
        slug="turner",
        sort_name="Turner, Joseph Mallord William",
        identifiers=[
            "http://www.wikidata.org/entity/Q159758",
            "http://vocab.getty.edu/ulan/500026846",
        ],
    )


@pytest.fixture
def venice(authority_index):
    return PlacePageFactory(
        parent=authority_index,
        title="Venezia",
        slug="venezia",
        identifiers=["https://sws.geonames.org/3164603/"],
    )


def link_agent(item, agent, role="creator"):
    return ItemAgent.objects.create(page=item, agent=agent, role=role)


def link_place(item, place, role="made"):
    return ItemPlace.objects.create(page=item, place=place, role=role)
