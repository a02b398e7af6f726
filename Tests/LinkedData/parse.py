"""Reads the JSON-LD of record pages of `archive serve` as RDF, with rdflib: the script element of each page, and
the same record from /api/records/TABLE/SLUG.jsonld, each parsed into a graph.

    python parse.py BASE_URL PATH...

Prints one JSON object: for each path, the types of its subject, the objects of a few properties (as rdflib gives
them: IRIs and literals), the number of triples, and whether the API's graph is the page's. Exits non-zero when a
page has no JSON-LD or rdflib cannot read it.

The documents name "https://schema.org" as their context; this machine may be offline, so the context is read from
a stand-in: schema.org's vocabulary (http://schema.org/, as its published context says) and the terms that context
declares as IRIs (@type @id) among those the archive writes.
"""

import html.parser
import json
import sys
import urllib.request

from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

SCHEMA = "http://schema.org/"
CONTEXT = {"@vocab": SCHEMA, **{term: {"@type": "@id"} for term in ("sameAs", "url", "license", "sdLicense", "inDefinedTermSet")}}
PROPERTIES = ["name", "description", "sameAs", "creator", "holdingArchive", "keywords", "license", "sdLicense", "birthDate", "brand"]


class Scripts(html.parser.HTMLParser):
    """The text of every <script type="application/ld+json"> of a page."""

    def __init__(self):
        super().__init__()
        self.found, self.inside = [], False

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self.inside:
            self.found.append("")

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.found[-1] += data


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.headers.get("Content-Type", ""), response.read().decode("utf-8")


def graph(text):
    document = json.loads(text)
    assert document.get("@context") == "https://schema.org", document.get("@context")
    document["@context"] = CONTEXT
    return Graph().parse(data=json.dumps(document), format="json-ld")


base, paths = sys.argv[1].rstrip("/"), sys.argv[2:]
seen = {}
for path in paths:
    _, page = fetch(base + path)
    scripts = Scripts()
    scripts.feed(page)
    assert len(scripts.found) == 1, f"{path}: {len(scripts.found)} JSON-LD scripts"
    on_page = graph(scripts.found[0])
    content_type, api_text = fetch(base + "/api" + path + ".jsonld")
    subject = URIRef(json.loads(scripts.found[0])["@id"])
    seen[path] = {
        "subject": str(subject),
        "types": sorted(str(t) for t in on_page.objects(subject, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))),
        "properties": {p: sorted(str(o) for o in on_page.objects(subject, URIRef(SCHEMA + p))) for p in PROPERTIES},
        "triples": len(on_page),
        "api_content_type": content_type,
        "api_is_the_page": isomorphic(on_page, graph(api_text)),
    }
print(json.dumps(seen))
