"""The public surface of the hub, discovered, and hostile requests generated for it.

Nothing here lists the hub's URLs by hand. The URL patterns come from Django's resolver
(every pattern outside ``admin/`` and ``django-admin/``, each language prefix expanded);
the pages from a crawl of the site from its five home pages, the sitemap, the API, OAI-PMH
and IIIF roots, following every link, form and URL found in HTML, XML and JSON; the
parameters of each URL from its links, its forms, the API's own list of query parameters
and the OAI-PMH verbs. A pattern the crawl does not reach is requested with values made
for its converters (Hypothesis draws a path for a regular-expression pattern), so a new
endpoint is covered the day it is added; one that still cannot be reached fails the test.
"""

import re
import uuid
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PRIVATE_PREFIXES = ("admin/", "django-admin/")
HUGE = "99999999999999999999"

# One value of each kind a hostile client sends, for any parameter.
HOSTILE_VALUES = [
    HUGE,
    "-" + HUGE,
    "-1",
    "0",
    "2147483648",
    "1e309",
    "NaN",
    "0x1F",
    "abc",
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "ñ😀\u202e\ufeff",
    "x" * 10_000,
    "2024-13-45",
    "1999-02-30T25:61:00Z",
    "<script>alert('fuzz')</script>",
    "' OR '1'='1",
    "../../../../etc/passwd",
    "{{7*7}}${7*7}",
    "eyJhbGciOiJub25lIn0.e30.",
    "[]",
    "*",
]
# What no HTML response may contain unescaped (reflected markup).
REFLECTED = "<script>alert('fuzz')</script>"
# Parameters any endpoint might read, on top of those discovered for it.
COMMON_PARAMETERS = ["page", "q", "format", "lang"]
# Converter values for patterns the crawl did not reach.
CONVERTER_VALUES = {
    "int": ["1", "2147483648", HUGE],
    "str": ["x", "ñ😀", "x" * 300],
    "slug": ["x", "a-b", "x" * 300],
    "uuid": [str(uuid.UUID(int=0)), str(uuid.uuid4())],
    "path": ["x/y", "%00", "x" * 300],
}


def normalise_route(route):
    """A route with its language prefix as ``<lang>/``."""
    return re.sub(rf"^({'|'.join(LANGUAGES)})/", "<lang>/", route)


@dataclass
class Pattern:
    route: str  # as ResolverMatch.route gives it, with <lang>/
    segments: list  # the pattern objects from the root to this one

    def samples(self):
        """Paths made for this pattern from its converters (and regular expressions)."""
        paths = [""]
        for segment in self.segments:
            options = segment_samples(segment)
            paths = [path + option for path in paths for option in options][:12]
        return ["/" + path for path in paths]


def segment_samples(segment):
    if isinstance(segment, LocalePrefixPattern):
        return [f"{code}/" for code in LANGUAGES]
    if isinstance(segment, RoutePattern):
        route = str(segment)
        options = [route]
        for match in re.finditer(r"<(?:(\w+):)?(\w+)>", route):
            converter = match.group(1) or "str"
            values = CONVERTER_VALUES.get(converter, CONVERTER_VALUES["str"])
            options = [
                option.replace(match.group(0), value, 1) for option in options for value in values
            ]
        return options
    if isinstance(segment, RegexPattern):
        return regex_samples(segment.regex.pattern)
    return [str(segment)]


def regex_samples(regex, count=3):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    found = []
    pattern = regex.removeprefix("^").removesuffix("$").replace(r"\Z", "")
    if not pattern:
        return [""]

    @settings(max_examples=count, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rf"\A{pattern}\Z", fullmatch=True, alphabet=st.characters(codec="ascii")))
    def draw(value):
        found.append(value)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        draw()
    return [value for value in dict.fromkeys(found) if "\n" not in value] or [""]


def public_patterns():
    """Every URL pattern outside the admin, by normalised route."""
    found = {}

    def walk(patterns, prefix, segments):
        for entry in patterns:
            route = join_route(prefix, str(entry.pattern))
            if isinstance(entry.pattern, LocalePrefixPattern):
                route = join_route(prefix, "<lang>/")
            if normalise_route(route).startswith(PRIVATE_PREFIXES):
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route, [*segments, entry.pattern])
            elif isinstance(entry, URLPattern):
                route = normalise_route(route)
                found.setdefault(route, Pattern(route, [*segments, entry.pattern]))

    walk(get_resolver().url_patterns, "", [])
    return found


def join_route(route1, route2):
    # As django.urls.resolvers.URLResolver._join_route builds ResolverMatch.route.
    if not route1:
        return route2
    return route1 + route2.removeprefix("^")


def route_of(path):
    """The normalised route a path resolves to, or None (in the path's language: the
    language prefix matches only the active language)."""
    path = urlsplit(path).path
    language = path.strip("/").split("/")[0]
    try:
        with translation.override(language if language in LANGUAGES else None):
            match = resolve(path)
    except (Resolver404, UnicodeError, ValueError):
        return None
    return normalise_route(match.route)


# --- crawling --------------------------------------------------------------------------------


class _Links(HTMLParser):
    """Links, resource URLs and forms (method, action, field names) of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src", "action", "data-url"):
            if attrs.get(name):
                self.urls.append(attrs[name])
        if tag == "form":
            self.forms.append(
                {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action")}
            )
            self.forms[-1]["fields"] = {}
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            fields = self.forms[-1]["fields"]
            fields.setdefault(attrs["name"], attrs.get("value") or "")


ABSOLUTE = re.compile(r"https?://testserver(/[^\s\"'<>\\]*)")


@dataclass
class Seed:
    """A URL the crawl found, with the parameters seen for it."""

    url: str
    route: str
    group: tuple
    parameters: set = field(default_factory=set)
    post_forms: list = field(default_factory=list)


def extract(base, response):
    """(urls, forms) of a response: HTML links and forms, any absolute URL of the site."""
    content_type = response.get("Content-Type", "")
    text = response.content.decode("utf-8", errors="replace")
    urls = [match.group(1) for match in ABSOLUTE.finditer(text)]
    forms = []
    if "html" in content_type:
        parser = _Links()
        parser.feed(text)
        urls += parser.urls
        forms = parser.forms
    resolved = []
    for url in urls:
        url = urljoin(base, url.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or parts.scheme not in ("", "http", "https"):
            continue
        resolved.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    for form in forms:
        form["action"] = urlsplit(urljoin(base, form["action"] or base)).path
    return resolved, forms


def crawl(client, roots, limit):
    """Seeds by group: (route, page type, language) — one seed of each kind of URL.

    Each path is fetched once (the first URL met for it); the query parameters of every
    link to it, and the fields of every GET form sent to it, become its parameters."""
    fetched, queue, seeds = set(), list(roots), {}
    parameters_by_path = {}
    while queue and len(fetched) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        route = route_of(path)
        if route is None:
            continue
        query = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        parameters_by_path.setdefault(path, set()).update(query)
        if path in fetched:
            continue
        fetched.add(path)
        response = client.get(url)
        page = None
        context = getattr(response, "context", None)
        if context is not None:
            try:
                page = context.get("page")
            except (AttributeError, KeyError):
                page = None
        language = path.strip("/").split("/")[0] if route.startswith("<lang>/") else ""
        group = (route, type(page).__name__ if page is not None else "", language)
        if group not in seeds and response.status_code == 200:
            seeds[group] = Seed(url, route, group)
        if response.streaming:
            # Files (images, documents): nothing to follow. Read to the end, as the test
            # client closes them then (closing them directly would close the database).
            b"".join(response.streaming_content)
            continue
        if response.status_code != 200 or len(response.content) > 2_000_000:
            continue
        urls, forms = extract(url, response)
        for form in forms:
            if form["method"] == "get":
                parameters_by_path.setdefault(form["action"], set()).update(form["fields"])
            elif group in seeds and form["action"] not in {
                known["action"] for known in seeds[group].post_forms
            }:
                seeds[group].post_forms.append(form)
        for found in urls:
            found_path = urlsplit(found).path
            if found_path in fetched:
                query = parse_qsl(urlsplit(found).query, keep_blank_values=True)
                parameters_by_path.setdefault(found_path, set()).update(k for k, _v in query)
            elif not found_path.lstrip("/").startswith(PRIVATE_PREFIXES):
                queue.append(found)
    for seed in seeds.values():
        seed.parameters |= parameters_by_path.get(urlsplit(seed.url).path, set())
    return seeds


# --- hostile requests ------------------------------------------------------------------------


def with_query(url, pairs):
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    names = {name for name, _value in pairs}
    kept = [(k, v) for k, v in kept if k not in names]
    return parts.path + "?" + urlencode(kept + pairs)


def hostile_requests(seed, rng, budget):
    """Up to ``budget`` hostile GET URLs for a seed: every parameter with every hostile value
    (in a random order, the first ones tried everywhere), repeated parameters, everything
    at once, and hostile path segments."""
    parameters = sorted(seed.parameters | set(COMMON_PARAMETERS))
    single = [(name, value) for name in parameters for value in HOSTILE_VALUES]
    rng.shuffle(single)
    urls = [with_query(seed.url, [pair]) for pair in single]
    for name in parameters:
        urls.append(with_query(seed.url, [(name, v) for v in rng.sample(HOSTILE_VALUES, 3)]))
    urls.append(with_query(seed.url, [(name, rng.choice(HOSTILE_VALUES)) for name in parameters]))
    path = urlsplit(seed.url).path
    segments = [s for s in path.split("/") if s]
    for index in range(1 if seed.route.startswith("<lang>/") else 0, len(segments)):
        for value in ("0", HUGE, "%00", "x" * 300):
            changed = [*segments[:index], value, *segments[index + 1 :]]
            urls.append("/" + "/".join(changed) + ("/" if path.endswith("/") else ""))
    head, tail = urls[: budget // 2], urls[budget // 2 :]
    rng.shuffle(tail)
    return head + tail[: max(0, budget - len(head))]


def hostile_posts(form, rng, count):
    """Form data for a POST form: each field with hostile values, the rest as rendered."""
    names = [name for name in form["fields"] if name != "csrfmiddlewaretoken"]
    posts = []
    for _ in range(count):
        data = dict(form["fields"])
        for name in names:
            data[name] = rng.choice(HOSTILE_VALUES)
        posts.append(data)
    return posts
