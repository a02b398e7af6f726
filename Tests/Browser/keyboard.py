"""`archive serve` by keyboard alone, in a real browser (Debian's chromium, headless, driven by Playwright): where
the first Tab of the home page lands, how many Tab presses reach the facets of a search at 1280 and 390 pixels wide,
and the Sources of the `balletcore` trend page; and what an error page's menu marks as current.

    python keyboard.py BASE_URL CHROMIUM

Prints one JSON object with what it saw; exits non-zero if a step fails.
"""

import json
import sys

from playwright.sync_api import sync_playwright

base, chromium = sys.argv[1].rstrip("/"), sys.argv[2]
seen = {"console_errors": []}
# Past this many presses a target counts as unreached (a page has far fewer stops before it).
LIMIT = 200


def focused(page):
    """The focused element: its tag, its class, its text, and the nearest landmark-like block it is in."""
    return page.evaluate("""() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        return {tag: e.tagName.toLowerCase(), cls: e.className, text: (e.innerText || e.value || '').trim().slice(0, 60),
                facets: !!e.closest('.facets'), sources: !!e.closest('section.sources')};
    }""")


def presses_until(page, test):
    """Tab presses from the top of the page until `test(focused element)` holds; None if it never does."""
    for count in range(1, LIMIT + 1):
        page.keyboard.press("Tab")
        element = focused(page)
        if element and test(element):
            return count
    return None


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
    for width in [1280, 390]:
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.on("console", lambda message: message.type == "error" and seen["console_errors"].append(message.text))
        page.goto(base + "/")
        seen[f"home_focus_{width}"] = focused(page)
        page.keyboard.press("Tab")
        seen[f"home_first_tab_{width}"] = focused(page)
        page.goto(base + "/search?q=ballet")
        seen[f"facets_tab_{width}"] = presses_until(page, lambda e: e["facets"])
        seen[f"facets_first_{width}"] = focused(page)
        page.goto(base + "/records/trends/balletcore")
        seen[f"sources_tab_{width}"] = presses_until(page, lambda e: e["sources"])
        page.close()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/nowhere")
    seen["error_current"] = page.evaluate("[...document.querySelectorAll('[aria-current]')].map(e => e.innerText)")
    browser.close()

print(json.dumps(seen))
