"""The rights statements Europeana accepts."""

from heritagehub.rights import RightsStatement


def test_there_are_the_fourteen_statements_europeana_accepts():
    assert len(RightsStatement.choices) == 14


def test_statements_are_stored_as_http_uris():
    assert all(value.startswith("http://") for value, _label in RightsStatement.choices)


def test_open_statements_allow_any_reuse():
    assert RightsStatement.is_open(RightsStatement.CC0)
    assert RightsStatement.is_open(RightsStatement.PUBLIC_DOMAIN_MARK)
    assert not RightsStatement.is_open(RightsStatement.CC_BY_NC)
    assert not RightsStatement.is_open(RightsStatement.IN_COPYRIGHT)


def test_https_url_of_an_empty_statement_is_empty():
    assert RightsStatement.https_url("") == ""
