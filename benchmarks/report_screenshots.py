"""Screenshots of the report website for the README: its start page and its tables page.

Makes the report of the bundled corpus (``congress-lib report corpus``) unless ``--report``
names one already made, opens it from the disk in headless Chromium, offline (the browser
setup of the tests, ``tests/browser.py``: Debian's ``chromium`` and ``chromedriver``, no
network), and writes the top of ``index.html`` and of ``tables.html`` (1280 × 900 pixels) as
``docs/report_index.png`` and ``docs/report_tables.png``.

    python benchmarks/report_screenshots.py                  # report of corpus/ into a temporary folder
    python benchmarks/report_screenshots.py --report report  # an existing report
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import start_driver  # noqa: E402  (sets SE_OFFLINE, SE_AVOID_STATS before selenium)

#: page of the report -> screenshot in docs/
SHOTS = {"index.html": "report_index.png", "tables.html": "report_tables.png"}
WIDTH, HEIGHT = 1280, 900


def screenshots(report: Path, dest: Path) -> list[Path]:
    from selenium.webdriver.support.ui import WebDriverWait

    drv = start_driver()
    written = []
    try:
        drv.set_window_size(WIDTH, HEIGHT)
        for page, name in SHOTS.items():
            drv.get((report / page).resolve().as_uri())
            WebDriverWait(drv, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
            drv.execute_async_script("const done = arguments[arguments.length - 1];"
                                     "document.fonts.ready.then(() => done(true), () => done(false));")
            if page == "tables.html":  # wait until DataTables has drawn the first table
                WebDriverWait(drv, 30).until(lambda d: d.execute_script(
                    "return document.querySelector('table.dataTable tbody tr') !== null"))
            target = dest / name
            target.write_bytes(drv.get_screenshot_as_png())
            written.append(target)
    finally:
        drv.quit()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", help="an existing report folder (default: make one of corpus/)")
    parser.add_argument("--dest", default=str(ROOT / "docs"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(args.report) if args.report else Path(tmp) / "report"
        if not args.report:
            subprocess.run([sys.executable, "-m", "congress_lib", "report", str(ROOT / "corpus"), "--out", str(report),
                            "--no-progress"], check=True)
        for path in screenshots(report, Path(args.dest)):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
