"""Printing the brief to PDF with a browser already installed on this machine (nothing is downloaded).

A Chromium-family browser prints the HTML with its print stylesheet (``--headless
--print-to-pdf``). Where none is installed, :func:`print_pdf` says so and the HTML brief stands
alone (any browser prints it to PDF from its print dialogue).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge")
TIMEOUT_S = 120


def find_browser() -> str | None:
    """The path of the first Chromium-family browser on PATH, or None."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def print_pdf(html_path: Path, pdf_path: Path) -> str | None:
    """Print ``html_path`` to ``pdf_path``; returns None when done, else why no PDF was written."""
    browser = find_browser()
    if browser is None:
        return (
            f"no PDF written: no Chromium-family browser ({', '.join(BROWSERS)}) is installed here; "
            "open the HTML brief in a browser and print it to PDF"
        )
    with tempfile.TemporaryDirectory(prefix="materiel-pdf-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-extensions",
            "--no-first-run",
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path.resolve()}",
            html_path.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"no PDF written: {browser} failed ({exc})"
    if done.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return f"no PDF written: {browser} exited with status {done.returncode} ({last[0]})"
    return None
