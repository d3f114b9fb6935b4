#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""awb export: the expert-panel workbook of a fully assessed fictitious case,
read back with openpyxl, and every refusal of the command."""

import datetime
import os
import resource
import signal
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(__file__))

import openpyxl  # noqa: E402

import exportcase  # noqa: E402
from awbcli import Workbench, run_tests  # noqa: E402

ENV = {"AWB_TODAY": exportcase.TODAY, "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANGUAGE": ""}
SHEETS = ["Summary", "Requirements", "Evidence", "Findings", "Registers", "Panel review"]


def new_workbench():
    """A database holding the fictitious case (and nothing else)."""
    wb = Workbench(env=ENV)
    # the first command creates the database: the portfolio of no case at all
    empty = os.path.join(wb.dir, "empty.xlsx")
    r = wb.ok("export", "--all", "--xlsx", empty, "--json")
    assert r.json()["sheets"] == [{"name": "Cases", "rows": 0}], r.out
    os.unlink(empty)
    info = exportcase.build(wb.db)
    return wb, info


_CACHE = {}


def exported():
    """The case exported once, shared by the read-only checks below."""
    if not _CACHE:
        wb, info = new_workbench()
        path = os.path.join(wb.dir, "case.xlsx")
        before = wb.dump()
        r = wb.ok("export", exportcase.CASE_ID[:8], "--xlsx", path, "--json")
        assert wb.dump() == before, "the export changed the database"
        _CACHE.update(wb=wb, info=info, path=path, json=r.json(),
                      book=openpyxl.load_workbook(path))
    return _CACHE


def rows_of(ws, first=2):
    return [r for r in ws.iter_rows(min_row=first, values_only=True)]


def find_row(ws, col, value):
    for row in ws.iter_rows(min_row=1):
        if row[col].value == value:
            return row
    raise AssertionError("%s: no row with %r in column %d" % (ws.title, value, col + 1))


def test_json_and_files():
    c = exported()
    info = c["info"]
    j = c["json"]
    assert j["file"] == c["path"] and j["case"] == exportcase.CASE_ID
    assert [s["name"] for s in j["sheets"]] == SHEETS
    rows = {s["name"]: s["rows"] for s in j["sheets"]}
    assert rows["Requirements"] == info["requirements"] == 42
    assert rows["Evidence"] == info["evidence"]
    assert rows["Findings"] == info["findings"]
    assert rows["Registers"] == info["staff"] + info["projects"]
    assert rows["Panel review"] == info["sections"] + 1
    assert j["bytes"] == os.path.getsize(c["path"])
    # no temporary file of ours or of libxlsxwriter's was left beside the workbook
    leftovers = [n for n in os.listdir(c["wb"].dir) if n.endswith(".part") or n.startswith(".")]
    assert leftovers == [], leftovers


def test_sheet_names_and_properties():
    book = exported()["book"]
    assert book.sheetnames == SHEETS
    assert book.properties.title == "Expert panel workbook: " + exportcase.APPLICANT
    assert exportcase.CASE_ID in book.properties.subject
    assert book.properties.creator == "王磊"  # the project leader


def test_row_counts_equal_records():
    c = exported()
    book, wb = c["book"], c["wb"]
    n = lambda q: wb.sql(q, exportcase.CASE_ID)[0][0]  # noqa: E731
    assert book["Requirements"].max_row - 1 == 42
    assert book["Evidence"].max_row - 1 == n("SELECT count(*) FROM evidence WHERE case_id = ?")
    assert book["Findings"].max_row - 1 == n("SELECT count(*) FROM findings WHERE case_id = ?")
    reg = book["Registers"]
    staff_header = find_row(reg, 0, "Staff id")[0].row
    project_header = find_row(reg, 0, "Project id")[0].row
    staff = [r for r in reg.iter_rows(min_row=staff_header + 1, max_row=project_header - 1,
                                      values_only=True) if r[0] and len(r[0]) == 36]
    projects = [r for r in reg.iter_rows(min_row=project_header + 1, values_only=True) if r[0]]
    assert len(staff) == n("SELECT count(*) FROM staff WHERE case_id = ?")
    assert len(projects) == n("SELECT count(*) FROM projects WHERE case_id = ?")
    panel = book["Panel review"]
    scopes = [r[0] for r in rows_of(panel, 3)]
    assert scopes[:c["info"]["sections"] + 1] == exportcase.sections() + ["Whole case"]


def test_exact_cells():
    c = exported()
    book, special = c["book"], c["info"]["special"]
    summary = book["Summary"]
    assert find_row(summary, 0, "Applicant")[1].value == exportcase.APPLICANT
    assert find_row(summary, 0, "Unified social credit code")[1].value == exportcase.CREDIT_CODE
    assert find_row(summary, 0, "Conclusion")[1].value == "Pass after rectification"
    req = book["Requirements"]
    assert [cell.value for cell in req[1]][:5] == ["Section", "Requirement", "Requirement (Chinese)",
                                                   "Requirement (English)", "Rating"]
    first = [cell.value for cell in req[2]]
    assert first[0] == "3.1" and first[1] == "3.1-1" and first[4] == "Conformant"
    largely = find_row(req, 1, exportcase.LARGELY)
    assert largely[4].value == "Largely conformant"
    # supporting items per method (a partly supporting interview counts), none contradicting
    assert [cell.value for cell in largely[8:12]] == [1, 1, 1, 0]
    assert "Nonconformity (Open)" in largely[14].value
    # the item backing two requirements lists both, in catalogue order
    ev = book["Evidence"]
    shared = find_row(ev, 0, special["shared"])
    assert shared[3].value == "3.2.3-1\n3.2.3-2" and shared[4].value == "Supports\nSupports"
    formula = find_row(ev, 0, special["formula"])
    assert formula[20].value == "business-licence.pdf (7 bytes)\norg-chart.png (5 bytes)"
    assert formula[21].value.split("\n")[0] == special["sha"]
    # the short ids of the Requirements sheet are prefixes of the Evidence sheet's ids
    ids = find_row(req, 1, "3.1-1")[12].value.split("\n")
    assert len(ids) == 3 and all(len(i) == 13 for i in ids)
    assert any(special["formula"].startswith(i) for i in ids)


def test_formula_like_text_stays_text():
    c = exported()
    ev = c["book"]["Evidence"]
    cell = find_row(ev, 0, c["info"]["special"]["formula"])[5]
    assert cell.value == exportcase.FORMULA_OBSERVATION and cell.data_type == "s"
    # a literal "_x0041_" is written as OOXML's escape of it (Excel and LibreOffice show
    # "_x0041_"; openpyxl does not decode inline strings)
    for text in ("+86 10 1234 5678", "@all - see _x005F_x0041_ and the annex"):
        cell = find_row(ev, 5, text)[5]
        assert cell.data_type == "s"
    finding = find_row(c["book"]["Findings"], 3, "-Risk register reviewed late once")[3]
    assert finding.data_type == "s"
    # no cell of the workbook is a formula
    for ws in c["book"].worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", "%s!%s is a formula" % (ws.title, cell.coordinate)


def test_long_text_is_cut_with_a_marker():
    c = exported()
    eid = c["info"]["special"]["long"]
    cell = find_row(c["book"]["Evidence"], 0, eid)[5]
    assert len(cell.value) <= 32767
    assert cell.value.startswith("长长长")
    assert cell.value.endswith("[cut: full text in the workbench, evidence %s]" % eid)


def test_dates_are_dates():
    c = exported()
    book = c["book"]
    ev = book["Evidence"]
    row = find_row(ev, 0, c["info"]["special"]["formula"])
    assert row[7].value == datetime.datetime(2026, 3, 3) and row[7].number_format == "yyyy-mm-dd"
    assert isinstance(row[8].value, datetime.datetime) and row[8].value.hour == 9
    due = find_row(book["Findings"], 1, exportcase.LARGELY)[5]
    assert due.value == datetime.datetime(2026, 7, 31) and due.is_date
    assert find_row(book["Summary"], 0, "Application received")[1].value == \
        datetime.datetime(2026, 1, 12)
    reg = book["Registers"]
    assert find_row(reg, 1, "Wang Fang")[5].value == datetime.datetime(2028, 12, 31)


def test_overdue_finding_is_highlighted():
    book = exported()["book"]
    row = find_row(book["Findings"], 1, exportcase.OVERDUE)
    assert row[7].value == "Yes" and row[5].fill.fgColor.rgb.endswith("FFC7CE")
    other = find_row(book["Findings"], 1, exportcase.LARGELY)
    assert other[7].value == "No" and other[5].fill.fgColor.rgb in (None, "00000000")


def test_conditional_formatting_on_ratings():
    req = exported()["book"]["Requirements"]
    ranges = {str(cf.sqref): [r.formula for r in cf.rules] for cf in req.conditional_formatting}
    assert ranges["E2:E43"] == [['"Conformant"'], ['"Largely conformant"'], ['"Non-conformant"'],
                                ['"Not applicable"'], ['"Not yet rated"']], ranges


def test_data_validations():
    panel = exported()["book"]["Panel review"]
    dvs = {(dv.type, dv.formula1, str(dv.sqref)) for dv in panel.data_validations.dataValidation}
    expected = set()
    for k, col in enumerate("DHL"):
        votes = chr(ord(col) + 2)
        sufficient, reasonable = col, chr(ord(col) + 1)
        expected |= {("list", '"Yes,No"', "%s3:%s12" % (sufficient, sufficient)),
                     ("list", '"Yes,No"', "%s3:%s12" % (reasonable, reasonable)),
                     ("list", '"Pass,Fail"', "%s12" % votes)}
    dates = [d for d in dvs if d[0] == "date"]
    assert dvs - set(dates) == expected, dvs
    assert len(dates) == 1 and dates[0][2] == "D18:D20", dates


def test_frozen_panes_and_filters():
    book = exported()["book"]
    frozen = {ws.title: ws.freeze_panes for ws in book.worksheets}
    assert frozen == {"Summary": "A2", "Requirements": "C2", "Evidence": "B2", "Findings": "B2",
                      "Registers": "A4", "Panel review": "D3"}, frozen
    assert book["Evidence"].auto_filter.ref == "A1:V%d" % book["Evidence"].max_row
    assert book["Requirements"].auto_filter.ref == "A1:O43"
    assert book["Panel review"].auto_filter.ref == "A2:O12"


def test_protection_with_unlocked_input_cells():
    c = exported()
    book = c["book"]
    for ws in book.worksheets:
        p = ws.protection
        assert p.sheet and not p.password, ws.title
        # "False" is "not protected": sorting, filtering and column widths stay free
        assert not p.sort and not p.autoFilter and not p.formatColumns, ws.title
        assert ws["A1"].protection.locked, ws.title
    panel = book["Panel review"]
    inputs = set()
    for dv in panel.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            for row in panel.iter_rows(min_row=rng.min_row, max_row=rng.max_row,
                                       min_col=rng.min_col, max_col=rng.max_col):
                for cell in row:
                    inputs.add(cell.coordinate)
                    assert not cell.protection.locked, cell.coordinate
    comments = ["G", "K", "O"]
    for col in comments:
        for r in range(3, 13):
            assert not panel["%s%d" % (col, r)].protection.locked
    # the section rows' vote cells are not for filling in, nor is the rest
    for coord in ("A3", "B3", "C3", "F3", "A12", "C12"):
        assert panel[coord].protection.locked, coord
    for r in range(18, 21):  # signatures
        assert not panel["E%d" % r].protection.locked and panel["B%d" % r].protection.locked


def test_recorded_votes_are_filled_in():
    panel = exported()["book"]["Panel review"]
    assert [panel.cell(row=1, column=c).value for c in (4, 8, 12)] == \
        ["张伟 (chair)", "Lin Hui", "Ma Rui"]
    case = find_row(panel, 0, "Whole case")
    values = [cell.value for cell in case]
    assert values[2] == "Pass after rectification"
    assert values[3:7] == ["Yes", "Yes", "Pass", None]
    assert values[7:11] == [None, None, "Fail", "Rectification first"]
    assert values[11:15] == [None, None, None, None]
    section = find_row(panel, 0, "3.2.2")
    assert [cell.value for cell in section][3:7] == ["No", "Yes", None,
                                                     "Ask for the cloud platform records"]


def test_print_setup():
    book = exported()["book"]
    for ws in book.worksheets:
        ps = ws.page_setup
        assert ps.orientation == "landscape" and str(ps.paperSize) == "9", ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and str(ps.fitToHeight) == "0", ws.title
        assert ws.print_title_rows is not None, ws.title
        # "&" in the applicant's name is doubled; the page number is a field
        assert "R&&D" in ws.oddFooter.left.text and exportcase.CASE_ID in ws.oddFooter.left.text
        assert ws.oddFooter.right.text == "Page &P of &N"
        assert len(ws.oddFooter.left.text) + len(ws.oddFooter.right.text) <= 255


def test_portfolio():
    c = exported()
    wb = c["wb"]
    path = os.path.join(wb.dir, "all.xlsx")
    r = wb.ok("export", "--all", "--xlsx", path)
    assert r.out.strip() == path
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cases"]
    ws = book["Cases"]
    assert ws.max_row - 1 == wb.sql("SELECT count(*) FROM cases")[0][0] == 1
    row = [cell.value for cell in ws[2]]
    assert row[0] == exportcase.CASE_ID and row[1] == exportcase.APPLICANT
    assert row[7] == datetime.datetime(2026, 1, 12)
    assert row[12] == "Pass after rectification" and row[13] == "Pending"
    assert "3.4-6" in row[11]  # the overdue rectification
    assert ws.freeze_panes == "C2" and ws.auto_filter.ref == "A1:O2"
    os.unlink(path)


def test_refusals():
    wb, _ = new_workbench()
    with wb:
        target = os.path.join(wb.dir, "case.xlsx")
        with open(target, "w") as f:
            f.write("keep me")
        r = wb.refused("export", exportcase.CASE_ID, "--xlsx", target, fragment="already exists")
        assert target in r.err and "--force" in r.err
        assert open(target).read() == "keep me"
        r = wb.ok("export", exportcase.CASE_ID, "--xlsx", target, "--force")
        assert open(target, "rb").read(2) == b"PK"

        missing = os.path.join(wb.dir, "no-such-folder", "case.xlsx")
        r = wb.refused("export", exportcase.CASE_ID, "--xlsx", missing, fragment="does not exist")
        assert not os.path.exists(os.path.dirname(missing))

        wb.refused("export", exportcase.CASE_ID, "--xlsx", os.path.join(wb.dir, "case.csv"),
                   fragment="does not end in .xlsx")
        wb.refused("export", "00000000-dead", "--xlsx", os.path.join(wb.dir, "x.xlsx"),
                   fragment="00000000-dead")
        assert not os.path.exists(os.path.join(wb.dir, "x.xlsx"))

        # the command line itself not understood: exit 1
        assert wb.run("export", exportcase.CASE_ID).status == 1
        assert wb.run("export", "--all", exportcase.CASE_ID, "--xlsx", target).status == 1
        assert wb.run("export", "--xlsx", target).status == 1


def _small_file_limit():
    # a disk that fills up after 200 KiB, as far as this process can tell
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200 * 1024, 200 * 1024))


def test_disk_full_leaves_nothing():
    import subprocess
    from awbcli import AWB
    wb, _ = new_workbench()
    with wb:
        out = os.path.join(wb.dir, "out")
        os.mkdir(out)
        # enough text that the Evidence sheet outgrows the limit
        con = sqlite3.connect(wb.db)
        with con:
            con.execute("UPDATE evidence SET observation = hex(randomblob(2000))")
        con.close()
        target = os.path.join(out, "case.xlsx")
        proc = subprocess.run([AWB, "--db", wb.db, "export", exportcase.CASE_ID, "--xlsx", target],
                              capture_output=True, text=True, env=dict(wb.env),
                              preexec_fn=_small_file_limit, timeout=120)
        assert proc.returncode == 2, (proc.returncode, proc.stderr)
        assert "Nothing was written" in proc.stderr, proc.stderr
        assert os.listdir(out) == [], os.listdir(out)


if __name__ == "__main__":
    try:
        sys.exit(run_tests([test_json_and_files, test_sheet_names_and_properties,
                            test_row_counts_equal_records, test_exact_cells,
                            test_formula_like_text_stays_text, test_long_text_is_cut_with_a_marker,
                            test_dates_are_dates, test_overdue_finding_is_highlighted,
                            test_conditional_formatting_on_ratings, test_data_validations,
                            test_frozen_panes_and_filters, test_protection_with_unlocked_input_cells,
                            test_recorded_votes_are_filled_in, test_print_setup, test_portfolio,
                            test_refusals, test_disk_full_leaves_nothing]))
    finally:
        if _CACHE:
            _CACHE["wb"].tmp.cleanup()
