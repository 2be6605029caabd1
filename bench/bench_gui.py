"""GUI benchmark on a (synthetic) store: start-up, the Statements table, search as you
type, scrolling a big table, memory.

    python bench/synth.py bench/out/big.sqlite          # 1M statements … (once)
    QT_QPA_PLATFORM=offscreen python bench/bench_gui.py bench/out/big.sqlite
    (or DISPLAY=:99 for a real window under Xvfb)

Figures (targets from DESIGN.md):
  start to first painted window   a fresh process: interpreter, imports, store, window (≤ 1 s)
  open the Statements table       page shown with its first rows painted (≤ 300 ms)
  keystroke → results             after the 200 ms pause, until the list shows them (≤ 100 ms)
  scroll top → bottom             the 1M-row table paged through in screenfuls, then End:
                                  the slowest step and how many rows were ever read
  resident memory                 VmRSS after all of the above (≤ 300 MB)

Every figure is the median of ``--runs`` where it makes sense; the store is opened
read-only by the timed parts that do not need to write.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["Tokayev", "trade turnover", "Вучић", "energy cooperation", "pipeline*",
           "\"joint press conference\"", "gas", "Kazakhstan investment"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_to_paint(store: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU time from spawning a fresh Python to the main window's first paint.
    A first, uncounted run writes the byte-code caches (as an installed app has them)."""
    child = (
        "import time, sys; t0 = time.perf_counter()\n"
        "import briefing.gui.pyside_fix\n"
        "from PySide6.QtCore import QObject, QEvent, QTimer\n"
        "from briefing.gui import app as A\n"
        "from briefing.gui.settings import Settings\n"
        "qa = A.make_app(); A.Theme(qa, 'light')\n"
        "ctl = A.Application(qa, Settings(sys.argv[2]))\n"
        "class F(QObject):\n"
        "    def eventFilter(self, o, e):\n"
        "        if e.type() == QEvent.Type.Paint:\n"
        "            print('painted', flush=True); qa.exit(0)\n"
        "        return False\n"
        "f = F(); qa.installEventFilter(f)\n"
        "ctl.open(sys.argv[1]); qa.exec(); ctl.close_store()\n"
        "import os; os._exit(0)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    wall, cpu = [], []
    for i in range(runs + 1):
        ini = Path(f"/tmp/bench-gui-{os.getpid()}-{i}.ini")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", child, str(store), str(ini)], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = proc.stdout.readline()  # "painted", the moment the window first paints
        elapsed = time.perf_counter() - t0
        _out, err = proc.communicate(timeout=120)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        ini.unlink(missing_ok=True)
        if "painted" not in line:
            raise SystemExit(f"the app did not paint: {err[-2000:]}")
        if i:  # the first run only warms the caches
            wall.append(elapsed)
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall, cpu


def settle(app, ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    print(f"store: {args.store} ({args.store.stat().st_size / 2**20:,.0f} MB)")
    starts, cpu = start_to_paint(args.store, args.runs)
    print(f"start to first painted window: median {statistics.median(starts) * 1000:6.0f} ms"
          f"   (min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}; CPU "
          f"{statistics.median(cpu) * 1000:.0f} ms; target ≤ 1000)")

    import briefing.gui.pyside_fix  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from briefing.domain import Kind
    from briefing.gui.main_window import MainWindow
    from briefing.gui.models import record_table
    from briefing.gui.settings import Settings
    from briefing.gui.views.record_table_view import RecordTablePage
    from briefing.store import Store

    app = QApplication.instance() or QApplication([])
    store = Store.open(args.store, readonly=True)
    n = store.count(Kind.STATEMENT)
    print(f"statements: {n:,}")

    # --- opening the Statements table --------------------------------------------------------------
    times = []
    window = None
    for i in range(args.runs):
        window = MainWindow(store, Settings(f"/tmp/bench-gui-{os.getpid()}.ini"), extensions=False)
        window.resize(1400, 860)
        window.show()
        settle(app, 100)
        t0 = time.perf_counter()
        window.show_page("statements")
        page: RecordTablePage = window.pages["statements"]
        page.table.viewport().repaint()
        times.append(time.perf_counter() - t0)
        if i < args.runs - 1:
            window.runner.shutdown()
            window.close()
            window.deleteLater()
            settle(app, 50)
    print(f"open the Statements table:     median {statistics.median(times) * 1000:6.1f} ms"
          f"   (max {max(times) * 1000:.1f}; target ≤ 300)")

    # --- scrolling the big table top to bottom ----------------------------------------------------
    page = window.pages["statements"]
    model = page.model
    t_ids = time.perf_counter()
    arrived = {}
    model.loading_changed.connect(lambda busy: busy or arrived.setdefault("t", time.perf_counter()))
    fetched = {"rows": 0}
    original = model._page

    def counting(number):
        if number not in model._pages:
            fetched["rows"] += record_table.PAGE_SIZE
        return original(number)

    model._page = counting
    bar = page.table.verticalScrollBar()
    steps, worst, t_all = 0, 0.0, time.perf_counter()
    stride = max(1, bar.maximum() // 400)  # 400 screens spread over the whole table
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + stride)
        t0 = time.perf_counter()
        bar.setValue(value)
        page.table.viewport().repaint()
        worst = max(worst, time.perf_counter() - t0)
        app.processEvents()  # as the event loop would between two scroll events
        steps += 1
    t0 = time.perf_counter()
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    end_jump = time.perf_counter() - t0
    total = time.perf_counter() - t_all
    ids_ready = model._ids is not None
    print(f"scroll top → bottom:           {steps} jumps in {total:.2f} s, slowest "
          f"{worst * 1000:.0f} ms, End {end_jump * 1000:.0f} ms; rows read {fetched['rows']:,}"
          f" of {model.rowCount():,} (ids from the worker: {'yes' if ids_ready else 'not yet'})")
    while model._ids is None and time.perf_counter() - t_ids < 60:
        settle(app, 50)
    ready = arrived.get("t", time.perf_counter()) - t_ids
    print(f"  sorted ids from the worker:  arrived {ready:.1f} s after the scrolling began "
          f"({model.rowCount() * 8 / 2**20:.0f} MB); from then pages are read by id")
    t0 = time.perf_counter()
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 200)):
        bar.setValue(value)
        page.table.viewport().repaint()
        app.processEvents()
    print(f"  again with the sorted ids:   200 jumps in {time.perf_counter() - t0:.2f} s")
    model._page = original

    # --- last keystroke → results shown ----------------------------------------------------------
    window.show_page("search")
    latencies = []
    shown = {}
    results = window.search.results

    def painted(_outcome) -> None:  # the list laid out and painted with the new results
        results.doItemsLayout()
        results.viewport().repaint()
        shown.setdefault("t", time.perf_counter())

    window.search.results_shown.connect(painted)
    for q in QUERIES:
        for _ in range(max(1, args.runs // 2)):
            window.search_field.clear()
            settle(app, 250)
            shown.clear()
            for i, ch in enumerate(q):
                if i:
                    settle(app, 40)  # a fast typist
                window.search_field.insert(ch)
            last = time.perf_counter()
            while "t" not in shown and time.perf_counter() - last < 10:
                app.processEvents()
                time.sleep(0.0005)
            latencies.append((q, shown.get("t", float("nan")) - last - 0.2))
    values = sorted(v for _q, v in latencies)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    worst_q = max(latencies, key=lambda x: x[1])
    print(f"keystroke → results painted (after the 200 ms pause): median "
          f"{statistics.median(values) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, worst "
          f"{worst_q[1] * 1000:.0f} ms ({worst_q[0]!r}); target ≤ 100")

    print(f"resident memory:               {rss_mb():.0f} MB (target ≤ 300)")
    window.runner.shutdown()
    window.close()
    store.close()


if __name__ == "__main__":
    main()
