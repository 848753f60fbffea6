"""The calls of the test hub: a calls index beside the tree of tests/conftest.py, a partner's
call and a hub call, each open for ten more days unless a test moves the clock."""

from dataclasses import dataclass

import pytest

from calls.models import CallKind
from partners.models import Sector
from tests.factories import CallIndexPageFactory, CallPageFactory
from tests.partners.conftest import hub, hub_editor, moderator, roles, translator  # noqa: F401


@dataclass
class Calls:
    index: object
    partner_call: object
    hub_call: object


def term(model, slug, language="it"):
    return model.objects.get(slug=slug, locale__language_code=language)


@pytest.fixture
def calls(tree):
    index = CallIndexPageFactory(parent=tree.home)
    partner_call = CallPageFactory(
        parent=tree.partner, title="Residenza d'artista", slug="residenza"
    )
    partner_call.sectors.set([term(Sector, "contemporary-art")])
    partner_call.save()
    hub_call = CallPageFactory(
        parent=index,
        title="Tirocinio in redazione",
        slug="tirocinio",
        kind=term(CallKind, "job-internship"),
    )
    hub_call.sectors.set([term(Sector, "publishing")])
    hub_call.save()
    return Calls(index=index, partner_call=partner_call, hub_call=hub_call)
