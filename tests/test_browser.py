"""The website of a report, tested in a real browser: headless Chromium driven by selenium.

A report of a small corpus written by the test, in the four formats a user's folder holds (the
three text reports of tests/test_report.py, and a saved web page, a two-column PDF and a Word file
made as tests/test_formats.py makes them), is opened from ``file://`` in Debian's ``chromium`` with its ``chromedriver``. The tests visit every
page linked from ``index.html`` and check that

- the page loads without an error in the browser console (severity SEVERE fails, with the message);
- every resource the page loads is a ``file://``, ``data:`` (or in-memory ``blob:``) URL (no CDN script, stylesheet or
  font: read from the browser's network log), and every ``<img>`` (the figures) has loaded;
- Chinese text renders: glyphs of 人大代表 drawn in the page's font differ from each other and from
  the "missing glyph" box (no tofu), and a screenshot of an element holding Chinese text is not of
  one colour;
- on ``tables.html`` a code typed into the filter box of the ``indicator`` column (and a word typed
  into the search box of the mentions table) reduces the rows shown to exactly those that hold it.

Screenshots of every page (and of the filtered table) are written for a person to look at into
``screenshots/`` under pytest's temporary folder (its path is printed) and, when the environment
variable ``CONGRESS_LIB_SCREENSHOTS`` names a folder, into that folder too::

    CONGRESS_LIB_SCREENSHOTS=shots make test

Nothing reaches the internet: selenium is given the system chromedriver (selenium-manager is
neither asked for a driver nor sends statistics: ``SE_OFFLINE``, ``SE_AVOID_STATS``), Chromium runs
with background networking, component updates, sync and metrics off, its host resolver resolves no
name, and requests to http(s) are blocked (and would fail the test).

Without a Chromium and a chromedriver the tests are skipped, with the reason
(``apt-get install chromium chromium-driver``); without a font of Chinese characters the glyph test
is skipped (``apt-get install fonts-wqy-microhei``).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from browser import CHROMEDRIVER, CHROMIUM, start_driver  # (the one browser setup, tests/browser.py)
from test_formats import OTHER, SENTENCES, html_page, two_column_pdf, word_file  # noqa: E402
from test_report import three_reports  # noqa: E402  (the corpus of the report tests)

pytestmark = pytest.mark.slow

SCREENSHOTS_ENV = "CONGRESS_LIB_SCREENSHOTS"
#: Seconds: waiting for a table to react.
WAIT = 15

#: Local URLs: files of the site, inline data, and blob: URLs the page makes in memory itself
#: (itables' offline bundle imports its inlined DataTables module from one).
LOCAL = ("file://", "data:", "blob:null/")
CJK = re.compile(r"[\u4e00-\u9fff]{4}")


if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip("browser test skipped: no Chromium/chromedriver on PATH "
                "(Debian: apt-get install chromium chromium-driver)", allow_module_level=True)
pytest.importorskip("selenium", reason="browser test skipped: selenium is not installed (pip install -e '.[test]')")


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A report of six documents in four formats (.txt with metadata, .html, .pdf, .docx): its
    folder, holding index.html."""
    import json

    from congress_lib.cli import main

    base = tmp_path_factory.mktemp("browser")
    corpus = three_reports(base / "corpus")
    (corpus / "reports" / "saved_page.html").write_text(html_page(), encoding="utf-8")
    (corpus / "reports" / "two_columns.pdf").write_bytes(
        two_column_pdf(OTHER[:1], OTHER[1:], title="某县人大代表视察纪实"))
    (corpus / "reports" / "word_report.docx").write_bytes(
        word_file("某镇人大主席团工作报告", [s.replace("区", "镇") for s in SENTENCES]))
    out = base / "report"
    assert main(["report", str(corpus), "--out", str(out), "--no-progress"]) == 0
    documents = json.loads((out / "report.json").read_text(encoding="utf-8"))["rows"]["documents"]
    assert documents == 6, documents  # every format read, none rejected
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> list[Path]:
    """The folders the screenshots go to: one under pytest's tmp folder, and $CONGRESS_LIB_SCREENSHOTS."""
    folders = [tmp_path_factory.mktemp("screenshots")]
    if os.environ.get(SCREENSHOTS_ENV):
        folders.append(Path(os.environ[SCREENSHOTS_ENV]).resolve())
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots of the website: {', '.join(map(str, folders))}")
    return folders


@pytest.fixture(scope="module")
def driver():
    drv = start_driver(logs=True)
    try:
        yield drv
    finally:
        drv.quit()


# --------------------------------------------------------------------------- helpers


def _open(drv, page: Path) -> None:
    """Load ``page``, wait (bounded) for its scripts and fonts, and clear the logs of earlier pages."""
    from selenium.webdriver.support.ui import WebDriverWait

    drv.get_log("browser")
    drv.get_log("performance")
    drv.get(page.as_uri())
    WebDriverWait(drv, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    drv.execute_async_script("const done = arguments[arguments.length - 1];"
                             "document.fonts.ready.then(() => done(true), () => done(false));")


def _requested_urls(drv) -> list[str]:
    """Every URL the browser requested since the last call (from the performance log)."""
    import json

    urls = []
    for entry in drv.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _save(drv, name: str, folders: list[Path], full: bool = True) -> bytes:
    """A screenshot of the whole page (the window grown to its height, at most 12,000 px)."""
    if full:
        height = drv.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
        drv.set_window_size(1280, max(600, min(int(height) + 40, 12000)))
    png = drv.get_screenshot_as_png()
    drv.set_window_size(1280, 1024)
    for folder in folders:
        (folder / f"{name}.png").write_bytes(png)
    return png


def _colours(png: bytes) -> int:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 20) or [None] * (1 << 20))


def _pages(site: Path, drv) -> list[Path]:
    """index.html and every HTML page of the site linked from it."""
    _open(drv, site / "index.html")
    hrefs = drv.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    pages = []
    for href in hrefs:
        url = urlparse(href)
        if url.scheme == "file" and url.path.endswith(".html"):
            path = Path(unquote(url.path))
            if path not in pages and path != site / "index.html":
                pages.append(path)
    return [site / "index.html"] + pages


def _cjk_element(drv):
    """The first visible element whose own text holds four Chinese characters (or None)."""
    return drv.execute_script(r"""
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (/[\u4e00-\u9fff]{4}/.test(node.textContent) && el.getClientRects().length
                && getComputedStyle(el).visibility !== 'hidden') return el;
        }
        return null;""")


#: Draws each string in the element's font on a canvas; returns per string [ink pixels, pixel digest].
GLYPHS_JS = r"""
const el = arguments[0], texts = arguments[1];
const style = getComputedStyle(el);
const font = style.fontStyle + ' ' + style.fontWeight + ' 48px ' + style.fontFamily;
const out = [];
for (const text of texts) {
    const canvas = document.createElement('canvas');
    canvas.width = 96; canvas.height = 96;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 96, 96);
    ctx.fillStyle = '#000'; ctx.font = font; ctx.textBaseline = 'middle';
    ctx.fillText(text, 8, 48);
    const data = ctx.getImageData(0, 0, 96, 96).data;
    let ink = 0, hash = 0;
    for (let i = 0; i < data.length; i += 4) {
        const dark = data[i] < 128 ? 1 : 0;
        ink += dark;
        hash = (hash * 31 + dark * (i + 1)) >>> 0;
    }
    out.push([ink, hash, ctx.measureText(text).width]);
}
return [font, out];
"""


# --------------------------------------------------------------------------- tests


def test_every_page_loads_offline_without_console_errors_and_with_its_figures(site, driver, shots):
    pages = _pages(site, driver)
    names = [p.name for p in pages]
    assert "tables.html" in names and sum(re.fullmatch(r"\d\d_.+\.html", n) is not None for n in names) == 6, names
    images = 0
    for page in pages:
        _open(driver, page)
        console = driver.get_log("browser")
        errors = [f"{e['level']}: {e['message']}" for e in console if e["level"] == "SEVERE"]
        assert not errors, f"{page.name}: errors in the browser console: {errors}"
        remote = [u for u in _requested_urls(driver) if not u.startswith(LOCAL)]
        resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        remote += [u for u in resources if not u.startswith(LOCAL)]
        assert not remote, f"{page.name} requested from the network: {remote}"
        broken = driver.execute_script(
            "return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
            ".map(i => (i.getAttribute('src') || '').slice(0, 80))")
        assert not broken, f"{page.name}: images that did not load: {broken}"
        images += driver.execute_script("return document.images.length")
        assert driver.find_elements("css selector", 'a[href="index.html"]'), f"{page.name}: no link to the index"
        png = _save(driver, page.stem, shots)
        assert _colours(png) > 1, f"{page.name}: the screenshot is blank"
    assert images > 0, "no page of the website shows a figure"


def _has_cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return True  # no fontconfig to ask: let the browser tell
    result = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30)
    return bool(result.stdout.strip())


@pytest.mark.parametrize("page", ["index.html", "tables.html", "01_corpus.html"])
def test_chinese_text_renders_without_tofu(site, driver, shots, page):
    if not _has_cjk_font():
        pytest.skip("no font of Chinese characters installed (Debian: apt-get install fonts-wqy-microhei)")
    _open(driver, site / page)
    el = _cjk_element(driver)
    assert el is not None, f"{page}: no Chinese text on the page"
    text = CJK.search(el.text).group(0)
    font, glyphs = driver.execute_script(GLYPHS_JS, el, list("人大代表") + ["\ue000", text])
    (ren, da, dai, biao, missing, whole) = glyphs
    for char, (ink, _, width) in zip("人大代表", glyphs):
        assert ink > 20 and width > 10, f"{page}: {char} draws nothing in {font!r}: {glyphs}"
    hashes = {g[1] for g in (ren, da, dai, biao)}
    assert len(hashes) == 4, f"{page}: 人大代表 draw the same glyph in {font!r} (tofu): {glyphs}"
    assert missing[1] not in hashes, f"{page}: 人大代表 draw the missing-glyph box in {font!r} (tofu)"
    assert whole[0] > 0, f"{page}: {text} draws nothing"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    png = el.screenshot_as_png
    for folder in shots:
        (folder / f"cjk_{Path(page).stem}.png").write_bytes(png)
    assert _colours(png) > 2, f"{page}: the screenshot of {el.text[:30]!r} is blank"


def _info(driver, table: str) -> tuple[int, int]:
    """(rows shown after filtering, rows in all) from the table's info line."""
    text = driver.find_element("id", f"{table}_info").text.replace(",", "")
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    shown = numbers[2] if len(numbers) >= 3 else 0  # "Showing 1 to 25 of 31 entries (filtered from 60 ...)"
    total = numbers[3] if len(numbers) >= 4 else shown
    return shown, total


def _type_and_wait(driver, box, text: str, table: str, before: int) -> int:
    from selenium.webdriver.support.ui import WebDriverWait

    box.clear()
    box.send_keys(text)
    WebDriverWait(driver, WAIT).until(lambda d: _info(d, table)[0] != before,
                                      message=f"{table}: the rows shown did not change after typing {text!r}")
    return _info(driver, table)[0]


def _shown_cells(driver, table: str, column: str) -> list[str]:
    """The text of ``column`` in every row shown (the whole row's text when ``column`` is empty)."""
    return driver.execute_script("""
        const table = document.getElementById(arguments[0]);
        const heads = Array.from(table.querySelectorAll('thead tr:first-child th')).map(th => th.textContent.trim());
        const col = arguments[1] ? heads.indexOf(arguments[1]) : -1;
        return Array.from(table.querySelectorAll('tbody tr')).map(tr =>
            col < 0 ? tr.textContent : (tr.children[col] ? tr.children[col].textContent : ''));""", table, column)


def test_the_interactive_tables_filter(site, driver, shots):
    import pandas as pd
    from selenium.webdriver.support.ui import WebDriverWait

    indicators = pd.read_csv(site / "tables" / "indicators.csv", dtype=str).fillna("")
    counts = indicators["indicator"].value_counts()
    matching = {code: int(indicators["indicator"].str.contains(code, case=False, regex=False).sum())
                for code in counts.index}
    code = max((c for c in matching if 0 < matching[c] < len(indicators)), key=lambda c: (matching[c], c))
    _open(driver, site / "tables.html")
    WebDriverWait(driver, WAIT).until(lambda d: d.find_elements("id", "T_indicators_info"),
                                      message="the indicator table was not set up (itables did not run)")
    shown, total = _info(driver, "T_indicators")
    assert shown == total == len(indicators)

    box = driver.find_element("css selector", '#T_indicators thead input[placeholder="indicator"]')
    after = _type_and_wait(driver, box, code, "T_indicators", shown)
    assert after == matching[code] < shown, (code, after, matching[code], shown)
    cells = _shown_cells(driver, "T_indicators", "indicator")
    assert cells and len(cells) == min(after, 25) and all(code in c for c in cells), (code, cells)
    _save(driver, "tables_filtered_by_indicator", shots)
    box.clear()
    WebDriverWait(driver, WAIT).until(lambda d: _info(d, "T_indicators")[0] == shown,
                                      message="clearing the column filter did not bring every row back")

    # the search box of the mentions table: a document's id
    shown_m, _ = _info(driver, "T_mentions")
    search = driver.find_element("css selector", 'input[type="search"][aria-controls="T_mentions"]')
    after_m = _type_and_wait(driver, search, "anxi_2021_news", "T_mentions", shown_m)
    assert 0 < after_m < shown_m
    rows = _shown_cells(driver, "T_mentions", "")
    assert rows and all("anxi_2021_news" in r for r in rows), rows
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, f"tables.html: errors in the browser console while filtering: {errors}"


@pytest.mark.parametrize("page", ["index.html", "01_corpus.html", "codebook.html"])
def test_pages_render_chinese_in_the_bundled_font(site, driver, page):
    """The report's own CJK font (assets/, @font-face) is loaded from the disk and used for Chinese text."""
    from congress_lib.report import FONT_FAMILY

    _open(driver, site / page)
    element = _cjk_element(driver)
    assert element is not None, f"{page}: no Chinese text"
    family = driver.execute_script("return getComputedStyle(arguments[0]).fontFamily", element)
    assert FONT_FAMILY in family, f"{page}: Chinese text in {family}"
    status = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.load('16px \"' + arguments[0] + '\"', '人大代表').then("
        "  faces => done(faces.map(f => f.status)), e => done(['error: ' + e]));", FONT_FAMILY)
    assert status and all(s == "loaded" for s in status), f"{page}: the bundled font did not load: {status}"
