"""Writing the dossier: a whole file or nothing, and plain messages when it fails."""

from __future__ import annotations

import errno
import os
import stat

import pypdf
import pytest

from briefing.services.dossier import DossierError, render_pdf, write_pdf
from briefing.services.dossier import writer
from briefing.services.dossier.sample import sample_briefing

OLD = b"%PDF-1.4 the previous export\n"


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "dossier.pdf")


def test_writes_the_rendered_pdf(tmp_path):
    out = write_pdf(sample_briefing(), tmp_path / "dossier.pdf", page_size="Letter")
    assert out == tmp_path / "dossier.pdf"
    assert out.read_bytes() == render_pdf(sample_briefing(), page_size="Letter")
    assert len(pypdf.PdfReader(out).pages) >= 4
    assert leftovers(tmp_path) == []


def test_replacing_keeps_the_files_permissions(tmp_path):
    target = tmp_path / "dossier.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_pdf(sample_briefing(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes().startswith(b"%PDF")


def test_failed_layout_leaves_the_previous_file_intact(tmp_path):
    target = tmp_path / "dossier.pdf"
    target.write_bytes(OLD)

    def boom(done, total):
        if done > 5:
            raise RuntimeError("cancelled by the user")

    with pytest.raises(RuntimeError, match="cancelled"):
        write_pdf(sample_briefing(), target, progress=boom)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_full_disk_is_a_clear_error_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "dossier.pdf"
    target.write_bytes(OLD)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    with pytest.raises(DossierError, match="The disk is full"):
        write_pdf(sample_briefing(), target)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_permission_denied_while_creating_is_a_clear_error(tmp_path, monkeypatch):
    def denied(**kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", denied)
    with pytest.raises(DossierError, match="permission denied"):
        write_pdf(sample_briefing(), tmp_path / "dossier.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_folder_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "dossier.pdf").write_bytes(OLD)
    folder.chmod(0o500)
    try:
        with pytest.raises(DossierError, match="permission denied"):
            write_pdf(sample_briefing(), folder / "dossier.pdf")
        assert (folder / "dossier.pdf").read_bytes() == OLD
    finally:
        folder.chmod(0o700)


def test_missing_folder_and_folder_as_target(tmp_path):
    with pytest.raises(DossierError, match="does not exist"):
        write_pdf(sample_briefing(), tmp_path / "nope" / "dossier.pdf")
    with pytest.raises(DossierError, match="is a folder"):
        write_pdf(sample_briefing(), tmp_path)


def test_error_messages_are_one_plain_line(tmp_path, monkeypatch):
    monkeypatch.setattr(writer.os, "replace",
                        lambda a, b: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only")))
    with pytest.raises(DossierError) as err:
        write_pdf(sample_briefing(), tmp_path / "dossier.pdf")
    assert "\n" not in str(err.value) and "read-only" in str(err.value)
    assert list(tmp_path.iterdir()) == []
