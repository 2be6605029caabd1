"""The dossier in the composer: the preview pane re-renders after edits (debounced, in
a worker), Export PDF… writes the file with the options remembered, failures and
Cancel leave an existing file alone, and Ctrl+E in the main window."""

from __future__ import annotations

import errno
import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from briefing.domain import Section
from briefing.gui.composer import ComposerPage
from briefing.gui.dossier import ExportDialog, attach, file_name_for, install
from briefing.gui.settings import Settings
from briefing.services import composer
from briefing.services.dossier import writer
from briefing.store import Store
from shell_support import make_window

TITLE = "Vučić meets Tokayev in Astana"
OLD = b"%PDF-1.4 the previous export\n"


def text_of(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def briefing_id(demo_store) -> int:
    bid = composer.new_briefing(demo_store, title=TITLE, country="KZ", person="Tokayev",
                                place="Astana")
    composer.add_draft(demo_store, bid)
    return bid


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "gui.ini")


@pytest.fixture
def page(qtbot, demo_store, briefing_id, settings):
    p = ComposerPage(demo_store, restore=False)
    qtbot.addWidget(p)
    parts = attach(p, settings=settings)
    p.resize(1400, 900)
    p.show()
    qtbot.waitExposed(p)
    p.open_briefing(briefing_id)
    yield p
    parts.preview.runner.shutdown()
    parts.exporter.runner.shutdown()
    p.editor.close_briefing()


def show_preview(qtbot, page):
    preview = page.dossier.preview
    with qtbot.waitSignal(preview.rendered, timeout=30000) as got:
        page.editor.tabs.setCurrentWidget(preview)
    return got.args[0]


def item_starting(page, text: str) -> int:
    for sec in page.editor.session.assembled.sections:
        for ai in sec.items:
            body = getattr(ai.record, "text", "") or getattr(ai.record, "title", "") or ""
            if body.startswith(text):
                return ai.item.id
    raise AssertionError(text)


# --------------------------------------------------------------------------- preview
def test_preview_shows_the_open_briefing(qtbot, page):
    preview = page.dossier.preview
    assert page.editor.tabs.tabText(page.editor.tabs.indexOf(preview)) == "Preview"
    result = show_preview(qtbot, page)
    assert result.pages >= 4 and result.page_size == "A4"
    assert preview.document.pageCount() == result.pages
    assert f"{result.pages} pages" in preview.status.text()
    text = text_of(result.data)
    assert TITLE in text and "Тоқаев" in text and "RESTRICTED" in text


def test_hidden_preview_does_not_render_until_shown(qtbot, page):
    preview = page.dossier.preview
    seen = []
    preview.rendered.connect(seen.append)
    qtbot.wait(800)
    assert seen == [] and not preview.isVisible()
    show_preview(qtbot, page)


def test_preview_rerenders_once_after_a_burst_of_edits(qtbot, page):
    preview = page.dossier.preview
    show_preview(qtbot, page)
    seen = []
    preview.rendered.connect(seen.append)
    session = page.editor.session
    dropped = item_starting(page, "There's a lot for us to see")
    with qtbot.waitSignal(preview.rendered, timeout=30000):
        session.set_included(dropped, False)
        session.set_annotation(item_starting(page, "Deals with Kazakhstan"), "Ask about <dates> & terms")
        session.add_point("Thank him for the welcome in Astana")
    qtbot.wait(1500)  # nothing more is pending: one render for the three edits
    assert len(seen) == 1
    text = text_of(seen[0].data)
    assert "There's a lot for us to see" not in text
    assert "Ask about <dates> & terms" in text
    assert "Thank him for the welcome in Astana" in text


def test_preview_notices_edits_made_elsewhere(qtbot, page, demo_store, briefing_id):
    preview = page.dossier.preview
    show_preview(qtbot, page)
    with Store.open(demo_store.path) as other:  # another window or the command line
        with qtbot.waitSignal(preview.rendered, timeout=30000) as got:
            composer.add_text(other, briefing_id, "Raised from the command line")
    assert "Raised from the command line" in text_of(got.args[0].data)


def test_preview_page_size_and_page_kept(qtbot, page):
    preview = page.dossier.preview
    first = show_preview(qtbot, page)
    preview.view.pageNavigator().jump(2, preview.view.pageNavigator().currentLocation())
    with qtbot.waitSignal(preview.rendered, timeout=30000) as got:
        preview.page_size.setCurrentIndex(preview.page_size.findData("Letter"))
    assert got.args[0].page_size == "Letter" and got.args[0].data != first.data
    box = pypdf.PdfReader(io.BytesIO(got.args[0].data)).pages[0].mediabox
    assert round(float(box.width)) == 612
    qtbot.waitUntil(lambda: preview.current_page() == 2, timeout=5000)


def test_back_to_the_list_clears_the_preview(qtbot, page):
    show_preview(qtbot, page)
    page.show_list()
    assert page.dossier.preview.briefing_id is None
    assert not page.dossier.action.isEnabled()


# --------------------------------------------------------------------------- export
def answering(path: Path, page_size: str = "A4", open_after: bool = True):
    def answer(dialog: ExportDialog) -> bool:
        answer.offered = dialog.path.text(), dialog.page_size.currentData(), \
            dialog.open_after.isChecked()
        dialog.path.setText(str(path))
        dialog.page_size.setCurrentIndex(dialog.page_size.findData(page_size))
        dialog.open_after.setChecked(open_after)
        return True
    return answer


def test_export_writes_opens_and_remembers(qtbot, page, tmp_path, settings):
    out = tmp_path / "out"
    out.mkdir()
    exporter = page.dossier.exporter
    opened = []
    exporter.open_url = opened.append
    exporter.exec_dialog = answering(out / "tokayev", "Letter", open_after=True)
    progress = []
    show_progress = exporter._progress
    exporter._progress = lambda *args: progress.append(args[:2]) or show_progress(*args)
    with qtbot.waitSignal(exporter.exported, timeout=30000) as got:
        assert page.dossier.export()
    written = got.args[0]
    assert progress and progress[-1][0] == progress[-1][1] > 1  # the bar reached the end
    assert written.path == out / "tokayev.pdf"  # ".pdf" added
    reader = pypdf.PdfReader(written.path)
    assert len(reader.pages) == written.pages and round(float(reader.pages[0].mediabox.width)) == 612
    assert [u.toLocalFile() for u in opened] == [str(written.path)]
    # the next dialog starts in the same folder, with Letter and "open" ticked
    exporter.exec_dialog = answering(out / "again.pdf", "A4", open_after=False)
    with qtbot.waitSignal(exporter.exported, timeout=30000):
        page.dossier.export()
    assert exporter.exec_dialog.offered == (str(out / file_name_for(TITLE)), "Letter", True)
    assert len(opened) == 1
    assert settings.value("dossier/page_size") == "A4"


def test_export_failure_keeps_the_old_file(qtbot, page, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "dossier.pdf"
    target.write_bytes(OLD)
    exporter = page.dossier.exporter
    errors = []
    exporter.show_error = lambda parent, text: errors.append(text)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", full)
    with qtbot.waitSignal(exporter.failed, timeout=30000):
        exporter.start(page.open_id, str(target))
    assert errors and "The disk is full" in errors[0]
    assert target.read_bytes() == OLD
    assert [p.name for p in target.parent.iterdir()] == ["dossier.pdf"]
    qtbot.waitUntil(lambda: not exporter.busy, timeout=5000)


def test_export_into_a_missing_folder_is_a_plain_message(qtbot, page, tmp_path):
    exporter = page.dossier.exporter
    exporter.show_error = lambda parent, text: None
    with qtbot.waitSignal(exporter.failed, timeout=30000) as got:
        exporter.start(page.open_id, str(tmp_path / "nope" / "x.pdf"))
    assert got.args[0] == f"The folder {tmp_path / 'nope'} does not exist"


def test_cancelled_export_writes_nothing(qtbot, page, tmp_path):
    target = tmp_path / "dossier.pdf"
    target.write_bytes(OLD)
    exporter = page.dossier.exporter
    exporter.runner.pool.setMaxThreadCount(1)
    done = []
    exporter.exported.connect(done.append)
    task = exporter.start(page.open_id, str(target))
    with qtbot.waitSignal(exporter.cancelled, timeout=5000):
        exporter.progress.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not exporter.busy, timeout=30000)
    assert task.is_cancelled and done == []
    assert target.read_bytes() == OLD


def test_export_dialog_defaults_and_replacing(qtbot, tmp_path, settings):
    assert file_name_for('A/B: "C" <d>?') == "A B C d.pdf"
    assert file_name_for("  ") == "Briefing.pdf"
    settings.set_last_folder("dossier", tmp_path)
    dialog = ExportDialog(TITLE, settings)
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(tmp_path / f"{TITLE}.pdf")
    assert dialog.page_size.currentData() == "A4" and dialog.open_after.isChecked()
    (tmp_path / f"{TITLE}.pdf").write_bytes(OLD)
    asked = []
    dialog.confirm_replace = lambda parent, path: asked.append(path) or False
    dialog.accept()
    assert asked == [tmp_path / f"{TITLE}.pdf"] and dialog.result() == 0
    dialog.ask_path = lambda parent, start: str(tmp_path / "chosen.pdf")
    dialog.choose()
    assert dialog.target() == tmp_path / "chosen.pdf"


# --------------------------------------------------------------------------- main window
def test_ctrl_e_in_the_main_window(qtbot, demo_store, briefing_id, tmp_path):
    window = make_window(qtbot, demo_store, tmp_path / "gui.ini", extensions=True)
    try:
        parts = install(window)  # (the same parts if the window's EXTENSIONS did it)
        assert install(window) is parts and window.composer.editor.tabs.count() == 4
        assert parts.action in window.actions.menus["file"].actions()
        assert parts.action.shortcut().toString() == "Ctrl+E"
        window.show_page("briefings")
        window.composer.open_briefing(briefing_id)
        target = tmp_path / "from-window.pdf"
        parts.exporter.exec_dialog = answering(target, open_after=False)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        window.composer.editor.tree.setFocus()
        with qtbot.waitSignal(parts.exporter.exported, timeout=30000):
            qtbot.keyClick(window.composer.editor.tree, Qt.Key.Key_E,
                           Qt.KeyboardModifier.ControlModifier)
        assert TITLE in text_of(target.read_bytes())
        assert "Exported from-window.pdf" in window.statusBar().currentMessage()
    finally:
        window.runner.shutdown()
        window.composer.editor.close_briefing()
