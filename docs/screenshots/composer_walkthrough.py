"""The composer walkthrough of issue 5, in the real app under Xvfb, driven like a user:
xdotool keys, clicks and a real drag and drop; screenshots of the whole screen with
ImageMagick's ``import -window root``.  Run twice — the second run is the app opened
again after it was closed — on the same store and settings:

    Xvfb :57 -screen 0 1600x1000x24 &  DISPLAY=:57 openbox &
    DISPLAY=:57 python docs/screenshots/composer_walkthrough.py first  STORE INI OUTDIR
    DISPLAY=:57 python docs/screenshots/composer_walkthrough.py second STORE INI OUTDIR

First run: Briefings page, Ctrl+N, "Meeting with President Tokayev" with Tokayev /
Kazakhstan, the draft, untick the 60-companies figure, drag the pharmaceutical
negotiations to the top of Agreements, annotate Tokayev's first quote, two talking
points (Ctrl+T), the details, Ctrl+Q.  Second run: everything as left.
"""

import subprocess
import sys
import time
from pathlib import Path

import briefing.gui.pyside_fix  # noqa: F401
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QToolButton

from briefing.domain import Section
from briefing.gui import app as gui_app
from briefing.gui.settings import Settings

mode, store_path, ini, out = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])
out.mkdir(parents=True, exist_ok=True)
log = open(out / f"drive-{mode}.log", "w")


def say(*a):
    print(*a, file=log, flush=True)


def xdo(*args, wait=True):
    cmd = ["xdotool", *map(str, args)]
    say("xdotool", *args)
    if wait:
        subprocess.run(cmd, check=False)
    else:
        subprocess.Popen(cmd)


def shot(name):
    QApplication.processEvents()
    subprocess.run(["import", "-window", "root", str(out / f"{name}.png")], check=False)
    say("shot", name)


def window():
    for w in QApplication.topLevelWidgets():
        if type(w).__name__ == "MainWindow" and w.isVisible():
            return w
    return None


def index_of(page, section, needle):
    m = page.editor.model
    parent = m.section_index(section)
    for r in range(m.rowCount(parent)):
        idx = m.index(r, 0, parent)
        if needle in m.data(idx):
            return idx
    raise LookupError(needle)


def global_of(tree, idx, dx=None):
    rect = tree.visualRect(idx)
    x = rect.left() + (dx if dx is not None else rect.width() // 3)
    p = tree.viewport().mapToGlobal(QPoint(x, rect.center().y()))
    return p.x(), p.y()


def center_of(widget):
    p = widget.mapToGlobal(widget.rect().center())
    return p.x(), p.y()


steps = []


def step(delay_ms):
    def deco(fn):
        steps.append((delay_ms, fn))
        return fn
    return deco


def run_steps(i=0):
    if i >= len(steps):
        return
    delay, fn = steps[i]

    def go():
        try:
            fn()
        except Exception as exc:  # noqa: BLE001
            say("step failed", fn.__name__, repr(exc))
            import traceback
            traceback.print_exc(file=log)
        run_steps(i + 1)
    QTimer.singleShot(delay, go)


if mode == "first":
    @step(1500)
    def briefings_page():
        w = window()
        w.showMaximized()
        w.activateWindow()
        w.show_page("briefings")
        shot("composer-01-briefings-empty")

    @step(500)
    def new_dialog():
        xdo("key", "ctrl+n")

    @step(1200)
    def fill_dialog():
        xdo("type", "--delay", "30", "Meeting with President Tokayev")
        xdo("key", "Tab")
        xdo("type", "--delay", "30", "Tokayev")
        xdo("key", "Tab")
        xdo("type", "--delay", "30", "Kazakhstan")

    @step(800)
    def dialog_shot():
        xdo("key", "Tab")  # leave the field: the completion list closes
        shot("composer-02-new-briefing")

    @step(300)
    def create():
        xdo("key", "Return")

    @step(1500)
    def draft_shot():
        shot("composer-03-draft")

    @step(300)
    def untick():
        page = window().composer
        idx = index_of(page, Section.FIGURES, "60 companies")
        x, y = global_of(page.editor.tree, idx, dx=10)
        say("untick at", x, y)
        xdo("mousemove", x, y, "click", "1")

    @step(800)
    def untick_shot():
        shot("composer-04-unticked")

    @step(300)
    def drag_up():
        page = window().composer
        tree = page.editor.tree
        src = index_of(page, Section.AGREEMENTS, "pharmaceutical")
        dst = index_of(page, Section.AGREEMENTS, "artillery")
        x1, y1 = global_of(tree, src)
        x2, y2 = global_of(tree, dst)
        top = y2 - tree.visualRect(dst).height() // 2 + 2  # the upper edge: drop above it
        say("drag", x1, y1, "->", x2, top)
        xdo("mousemove", x1, y1, "mousedown", "1", "sleep", "0.3",
            "mousemove", x1, y1 - 8, "sleep", "0.2", "mousemove", x1, y1 - 30, "sleep", "0.2",
            "mousemove", x2, top + 12, "sleep", "0.3", "mousemove", x2, top + 2, "sleep", "0.4",
            "mouseup", "1", wait=False)

    @step(3500)
    def drag_shot():
        shot("composer-05-dragged-up")

    @step(300)
    def annotate():
        page = window().composer
        idx = index_of(page, Section.STATEMENTS, "We put stress")
        x, y = global_of(page.editor.tree, idx)
        xdo("mousemove", x, y, "click", "1")
        page.editor.tabs.setCurrentWidget(page.editor.item_editor)

    @step(700)
    def type_note():
        page = window().composer
        x, y = center_of(page.editor.item_editor.annotation)
        xdo("mousemove", x, y, "click", "1")
        xdo("type", "--delay", "25", "Open with this: he set the agenda on trade and investment.")

    @step(1500)
    def note_shot():
        shot("composer-06-annotated")

    @step(300)
    def point_one():
        page = window().composer
        xdo("key", "ctrl+t")

    @step(900)
    def type_one():
        xdo("type", "--delay", "25", "Thank President Tokayev for Kazakhstan's position on Kosovo")
        xdo("key", "Return")

    @step(900)
    def point_two():
        xdo("key", "ctrl+t")

    @step(900)
    def type_two():
        xdo("type", "--delay", "25", "Invite him to visit Belgrade again in 2027")
        xdo("key", "Return")

    @step(1200)
    def points_shot():
        shot("composer-07-talking-points")
        page = window().composer
        page.editor.tabs.setCurrentWidget(page.editor.details)

    @step(800)
    def details_shot():
        shot("composer-08-details")

    @step(500)
    def quit_app():
        xdo("key", "ctrl+q")

else:
    @step(2500)
    def reopened():
        w = window()
        w.showMaximized()
        w.activateWindow()

    @step(1500)
    def reopened_shot():
        shot("composer-09-reopened")
        page = window().composer
        page.editor.tabs.setCurrentWidget(page.editor.points)

    @step(700)
    def reopened_points():
        shot("composer-10-reopened-talking-points")
        page = window().composer
        idx = index_of(page, Section.STATEMENTS, "We put stress")
        page.editor.tree.setCurrentIndex(idx)
        page.editor.tabs.setCurrentWidget(page.editor.item_editor)

    @step(700)
    def reopened_note():
        shot("composer-11-reopened-annotation")
        page = window().composer
        rows = {sec.value: [page.editor.model.data(page.editor.model.index(r, 0, page.editor.model.section_index(sec)))
                            for r in range(page.editor.model.rowCount(page.editor.model.section_index(sec)))]
                for sec in Section}
        for k, v in rows.items():
            say(k, v)

    @step(500)
    def back_to_list():
        page = window().composer
        btn = page.editor.findChild(QToolButton, "composerButton_back")
        x, y = center_of(btn)
        xdo("mousemove", x, y, "click", "1")

    @step(900)
    def list_shot():
        shot("composer-12-briefings-list")

    @step(500)
    def quit_app():
        xdo("key", "ctrl+q")

app = gui_app.make_app()
run_steps()
code = gui_app.run(store_path, demo_if_new=True, settings=Settings(ini))
say("exit", code)
