"""Every kind of page of `archive serve` in a real browser (Debian's chromium, headless, driven by Playwright):
axe-core's serious and critical violations at 1280x900 and 390x844 in light and dark; whether a page is wider
than a 320 px viewport; and what only a browser shows of the record drawing (label sizes, labels inside it, print),
the browse table on a phone (columns shown, caption whole) and the facets on a phone (before the results).

    python pages.py BASE_URL OUTPUT_FOLDER CHROMIUM PATH...

Prints one JSON object with what it saw; exits non-zero if a step fails.
"""

import json
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

base, out, chromium, paths = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4:]
seen = {"console_errors": [], "axe": {}, "overflow": {}}
axe = Axe()

# Elements wider than the viewport, for the message when a page is: "TABLE.data 612".
WIDE = """() => [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1).slice(0, 5)
    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""

# The drawing's labels: the smallest in CSS px as drawn (its font size times the drawing's scale), and those
# whose box passes the drawing's edge or the viewport's.
GRAPH = """() => {
    const svg = document.querySelector('figure.graph svg'), box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    return {
        width: box.width, scale: scale,
        smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
        outside: texts.filter(t => { const r = t.getBoundingClientRect();
            return r.right > box.right + 1 || r.left < box.left - 1 || r.bottom > box.bottom + 1 || r.right > innerWidth; })
            .map(t => t.textContent),
        labels: texts.length,
    };
}"""

# The browse table on a phone: the headings shown, and whether it or its caption passes the viewport or is clipped.
TABLE = """() => {
    const table = document.querySelector('table.data'), caption = table.querySelector('caption');
    const shown = e => e.getClientRects().length > 0;
    return {
        headings: [...table.querySelectorAll('th')].filter(shown).map(th => th.innerText.trim()),
        table_right: table.getBoundingClientRect().right, caption: caption.innerText,
        caption_right: caption.getBoundingClientRect().right, caption_clipped: caption.scrollWidth > caption.clientWidth + 1,
        width: innerWidth,
        // The first row as read on screen, top to bottom: its name first.
        first_row: [...table.querySelectorAll('tbody tr:first-child td')].filter(shown)
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
            .map(td => ({text: td.innerText.trim(), before: getComputedStyle(td, '::before').content})),
    };
}"""


def serious(page):
    """axe-core's serious and critical violations on the page, by rule id."""
    results = axe.run(page)
    return sorted({v["id"] for v in results.response["violations"] if v.get("impact") in ("serious", "critical")})


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page()
    # The 404 and 400 pages are asked for on purpose: the browser's note of their status is not an error here.
    page.on("console", lambda message: message.type == "error" and "responded with a status of 40" not in message.text
            and seen["console_errors"].append(message.text))
    for scheme in ["light", "dark"]:
        page.emulate_media(color_scheme=scheme)
        for width, height in [(1280, 900), (390, 844)]:
            page.set_viewport_size({"width": width, "height": height})
            for path in paths:
                page.goto(base + path)
                seen["axe"][f"{path} {width} {scheme}"] = serious(page)
    page.emulate_media(color_scheme="light")

    page.set_viewport_size({"width": 320, "height": 800})
    for path in paths:
        page.goto(base + path)
        if page.evaluate("document.documentElement.scrollWidth > innerWidth"):
            seen["overflow"][path] = page.evaluate(WIDE)

    record = next(path for path in paths if path.startswith("/records/trends/"))
    seen["graph"] = {}
    for width in [1280, 390, 320]:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(base + record)
        seen["graph"][str(width)] = page.evaluate(GRAPH)
        if width == 390:
            page.locator("figure.graph").screenshot(path=out + "/graph-390.png")
    page.emulate_media(media="print")
    seen["print_heading_shown"] = page.locator("#graph").is_visible()
    seen["print_graph_shown"] = page.locator("figure.graph").is_visible()
    page.emulate_media(media="screen")

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(base + next(path for path in paths if path.startswith("/browse/objects")))
    seen["table"] = page.evaluate(TABLE)
    page.screenshot(path=out + "/browse-320.png")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + next(path for path in paths if path.startswith("/search?")))
    seen["facets_top"] = page.locator("details.facets").bounding_box()["y"]
    seen["first_hit_top"] = page.locator("ol.hits li").first.bounding_box()["y"]
    browser.close()

print(json.dumps(seen))
