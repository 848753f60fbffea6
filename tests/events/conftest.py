"""The programme's fixtures: a What's on page below the home page, and a partner's event."""

import pytest

from tests.events.factories import WhatsOnPageFactory


@pytest.fixture
def whats_on(tree):
    return WhatsOnPageFactory(parent=tree.home)
