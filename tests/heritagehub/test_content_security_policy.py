"""The Content-Security-Policy headers (heritagehub.csp); tests/e2e proves them in a browser."""

import pytest
from django.test import override_settings

from heritagehub.csp import media_sources
from tests.factories import UserFactory


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.fixture
def public(client, tree):
    return directives(client.get("/it/"))


@pytest.fixture
def admin(client, db):
    client.force_login(UserFactory(is_superuser=True))
    return directives(client.get("/admin/"))


@pytest.mark.parametrize(
    "directive, expected",
    [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'"]),
        # and an empty inline stylesheet (the item viewer's stand-in for OpenSeadragon's)
        ("style-src", ["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]),
        ("img-src", ["'self'", "data:"]),
        ("frame-ancestors", ["'self'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("object-src", ["'none'"]),
    ],
)
def test_the_public_policy(public, directive, expected):
    assert public[directive] == expected


def test_the_public_policy_frames_only_the_allowed_embed_providers(public):
    assert public["frame-src"] == [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://w.soundcloud.com",
    ]


def test_the_public_policy_never_allows_inline_or_eval(public):
    assert not any("unsafe" in value for values in public.values() for value in values)


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/oai/?verb=Identify", "/sitemap.xml"])
def test_every_public_response_carries_the_policy(client, tree, url):
    assert directives(client.get(url))["script-src"] == ["'self'"]


@override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=60)
def test_a_page_from_the_cache_carries_the_policy(client, tree):
    client.get("/it/")
    response = client.get("/it/")
    assert response["X-Cache"] == "hit"
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_allows_wagtails_inline_scripts_and_styles(admin):
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]


def test_the_admin_allows_blob_images_and_same_origin_preview_frames(admin):
    assert {"blob:", "data:"} <= set(admin["img-src"])
    assert "'self'" in admin["frame-src"]


@pytest.mark.parametrize(
    "directive", ["frame-ancestors", "base-uri", "form-action", "object-src", "default-src"]
)
def test_the_admin_keeps_the_locked_down_directives(admin, public, directive):
    assert admin[directive] == public[directive]


def test_the_django_admin_gets_the_admin_policy(client, db):
    assert "'unsafe-inline'" in directives(client.get("/django-admin/login/"))["script-src"]


def test_pages_may_be_framed_by_the_site_itself_only(client, tree):
    assert client.get("/it/")["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize(
    "media_url, s3, expected",
    [
        ("/media/", {}, []),
        ("https://cdn.example.org/media/", {}, ["https://cdn.example.org"]),
        ("/media/", {"custom_domain": "media.example.org"}, ["https://media.example.org"]),
        (
            "/media/",
            {"bucket": "hub", "endpoint_url": "https://minio.example.org:9000"},
            ["https://minio.example.org:9000"],
        ),
        (
            "/media/",
            {"bucket": "hub", "region": "eu-south-1"},
            ["https://hub.s3.eu-south-1.amazonaws.com"],
        ),
        (
            "https://media.example.org/",
            {"bucket": "hub", "custom_domain": "media.example.org"},
            ["https://media.example.org"],
        ),
    ],
    ids=["local", "absolute MEDIA_URL", "custom domain", "S3 endpoint", "Amazon S3", "both"],
)
def test_media_sources_come_from_the_media_settings(media_url, s3, expected):
    assert media_sources(media_url, **s3) == expected
