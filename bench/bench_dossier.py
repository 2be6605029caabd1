"""Time the PDF dossier: a ~100-page dossier built from the synthetic store.

    python bench/bench_dossier.py                        # bench/out/dossier.sqlite (made if missing)
    python bench/bench_dossier.py --db bench/out/big.sqlite --pages 100 --repeat 5
    python bench/bench_dossier.py --profile              # + pyinstrument report in bench/out/dossier/

A copy of the store gets a real briefing through the composer: the counterpart is
the most quoted foreign speaker, the default draft plus every suggestion plus more of
that country's statements, visits and agreements, and a few talking points; items
are then unticked (in the store, so sources renumber) until the dossier is about
``--pages`` pages.  Then, in one run, alternating, ``--repeat`` times each:

(a) the full renderer: ``render_pdf(assembled)`` — story, page templates with the
    marking and running heads, contents, outline, "Page X of Y";
(a') the renderer's layout alone (``DossierRenderer.build``) on a copy of a story
    built once;
(b) a bare ReportLab document: ``SimpleDocTemplate.build`` of a copy of the SAME
    flowables (no page templates, no contents, no outline, same frame size).

Prints the best and median wall and CPU times, pages/s, (a)/(b), and the peak
memory of one render (tracemalloc) and of the process (ru_maxrss).  Targets
(DESIGN.md): a 100-page dossier ≤ 3 s and ≤ 1.3x the bare document.
"""

from __future__ import annotations

import argparse
import copy
import gc
import io
import math
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.platypus import NextPageTemplate, SimpleDocTemplate  # noqa: E402

from briefing.domain import AssembledBriefing, Section  # noqa: E402
from briefing.services import composer  # noqa: E402
from briefing.services.dossier import DossierRenderer, render_pdf  # noqa: E402
from briefing.services.dossier.canvas import PageNumbers  # noqa: E402
from briefing.services.dossier.contents import Contents  # noqa: E402
from briefing.store import Store  # noqa: E402

OUT = HERE / "out" / "dossier"
SMALL = ["--statements", "20000", "--visits", "3000", "--agreements", "3000", "--people", "1000"]
POINTS = [
    "Open with thanks for the hospitality and the warm welcome in the capital.",
    "Propose a joint working group on energy and transport with a first meeting this year.",
    "Raise the investment-protection agreement and ask for a date to initial the text.",
    "Note the growth in trade turnover and the companies working in each other's markets.",
    "Confirm support for the candidacy discussed at the last meeting of foreign ministers.",
    "Invite the counterpart for an official visit next year; dates through diplomatic channels.",
]


# --------------------------------------------------------------------------- the briefing
def ensure_store(db: Path) -> None:
    if db.exists():
        return
    print(f"no store at {db}: generating a small synthetic one ({' '.join(SMALL)})")
    db.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE / "synth.py"), str(db), *SMALL], check=True,
                   stdout=subprocess.DEVNULL)


def counterpart(store: Store, our: str) -> tuple[str, int]:
    """(country, person): the most quoted speaker not from our country."""
    row = store.conn.execute(
        "SELECT p.country, p.id FROM statements s JOIN people p ON p.id = s.speaker_id "
        "WHERE p.country IS NOT NULL AND p.country != ? AND s.deleted_at IS NULL "
        "GROUP BY p.id ORDER BY count(*) DESC LIMIT 1", (our,)).fetchone()
    return row[0], row[1]


def more_refs(store: Store, countries: tuple[str, str], limit: int) -> list[str]:
    """More of the two countries' records, newest first: statements by their people,
    visits to or from the counterpart, agreements it is a party to."""
    c = store.conn
    country = countries[0]
    refs = [f"statement:{r[0]}" for r in c.execute(
        "SELECT s.id FROM statements s JOIN people p ON p.id = s.speaker_id "
        "WHERE p.country IN (?, ?) AND s.deleted_at IS NULL ORDER BY s.date DESC LIMIT ?",
        (*countries, limit))]
    refs += [f"visit:{r[0]}" for r in c.execute(
        "SELECT id FROM visits WHERE (guest_country = ? OR host_country = ?) "
        "AND deleted_at IS NULL ORDER BY start DESC LIMIT ?", (country, country, limit // 4))]
    refs += [f"agreement:{r[0]}" for r in c.execute(
        "SELECT DISTINCT a.id FROM agreements a JOIN agreement_parties ap ON ap.agreement_id = a.id "
        "WHERE ap.country = ? AND a.deleted_at IS NULL ORDER BY a.signed DESC LIMIT ?",
        (country, limit // 4))]
    return refs


def make_briefing(store: Store, our: str) -> int:
    country, person = counterpart(store, our)
    bid = composer.new_briefing(
        store, title=f"Country dossier: {store.country_name(country)}", country=country,
        our_country=our, person=f"#{person}", place="", date="2026-12-01",
        purpose="Everything on record before the state visit", author="Bench Desk")
    composer.add_draft(store, bid)
    composer.add_records(store, bid, [s.ref for s in composer.suggest(store, bid)])
    composer.add_records(store, bid, more_refs(store, (country, our), 1200))
    for point in POINTS:
        composer.add_text(store, bid, point)
    return bid


def pages_of(assembled: AssembledBriefing) -> int:
    r = DossierRenderer(assembled)
    r.render()
    return r.page_count


def trim_to(store: Store, bid: int, target: int) -> tuple[AssembledBriefing, int]:
    """Untick items at the end of the long sections until the dossier is ``target``
    (to ``target + 2``) pages; returns the assembled briefing and its page count."""
    keep_whole = {Section.TALKING_POINTS, Section.PROFILE, Section.SOURCES}
    assembled = composer.assemble(store, bid)
    pages = pages_of(assembled)
    print(f"  draft: {sum(len(s.items) for s in assembled.sections)} items, {pages} pages")
    for _ in range(8):
        if target <= pages <= target + 2 or (pages < target and all(
                ai.item.included for s in assembled.sections for ai in s.items)):
            break
        ratio = target / pages
        for sec in assembled.sections:
            if sec.section in keep_whole:
                continue
            items = sec.items
            on = [ai for ai in items if ai.item.included]
            want = max(1, min(len(items), math.ceil(len(on) * ratio + (0.5 if ratio > 1 else 0))))
            for n, ai in enumerate(items):
                if ai.item.included != (n < want):
                    composer.set_included(store, ai.item.id, n < want)
        assembled = composer.assemble(store, bid)
        pages = pages_of(assembled)
        included = sum(ai.item.included for s in assembled.sections for ai in s.items)
        print(f"  trimmed: {included} items included, {pages} pages")
    return assembled, pages


# --------------------------------------------------------------------------- timing
def bare_story(story: list) -> list:
    """The same flowables without our page-template switch and contents page."""
    return [f for f in story if not isinstance(f, (NextPageTemplate, Contents))]


def fresh(story: list, numbers: PageNumbers | None = None):
    """A deep copy of the story to lay out again (a build consumes and splits its
    flowables); drawings are shared: drawing them changes nothing, and their chart
    widgets do not deep-copy."""
    drawings = [getattr(f, "drawing", f) for f in story]
    memo = {id(d): d for d in drawings if isinstance(d, Drawing)}
    return copy.deepcopy((story, numbers), memo)


def bare_build(story: list, renderer: DossierRenderer) -> tuple[bytes, int]:
    lay, buf = renderer.layout, io.BytesIO()
    pad = 6  # SimpleDocTemplate's frame pads 6 pt on each side; ours does not
    doc = SimpleDocTemplate(buf, pagesize=(lay.width, lay.height), leftMargin=lay.left - pad,
                            rightMargin=lay.right - pad, topMargin=lay.top - pad,
                            bottomMargin=lay.bottom - pad, invariant=1)
    doc.build(story)
    return buf.getvalue(), doc.page


def timed(fn):
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t0, time.process_time() - c0, result


def summary(name: str, runs: list[tuple[float, float]], pages: int) -> tuple[float, float]:
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    best, med = min(walls), statistics.median(walls)
    print(f"{name:38} best {best:6.2f} s  median {med:6.2f} s  CPU best {min(cpus):6.2f} s"
          f"  {pages / best:6.1f} pages/s")
    return best, min(cpus)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=HERE / "out" / "dossier.sqlite")
    ap.add_argument("--our", default="RS")
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="pyinstrument report of one render")
    args = ap.parse_args(argv)
    ensure_store(args.db)
    OUT.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "store.sqlite"
        shutil.copyfile(args.db, work)
        with Store.open(work) as store:
            print(f"store {args.db}: {store.count('statement'):,} statements, "
                  f"{store.count('visit'):,} visits, {store.count('agreement'):,} agreements")
            t0 = time.perf_counter()
            bid = make_briefing(store, args.our)
            assembled, pages = trim_to(store, bid, args.pages)
            print(f"  briefing made and trimmed in {time.perf_counter() - t0:.1f} s (not timed)")

    counts = {s.section.value: sum(ai.item.included for ai in s.items)
              for s in assembled.sections}
    print(f"dossier: {pages} pages A4; items " + ", ".join(f"{k} {v}" for k, v in counts.items())
          + f"; {len(assembled.sources)} sources")

    renderer = DossierRenderer(assembled)
    story_wall, story_cpu, _ = timed(lambda: renderer.story(PageNumbers()))
    numbers = PageNumbers()
    story = renderer.story(numbers)  # built once; each run lays out a deep copy
    full_runs, layout_runs, bare_runs = [], [], []
    data = bare = b""
    bare_pages = 0
    for _ in range(args.repeat):
        w, c, data = timed(lambda: render_pdf(assembled))
        full_runs.append((w, c))
        ours, ours_numbers = fresh(story, numbers)
        w, c, _ = timed(lambda: DossierRenderer(assembled).build(ours, ours_numbers))
        layout_runs.append((w, c))
        plain = bare_story(fresh(story)[0])
        w, c, (bare, bare_pages) = timed(lambda: bare_build(plain, renderer))
        bare_runs.append((w, c))
    (OUT / "dossier.pdf").write_bytes(data)
    (OUT / "bare.pdf").write_bytes(bare)

    print(f"\nstory built once: {story_wall:.2f} s ({story_cpu:.2f} s CPU), "
          f"{len(story)} top-level flowables")
    full, full_cpu = summary("(a) full renderer (render_pdf)", full_runs, pages)
    lay, lay_cpu = summary("(a') renderer layout of the story", layout_runs, pages)
    base, base_cpu = summary(f"(b) bare SimpleDocTemplate ({bare_pages} p)", bare_runs,
                             bare_pages)
    print(f"\n(a)/(b) = {full / base:.2f} wall, {full_cpu / base_cpu:.2f} CPU"
          f"   (a')/(b) = {lay / base:.2f} wall, {lay_cpu / base_cpu:.2f} CPU"
          f"   target ≤ 1.3")
    print(f"100 pages (scaled from {pages}): {full * 100 / pages:.2f} s wall, "
          f"{full_cpu * 100 / pages:.2f} s CPU   target ≤ 3 s")

    tracemalloc.start()
    render_pdf(assembled)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of one render (tracemalloc): {peak / 2**20:.1f} MB; "
          f"process peak RSS: {rss:.0f} MB; PDF {len(data) / 1024:.0f} KB")

    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        render_pdf(assembled)
        profiler.stop()
        report = OUT / "profile.txt"
        report.write_text(profiler.output_text(unicode=True, show_all=False))
        (OUT / "profile.html").write_text(profiler.output_html())
        print(f"profile: {report} (and profile.html)")
    print(f"output: {OUT / 'dossier.pdf'} and {OUT / 'bare.pdf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
