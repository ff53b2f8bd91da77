"""Open missive's report.html in headless Chromium through WebDriver and
check that it loads as a person would see it: no console errors, no
request leaves the file, every section is there, every chart is an SVG
that has a size and marks, and the text of the charts is rendered.

It also follows the table of contents to a mission's section (the one
with most mandate events) and checks that its charts and its evidence are
drawn there. Links to the UN's copies of documents (https://undocs.org)
are plain links: nothing is fetched.

Usage: check_report.py REPORT_HTML [--screenshot PNG] [--mission-screenshot PNG]

Needs Debian's chromium and chromium-driver (`make browser` installs them).
"""

import argparse
import pathlib
import shutil
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SECTIONS = ["summary", "rejects", "missions", "indicators", "activities", "citations", "coverage", "mission-index"]
CHARTS = [
    "chart-documents",
    "chart-rejects",
    "chart-timeline",
    "chart-indicators",
    "chart-activities",
    "chart-citations",
    "chart-citations-years",
    "chart-coverage",
]
DRAWN = """
const svg = document.getElementById(arguments[0]);
if (!svg || !(svg instanceof SVGSVGElement)) return null;
const box = svg.getBoundingClientRect();
const marks = [...svg.querySelectorAll('.mark')];
const drawn = marks.filter(m => { const b = m.getBBox(); return b.width > 0 && b.height > 0; });
const texts = [...svg.querySelectorAll('text')];
const laidOut = texts.filter(t => t.getComputedTextLength() > 0);
return {w: box.width, h: box.height, marks: marks.length, drawn: drawn.length,
        texts: texts.length, laidOut: laidOut.length};
"""

ap = argparse.ArgumentParser()
ap.add_argument("report", type=pathlib.Path)
ap.add_argument("--screenshot", type=pathlib.Path)
ap.add_argument("--mission-screenshot", type=pathlib.Path)
args = ap.parse_args()
page = args.report.resolve()
if not page.is_file():
    sys.exit(f"error: no report at {page} (run `missive report DIR`)")

browser = shutil.which("chromium") or shutil.which("chromium-browser")
driver_bin = shutil.which("chromedriver")
if not browser or not driver_bin:
    sys.exit("error: chromium and chromedriver are needed (Debian packages chromium, chromium-driver)")

profile = tempfile.mkdtemp(prefix="missive-chromium-")
opts = webdriver.ChromeOptions()
opts.binary_location = browser
# The closed network: no sync, no component updates, no QUIC, a fresh profile.
for flag in [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--window-size=1200,900",
    f"--user-data-dir={profile}",
]:
    opts.add_argument(flag)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})

failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


driver = webdriver.Chrome(service=Service(executable_path=driver_bin), options=opts)
try:
    driver.set_page_load_timeout(60)
    driver.get(page.as_uri())
    check(driver.execute_script("return document.readyState") == "complete", "page did not finish loading")
    check(driver.title.startswith("missive report"), f"title {driver.title!r}")

    for s in SECTIONS:
        check(driver.execute_script(f"return !!document.getElementById('{s}')"), f"no section {s}")

    # Every chart is drawn: an SVG element with a size, marks with a size, text laid out.
    # (The mission with most mandate events is checked below, after the
    # table of contents leads to it.)
    mission = driver.execute_script(
        """
        const rows = s => s.querySelectorAll('table tr').length;
        const secs = [...document.querySelectorAll('section.mission')];
        secs.sort((a, b) => rows(b) - rows(a) || a.id.localeCompare(b.id));
        return secs.length ? secs[0].id : null;
        """
    )
    check(mission is not None, "no mission section")
    if mission:
        link = driver.find_element("css selector", f"#mission-index a[href='#{mission}']")
        link.click()
        check(driver.execute_script("return location.hash") == f"#{mission}", f"the index link did not lead to #{mission}")
        top = driver.execute_script(f"return document.getElementById('{mission}').getBoundingClientRect().top")
        check(abs(top) < 5, f"#{mission} is not scrolled into view (top {top})")
        charts = driver.execute_script(
            f"return [...document.querySelectorAll('#{mission} svg')].map(s => s.id)"
        )
        check(f"chart-{mission}-periods" in charts, f"{mission}: no periods chart ({charts})")
        CHARTS.extend(charts)
        evidence = driver.execute_script(
            f"return [...document.querySelectorAll('#{mission} table tr td:last-child')].map(td => td.textContent.length)"
        )
        check(len(evidence) > 0 and min(evidence) > 20, f"{mission}: mandate events without their sentences")
        if args.mission_screenshot:
            args.mission_screenshot.parent.mkdir(parents=True, exist_ok=True)
            height = driver.execute_script(f"return document.getElementById('{mission}').getBoundingClientRect().height")
            driver.set_window_size(1200, min(int(height) + 60, 4000))
            driver.execute_script(f"document.getElementById('{mission}').scrollIntoView()")
            check(driver.save_screenshot(str(args.mission_screenshot)), "mission screenshot failed")
            driver.set_window_size(1200, 900)
    for c in CHARTS:
        info = driver.execute_script(DRAWN, c)
        if info is None:
            failures.append(f"{c}: no inline SVG")
            continue
        check(info["w"] > 100 and info["h"] > 40, f"{c}: rendered {info['w']}x{info['h']}")
        check(info["marks"] > 0 and info["drawn"] == info["marks"], f"{c}: {info['drawn']}/{info['marks']} marks drawn")
        check(info["texts"] > 0 and info["laidOut"] == info["texts"], f"{c}: {info['laidOut']}/{info['texts']} labels laid out")

    # Self-contained: the page asked for nothing but itself.
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    check(resources == [], f"the page fetched {resources}")
    # Anything that points outside the page, but plain links to undocs.org.
    external = driver.execute_script(
        "return [...document.querySelectorAll('[src],[href],link,script')]"
        ".filter(e => !(e.tagName === 'A' && (e.getAttribute('href') || '').startsWith('https://undocs.org/')))"
        ".map(e => e.getAttribute('src') || e.getAttribute('href') || e.tagName)"
        ".filter(u => !u.startsWith('#'))"
    )
    check(external == [], f"references outside the page: {external}")

    logs = driver.get_log("browser")
    errors = [entry["message"] for entry in logs if entry["level"] in ("SEVERE", "WARNING")]
    check(errors == [], f"console: {errors}")

    n_svg = driver.execute_script("return document.querySelectorAll('svg').length")
    n_marks = driver.execute_script("return document.querySelectorAll('svg .mark').length")

    if args.screenshot:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1200, min(height + 40, 8000))
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)
        check(driver.save_screenshot(str(args.screenshot)), "screenshot failed")
    version = driver.capabilities.get("browserVersion", "?")
finally:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)

if failures:
    print("\n".join(failures))
    print(f"0 passed, {len(failures)} failed")
    sys.exit(1)
shot = f", screenshot {args.screenshot}" if args.screenshot else ""
print(f"report: {page.name} loads in Chromium {version} without errors, {n_svg} charts, {n_marks} marks{shot}")
