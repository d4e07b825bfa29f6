"""Headless Chromium for the report website, offline: one home for the browser setup.

Used by ``tests/test_browser.py`` and by ``benchmarks/report_screenshots.py`` (the README's
screenshots). Debian's ``chromium`` with its ``chromedriver`` (found on PATH) is driven by
selenium; selenium-manager neither downloads a driver nor sends statistics (``SE_OFFLINE``,
``SE_AVOID_STATS``, set here before selenium is imported), Chromium runs with background
networking, component updates, sync and metrics off, its host resolver resolves no name, and
requests to http(s) are blocked.
"""

from __future__ import annotations

import os
import shutil
import subprocess

# Before selenium is imported or started: selenium-manager must never download a driver nor
# send usage statistics.
os.environ["SE_AVOID_STATS"] = "true"
os.environ["SE_OFFLINE"] = "true"

#: Seconds: loading a page, a script's run.
PAGE_TIMEOUT = 60

CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--no-first-run",
                "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                # no host name resolves: a request that slipped through could not leave the machine
                "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,1024", "--lang=zh-CN"]


def find(*names: str) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


CHROMIUM = find("chromium", "chromium-browser")
CHROMEDRIVER = find("chromedriver")


def start_driver(logs: bool = False):
    """A headless Chromium (selenium webdriver) that reaches no network; ``logs``: keep the
    browser console and the network log (``goog:loggingPrefs``)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    if CHROMIUM is None or CHROMEDRIVER is None:
        raise RuntimeError("no Chromium/chromedriver on PATH (Debian: apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=CHROMEDRIVER, log_output=subprocess.DEVNULL)
    drv = webdriver.Chrome(service=service, options=options)
    try:
        drv.set_page_load_timeout(PAGE_TIMEOUT)
        drv.set_script_timeout(PAGE_TIMEOUT)
        # Belt and braces: any http(s) request is blocked by the browser.
        drv.execute_cdp_cmd("Network.enable", {})
        drv.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
    except Exception:
        drv.quit()
        raise
    return drv
