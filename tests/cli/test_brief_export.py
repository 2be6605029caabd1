"""``briefing brief export ID -o OUT.pdf``: the dossier from the command line, and
its failures as one line on stderr with a non-zero exit (never a traceback), leaving
an existing file as it was."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys

import pypdf
import pytest

from briefing.cli import main
from briefing.services import composer
from briefing.services.dossier import writer
from briefing.store import Store

OLD = b"%PDF-1.4 the previous export\n"


@pytest.fixture(scope="module")
def briefed_template(tmp_path_factory, demo_store_template):
    """A demo store with the Tokayev briefing (id 1) drafted, made once per module."""
    path = tmp_path_factory.mktemp("export") / "store.sqlite"
    shutil.copyfile(demo_store_template, path)
    with Store.open(path) as store:
        bid = composer.new_briefing(store, title="Vučić meets Tokayev in Astana",
                                    country="KZ", person="Tokayev", place="Astana")
        composer.add_draft(store, bid)
    return path


@pytest.fixture
def db(tmp_path, briefed_template):
    (tmp_path / "db").mkdir()  # the store's own files stay out of the export folder
    path = tmp_path / "db" / "store.sqlite"
    shutil.copyfile(briefed_template, path)
    path.chmod(0o600)
    return str(path)


@pytest.fixture
def export(db, capsys):
    def _export(*argv):
        code = main(["--db", db, "brief", "export", *map(str, argv)])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return _export


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: "), err
    return lines[0]


def test_export_writes_the_pdf_and_says_where_and_how_many_pages(export, tmp_path):
    target = tmp_path / "tokayev.pdf"
    code, out, err = export("1", "-o", target)
    assert code == 0, err
    pages = len(pypdf.PdfReader(target).pages)
    assert pages >= 4
    assert out.strip() == f"wrote {target} ({pages} pages, A4)"
    text = pypdf.PdfReader(target).pages[0].extract_text()
    assert "Vučić meets Tokayev in Astana" in text and "RESTRICTED" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "tokayev.pdf"]


def test_letter_and_long_option(export, tmp_path):
    target = tmp_path / "letter.pdf"
    code, out, _ = export("1", "--output", target, "--page-size", "Letter")
    assert code == 0 and "Letter)" in out
    box = pypdf.PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_two_exports_are_identical(export, tmp_path):
    export("1", "-o", tmp_path / "a.pdf")
    export("1", "-o", tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_unknown_briefing_is_one_line(export, tmp_path):
    code, out, err = export("99", "-o", tmp_path / "x.pdf")
    assert code != 0 and out == ""
    assert one_line(err) == "briefing: no briefing with id 99 (see: briefing brief list)"
    assert not (tmp_path / "x.pdf").exists()


def test_trashed_briefing_is_unknown(db, export, tmp_path):
    with Store.open(db) as store:
        composer.trash_briefing(store, 1)
    code, _, err = export("1", "-o", tmp_path / "x.pdf")
    assert code != 0 and "no briefing with id 1" in one_line(err)


def test_unknown_page_size_is_one_line(export, tmp_path):
    code, _, err = export("1", "-o", tmp_path / "x.pdf", "--page-size", "A3")
    assert code != 0
    assert one_line(err) == "briefing: Unknown page size 'A3' (choose A4 or Letter)"


def test_missing_folder_is_one_line(export, tmp_path):
    code, _, err = export("1", "-o", tmp_path / "nope" / "x.pdf")
    assert code != 0 and "does not exist" in one_line(err)


def test_unwritable_folder_keeps_the_old_file(export, tmp_path, monkeypatch):
    target = tmp_path / "tokayev.pdf"
    target.write_bytes(OLD)

    def denied(**kwargs):  # what creating a file in a read-only folder raises
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", denied)
    code, _, err = export("1", "-o", target)
    assert code != 0 and "permission denied" in one_line(err)
    assert target.read_bytes() == OLD


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder_for_real(export, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = export("1", "-o", folder / "x.pdf")
        assert code != 0 and "permission denied" in one_line(err)
    finally:
        folder.chmod(0o700)


def test_full_disk_keeps_the_old_file_and_leaves_nothing(export, tmp_path, monkeypatch):
    target = tmp_path / "tokayev.pdf"
    target.write_bytes(OLD)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    code, _, err = export("1", "-o", target)
    assert code != 0 and "The disk is full" in one_line(err)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "tokayev.pdf"]


def test_console_script_error_has_no_traceback(db, tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "briefing")
    done = subprocess.run([exe, "--db", db, "brief", "export", "7", "-o",
                           str(tmp_path / "x.pdf")], capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.strip() == "briefing: no briefing with id 7 (see: briefing brief list)"
