"""A person's walk through `archive serve` in a real browser (Debian's chromium, headless, driven by Playwright):
type two words into the search box, follow a hit to its record, follow a relation, download the search as CSV and
read it, save screenshots, and check the home, search, record and timeline pages with axe-core.

    python browse.py BASE_URL OUTPUT_FOLDER CHROMIUM

Prints one JSON object with what it saw; exits non-zero if a step fails.
"""

import csv
import json
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

base, out, chromium = sys.argv[1], sys.argv[2], sys.argv[3]
seen = {"console_errors": [], "axe": {}}


def serious(page):
    """axe-core's serious and critical violations on the page, by rule id."""
    results = Axe().run(page)
    return sorted({v["id"] for v in results.response["violations"] if v.get("impact") in ("serious", "critical")})


def follow(page, selector, link, landing):
    """Clicks the first link matching `selector`; notes its text and the page it leads to (URL, heading)."""
    anchor = page.locator(selector).first
    seen[link] = anchor.inner_text()
    anchor.click()
    page.wait_for_selector("h1")
    seen[landing + "_url"] = page.url
    seen[landing + "_heading"] = page.inner_text("h1")


with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.on("console", lambda message: message.type == "error" and seen["console_errors"].append(message.text))

    page.goto(base)
    seen["axe"]["home"] = serious(page)
    page.fill("#q", "ballet flat")
    page.press("#q", "Enter")
    page.wait_for_selector("ol.hits li")
    seen["search_url"] = page.url
    seen["search_box"] = page.input_value("#q")
    seen["hits"] = page.locator("ol.hits li").count()
    seen["search_heading"] = page.inner_text("#results")
    seen["marks"] = page.locator("ol.hits mark").count()
    page.screenshot(path=out + "/search.png", full_page=False)
    seen["axe"]["search"] = serious(page)

    follow(page, "ol.hits a.hit-title", "hit", "record")
    page.screenshot(path=out + "/record.png", full_page=True)
    seen["axe"]["record"] = serious(page)

    follow(page, "section.relations li a", "relation", "relation")

    page.goto(seen["search_url"])
    with page.expect_download() as download:
        page.get_by_role("link", name="Shoes as CSV").click()
    with open(download.value.path(), newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    seen["csv_name"] = download.value.suggested_filename
    seen["csv_header"] = rows[0]
    seen["csv_rows"] = len(rows) - 1

    # A filter is kept when the form is sent again, and its chip removes it.
    page.goto(base + "search?q=ballet&designer=repetto")
    page.click("form.search button")
    page.wait_for_selector("h1")
    seen["search_again_url"] = page.url
    page.click("ul.chips a")
    page.wait_for_selector("h1")
    seen["chip_removed_url"] = page.url

    page.goto(base + "timeline")
    seen["axe"]["timeline"] = serious(page)
    page.emulate_media(color_scheme="dark")
    page.goto(seen["record_url"])
    page.screenshot(path=out + "/record-dark.png", full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(seen["search_url"])
    page.screenshot(path=out + "/search-phone.png", full_page=False)
    seen["phone_overflow"] = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    browser.close()

print(json.dumps(seen))
