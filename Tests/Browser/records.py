"""Record pages of `archive serve` in a real browser (Debian's chromium, headless, driven by Playwright): an object,
an institution, a designer and a tag, at 1280, 390 and 320 pixels wide, in light and dark. For each: whether the
page scrolls sideways, axe-core's serious and critical violations, what the JSON-LD script element makes of the
page (it must stay data: nothing of it shown, no element made of a record's text), and a screenshot.

    python records.py BASE_URL OUTPUT_FOLDER CHROMIUM PATH...

Prints one JSON object with what it saw; exits non-zero if a step fails.
"""

import json
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

base, out, chromium, paths = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4:]
seen = {"console_errors": [], "pages": {}}

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
    for scheme in ["light", "dark"]:
        for width in [1280, 390, 320]:
            page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page.on("console", lambda message: message.type == "error" and seen["console_errors"].append(message.text))
            for path in paths:
                page.goto(base + path)
                name = path.strip("/").replace("/", "-")
                page.screenshot(path=f"{out}/{name}-{width}-{scheme}.png", full_page=False)
                results = Axe().run(page)
                seen["pages"][f"{path} {width} {scheme}"] = {
                    "heading": page.inner_text("h1"),
                    "overflow": page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"),
                    "axe": sorted({v["id"] for v in results.response["violations"] if v.get("impact") in ("serious", "critical")}),
                    "scripts": page.evaluate("document.querySelectorAll('script').length"),
                    "data_names": page.evaluate(
                        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent).name)"),
                    "script_shown": page.evaluate(
                        "[...document.querySelectorAll('script')].some(s => s.getClientRects().length > 0)"),
                }
            page.close()
    browser.close()

print(json.dumps(seen))
