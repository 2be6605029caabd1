"""Build a synthetic Briefing store for benchmarks.

    python bench/synth.py bench/out/big.sqlite            # 1M statements, 100k visits …
    python bench/synth.py bench/out/small.sqlite --statements 10000 --visits 1000 \
        --agreements 1000 --people 500

The store is a real one: opened with ``briefing.store.Store.open`` (the real schema
and migrations) and filled through ``briefing.store.bulk.BulkLoader`` (one
transaction, the real search-index code).  Records are generated in chunks of
10 000, each from its own seeded random generator, in worker processes while the main
process writes — so the same seed gives the same content whatever ``--jobs`` is.
Prints each phase's time, the totals and the file size.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_records import PHASES, SynthRecords  # noqa: E402

from briefing.store import Store  # noqa: E402
from briefing.store.bulk import BulkLoader  # noqa: E402

CHUNK = 10_000  # records per generated chunk (fixed: part of what the seed means)
_WORKER_SYNTH: SynthRecords | None = None  # set before a phase's worker pool forks


def _generate(task):
    phase, chunk, first_id, count = task
    return _WORKER_SYNTH.generate(phase, chunk, first_id, count)


def chunks_of(synth: SynthRecords, phase: str, first_id: int, n: int, jobs: int):
    """The phase's records chunk by chunk, in order; made by ``jobs`` worker processes
    (forked now, so they see everything earlier phases absorbed) or in-process."""
    global _WORKER_SYNTH
    tasks = [(phase, i, first_id + i * CHUNK, min(CHUNK, n - i * CHUNK))
             for i in range((n + CHUNK - 1) // CHUNK)]
    if jobs <= 0 or len(tasks) <= 1:
        for phase_, chunk, first, count in tasks:
            yield synth.generate(phase_, chunk, first, count)
        return
    _WORKER_SYNTH = synth
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        pending: deque = deque()
        todo = iter(tasks)
        for task in todo:  # keep a few chunks in flight, not the whole phase in memory
            pending.append(pool.apply_async(_generate, (task,)))
            if len(pending) > 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
    _WORKER_SYNTH = None


def log(msg: str, t0: float = 0.0) -> None:
    stamp = f"[{time.perf_counter() - t0:7.1f}s] " if t0 else ""
    print(stamp + msg, flush=True)


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="the store file to create (e.g. bench/out/big.sqlite)")
    p.add_argument("--statements", type=int, default=1_000_000)
    p.add_argument("--visits", type=int, default=100_000)
    p.add_argument("--agreements", type=int, default=100_000)
    p.add_argument("--people", type=int, default=50_000)
    p.add_argument("--organisations", type=int, help="default: people / 5")
    p.add_argument("--sources", type=int, help="default: statements / 50")
    p.add_argument("--figures", type=int, help="default: visits / 5")
    p.add_argument("--stances", type=int, help="default: people / 10")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=max(1, min(3, (os.cpu_count() or 2) - 1)),
                   help="worker processes generating records (0: none; default: cores - 1)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    a = p.parse_args(argv)
    a.organisations = a.organisations if a.organisations is not None else max(5, a.people // 5)
    a.sources = a.sources if a.sources is not None else max(5, a.statements // 50)
    a.figures = a.figures if a.figures is not None else max(5, a.visits // 5)
    a.stances = a.stances if a.stances is not None else max(5, a.people // 10)
    if a.people < 1 or a.organisations < 1:
        p.error("--people and --organisations must be at least 1")
    return a


def build(a) -> dict:
    out: Path = a.out
    if out.exists() or Path(f"{out}-wal").exists():
        if not a.force:
            raise SystemExit(f"synth: {out} exists (use --force to replace it)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    t0, c0 = time.perf_counter(), time.process_time()
    w0 = os.times().children_user + os.times().children_system
    counts = {"sources": a.sources, "organisations": a.organisations, "people": a.people,
              "visits": a.visits, "agreements": a.agreements, "statements": a.statements,
              "figures": a.figures, "stances": a.stances}
    log(f"building {out} (seed {a.seed}, {a.jobs} worker(s)): "
        + ", ".join(f"{n:,} {k}" for k, n in counts.items()))
    phases: dict[str, float] = {}
    store = Store.open(out)
    try:
        countries = {c.code: c.name for c in store.countries(include_former=False)}
        synth = SynthRecords(a.seed, countries, a.statements)
        phases["open + vocabulary"] = time.perf_counter() - t0
        with BulkLoader(store) as bulk:
            for phase, kind in PHASES:
                t, n, done = time.perf_counter(), counts[phase], 0
                for items in chunks_of(synth, phase, bulk.next_id(kind), n, a.jobs):
                    for rec, meta in items:
                        bulk.add(rec)
                        synth.absorb(phase, rec, meta)
                    done += len(items)
                    if n >= 200_000 and done % 100_000 == 0:
                        log(f"  {phase} {done:,}/{n:,}", t0)
                bulk.flush()
                synth.phase_done(phase)
                phases[phase] = time.perf_counter() - t
                log(f"{phase}: {n:,} generated, written and indexed in {phases[phase]:.1f}s", t0)
            t = time.perf_counter()
        phases["analyze + commit"] = time.perf_counter() - t
        timings = dict(bulk.timings)
    finally:
        t = time.perf_counter()
        store.close()
        phases["close (optimize, checkpoint)"] = time.perf_counter() - t
    total, cpu = time.perf_counter() - t0, time.process_time() - c0
    workers = os.times().children_user + os.times().children_system - w0
    size = out.stat().st_size
    log(f"done in {total:.1f}s; CPU: main process {cpu:.1f}s, workers {workers:.1f}s; "
        f"{out} is {size / 2**20:.1f} MiB")
    for name, secs in phases.items():
        print(f"  {name:30s} {secs:8.1f}s")
    print("  of which, in the main process:")
    for name, secs in sorted(timings.items()):
        print(f"    {name:28s} {secs:8.1f}s")
    return {"seconds": total, "cpu_seconds": cpu, "worker_cpu_seconds": workers, "bytes": size,
            "phases": phases}


def main(argv=None) -> int:
    build(parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
