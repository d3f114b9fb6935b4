#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The panel workbook as LibreOffice sees it: it opens without repair and
converts to PDF (every sheet prints), formula-like text stays text, and the
PDF's pages are saved as PNG artifacts in build/test-artifacts to look at."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))

import exportcase  # noqa: E402
from awbcli import run_tests  # noqa: E402
from test_export import SHEETS, new_workbench  # noqa: E402

BUILD = os.environ.get("AWB_BUILD_ROOT", os.path.join(os.path.dirname(__file__), "..", "..",
                                                      "build"))
ARTIFACTS = os.environ.get("AWB_ARTIFACTS", os.path.join(BUILD, "test-artifacts"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def soffice(args, workdir):
    """Runs LibreOffice headless with a profile and HOME of its own, so that the
    user's profile is never touched (nor locked by a running office)."""
    home = os.path.join(workdir, "home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ, HOME=home, SAL_USE_VCLPLUGIN="svp")
    env.pop("DISPLAY", None)
    profile = "file://" + os.path.join(workdir, "profile")
    proc = subprocess.run([SOFFICE, "-env:UserInstallation=" + profile, "--headless",
                           "--norestore", "--nolockcheck"] + args,
                          cwd=workdir, env=env, capture_output=True, text=True, timeout=300)
    return proc


_STATE = {}


def converted():
    if not _STATE:
        wb, info = new_workbench()
        work = tempfile.mkdtemp(prefix="awb-lo-")
        path = os.path.join(work, "case.xlsx")
        wb.ok("export", exportcase.CASE_ID, "--xlsx", path)
        proc = soffice(["--convert-to", "pdf", "--outdir", work, path], work)
        _STATE.update(wb=wb, info=info, work=work, xlsx=path, proc=proc,
                      pdf=os.path.join(work, "case.pdf"))
    return _STATE


def test_opens_and_converts_to_pdf():
    s = converted()
    assert s["proc"].returncode == 0, s["proc"].stderr
    assert os.path.exists(s["pdf"]), (s["proc"].stdout, s["proc"].stderr)
    with open(s["pdf"], "rb") as f:
        assert f.read(5) == b"%PDF-"
    # a damaged workbook is repaired or refused; never silently half-read
    assert "repair" not in (s["proc"].stdout + s["proc"].stderr).lower()


def test_every_sheet_prints():
    s = converted()
    if shutil.which("pdftotext") is None:
        print("# pdftotext missing (poppler-utils): page texts not checked")
        return
    text = subprocess.run(["pdftotext", "-layout", s["pdf"], "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    # the page header names the sheet (&A) on every page, the footer the case and page
    for name in SHEETS:
        assert any(name in p for p in pages), "no page of sheet %s" % name
    assert "Expert panel workbook" in text
    assert exportcase.CASE_ID in text and "R&D" in text
    assert "Page 1 of %d" % (len([p for p in pages if p.strip()])) in text


def test_formula_like_text_stays_text():
    s = converted()
    # the Evidence sheet as LibreOffice reads it, to CSV: a formula would
    # export its value (0), text exports itself
    work = s["work"]
    opts = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3"
    proc = soffice(["--convert-to", opts, "--outdir", os.path.join(work, "csv"), s["xlsx"]], work)
    assert proc.returncode == 0, proc.stderr
    files = glob.glob(os.path.join(work, "csv", "*.csv"))
    assert files, (proc.stdout, proc.stderr)
    with open(files[0], encoding="utf-8") as f:
        data = f.read()
    assert "=SUM(A1:A2)" in data
    assert "+86 10 1234 5678" in data
    # OOXML's escape of a literal "_x0041_" reads back as the literal
    assert "@all - see _x0041_ and the annex" in data


def test_pages_as_pictures():
    s = converted()
    if shutil.which("pdftoppm") is None:
        print("# pdftoppm missing (poppler-utils): no PNG artifacts")
        return
    os.makedirs(ARTIFACTS, exist_ok=True)
    for old in glob.glob(os.path.join(ARTIFACTS, "export-page-*.png")):
        os.unlink(old)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "12", s["pdf"],
                    os.path.join(ARTIFACTS, "export-page")], check=True)
    pages = sorted(glob.glob(os.path.join(ARTIFACTS, "export-page-*.png")))
    assert len(pages) >= len(SHEETS), pages
    print("# pages saved: %s" % ", ".join(pages))


if __name__ == "__main__":
    if SOFFICE is None:
        print("1..0 # SKIP LibreOffice (soffice) is not installed: scripts/test installs "
              "libreoffice-calc-nogui")
        sys.exit(0)
    try:
        sys.exit(run_tests([test_opens_and_converts_to_pdf, test_every_sheet_prints,
                            test_formula_like_text_stays_text, test_pages_as_pictures]))
    finally:
        if _STATE:
            _STATE["wb"].tmp.cleanup()
            shutil.rmtree(_STATE["work"], ignore_errors=True)
