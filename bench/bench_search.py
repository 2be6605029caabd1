"""Search latency on a (synthetic) store: the service call that returns the first page
with snippets, against the bare FTS5 query on the same index.

    python bench/synth.py bench/out/big.sqlite          # 1M statements (once)
    python bench/bench_search.py bench/out/big.sqlite [--repeat 3] [--rebuild] [--json]

A fixed, seeded set of queries is drawn from the store itself: rare, medium and
common words, two words, two very common words (the worst case), phrases taken from
statements, prefixes, Cyrillic and Latin names, and words with filters (kind,
country, person, date range).  Each query runs once to warm up, then ``--repeat``
times for each of: ``service`` = ``briefing.services.search.search`` (parse, name
widening, MATCH with bm25 + recency, records, snippets) and ``raw`` = the same MATCH
expression as ``SELECT rowid … MATCH ? ORDER BY rank LIMIT 50``.
Prints p50/p95/max per category and overall, the index's size and (``--rebuild``)
its build time.  Works on a copy if ``--copy`` is given (opening may migrate).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from briefing.dates import PartialDate
from briefing.domain import Kind
from briefing.services.search import SearchFilters, expression, search
from briefing.store import Store, search_queries

WORD = re.compile(r"^[a-z]{3,}$")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def pick_queries(store: Store, seed: int) -> list[tuple[str, str, SearchFilters]]:
    """``(category, query text, filters)``, the same for the same store and seed."""
    rnd = random.Random(seed)
    t0 = time.perf_counter()
    vocab = sorted((t, d) for t, d in search_queries.vocabulary(store) if WORD.match(t))
    print(f"(vocabulary of {len(vocab)} words read in {time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)
    by_docs = sorted(vocab, key=lambda td: -td[1])
    total = store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
    rare = [t for t, d in vocab if 5 <= d <= 50]
    medium = [t for t, d in vocab if total * 0.001 <= d <= total * 0.01]
    common = [t for t, _ in by_docs[:12]]
    q: list[tuple[str, str, SearchFilters]] = []
    none = SearchFilters()

    def some(seq, n):
        return rnd.sample(seq, min(n, len(seq))) if seq else []

    q += [("rare word", w, none) for w in some(rare, 6)]
    q += [("medium word", w, none) for w in some(medium, 6)]
    q += [("common word", w, none) for w in common[:4]]
    q += [("two words", f"{a} {b}", none) for a, b in zip(some(medium, 4), some(medium, 4))]
    q += [("two words", f"{a} {b}", none) for a, b in zip(some(common, 3), some(medium, 3))]
    q += [("2 very common", f"{a} {b}", none) for a, b in [(common[0], common[1]),
                                                            (common[2], common[3]),
                                                            (common[1], common[4])]]
    q += [("phrase", f'"{p}"', none) for p in _phrases(store, rnd, 6)]
    q += [("prefix", w[:5] + "*", none) for w in some(medium, 5)]
    q += [("prefix", w[:3] + "*", none) for w in some(common[4:], 2)]
    people = search_queries.sample_names(store, "person")
    cyr = [n.split()[-1] for n in people if CYRILLIC.search(n)]
    lat = [n.split()[-1] for n in people if not CYRILLIC.search(n) and n.isascii()]
    q += [("cyrillic name", n, none) for n in some(cyr, 6)]
    q += [("latin name", n, none) for n in some(lat, 4)]
    q += [("name + word", f"{n} {w}", none) for n, w in zip(some(lat, 3), some(medium, 3))]
    countries = ["RS", "KZ", "AZ", "TR", "DE", "CN"]
    q += [("with filter", w, SearchFilters(kinds=(Kind.STATEMENT,))) for w in some(medium, 3)]
    q += [("with filter", w, SearchFilters(countries=(rnd.choice(countries),)))
          for w in some(medium, 3)]
    q += [("with filter", w, SearchFilters(date_from=PartialDate(2019), date_to=PartialDate(2021, 6)))
          for w in some(medium, 2)]
    q += [("with filter", common[0], SearchFilters(kinds=(Kind.VISIT,), countries=("RS",)))]
    q += [("with filter", common[1], SearchFilters(date_from=PartialDate(2020, 3),
                                                   date_to=PartialDate(2020, 3)))]
    pid = store.conn.execute("SELECT min(id) FROM people").fetchone()[0]
    if pid is not None:
        q += [("filter only", "", SearchFilters(person_ids=(pid + rnd.randrange(100),)))]
        q += [("filter only", "", SearchFilters(countries=("RS",), kinds=(Kind.AGREEMENT,)))]
    return q


def _phrases(store: Store, rnd: random.Random, n: int) -> list[str]:
    top = store.conn.execute("SELECT max(id) FROM statements").fetchone()[0] or 0
    out = []
    for _ in range(n * 5):
        if len(out) >= n or not top:
            break
        recs = store.get_many(Kind.STATEMENT, [rnd.randrange(1, top + 1)])
        words = re.findall(r"[A-Za-z]{4,}", recs[0].text) if recs else []
        if len(words) >= 3:
            i = rnd.randrange(len(words) - 1)
            out.append(f"{words[i]} {words[i + 1]}")
    return out


def timed(fn, repeat: int, cpu: list | None = None) -> list[float]:
    """Wall milliseconds of each run (after a warm-up); CPU milliseconds go to ``cpu``."""
    fn()  # warm up
    out = []
    for _ in range(repeat):
        c, t = time.process_time(), time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - c) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


def run(path: Path, repeat: int, seed: int, rebuild: bool) -> dict:
    store = Store.open(path)
    result: dict = {"store": str(path), "counts": store.counts()}
    if rebuild:
        t = time.perf_counter()
        rows = store.rebuild_search_index()
        result["build_seconds"] = round(time.perf_counter() - t, 1)
        result["build_rows"] = rows
    stats = search_queries.index_stats(store)
    result["index_rows"], result["index_bytes"] = stats["rows"], stats["bytes"]
    result["file_bytes"] = path.stat().st_size
    queries = pick_queries(store, seed)
    rows = []
    for category, text, filters in queries:
        expr = expression(store, text, filters)
        hits, cpu = [], []
        service = timed(lambda: hits.append(len(search(store, text, filters).hits)), repeat, cpu)
        raw = timed(lambda: search_queries.raw_match(store, expr), repeat) if expr else [0.0]
        rows.append({"category": category, "query": text, "filters": _describe(filters),
                     "hits": hits[-1], "service_ms": service, "service_cpu_ms": cpu,
                     "raw_ms": raw})
    store.close()
    result["queries"] = rows
    result["load"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return result


def _describe(f: SearchFilters) -> str:
    parts = [",".join(k.value for k in f.kinds), ",".join(f.countries),
             ",".join(f"p{i}" for i in f.person_ids),
             f"{f.date_from or ''}..{f.date_to or ''}" if f.date_from or f.date_to else ""]
    return " ".join(p for p in parts if p)


def report(result: dict) -> None:
    print(f"store: {result['store']}")
    print("records: " + ", ".join(f"{n} {k}" for k, n in result["counts"].items() if n))
    size = result["index_bytes"]
    print(f"index: {result['index_rows']} rows, "
          + (f"{size / 1e6:.0f} MB" if size else "size unknown")
          + f" (store file {result['file_bytes'] / 1e6:.0f} MB)")
    if "build_seconds" in result:
        print(f"index build: {result['build_seconds']} s for {result['build_rows']} records")
    print()
    print(f"{'category':15} {'query':34} {'filters':18} {'hits':>4}  {'service ms':>10} {'raw ms':>8}")
    for r in result["queries"]:
        print(f"{r['category']:15} {r['query'][:34]:34} {r['filters'][:18]:18} {r['hits']:>4}  "
              f"{statistics.median(r['service_ms']):>10.1f} {statistics.median(r['raw_ms']):>8.1f}")
    print()
    cats = list(dict.fromkeys(r["category"] for r in result["queries"])) + ["ALL"]
    print(f"{'category':15} {'n':>3}  {'service p50':>11} {'p95':>7} {'max':>7}   "
          f"{'raw p50':>7} {'p95':>7} {'max':>7}  {'p95 ratio':>9}")
    for cat in cats:
        sel = [r for r in result["queries"] if cat in ("ALL", r["category"])]
        s = [v for r in sel for v in r["service_ms"]]
        w = [v for r in sel for v in r["raw_ms"]]
        ratio = pct(s, 95) / pct(w, 95) if pct(w, 95) else float("nan")
        print(f"{cat:15} {len(sel):>3}  {pct(s, 50):>11.1f} {pct(s, 95):>7.1f} {max(s):>7.1f}   "
              f"{pct(w, 50):>7.1f} {pct(w, 95):>7.1f} {max(w):>7.1f}  {ratio:>9.2f}")
    cpu = [v for r in result["queries"] for v in r["service_cpu_ms"]]
    print(f"\nservice CPU time: p50 {pct(cpu, 50):.1f} ms, p95 {pct(cpu, 95):.1f} ms, "
          f"max {max(cpu):.1f} ms (less sensitive to other programs than wall time)")
    print(f"load average during the run: {result.get('load', '?')}")
    worst = max(result["queries"], key=lambda r: max(r["service_ms"]))
    print(f"\nslowest: {worst['category']} {worst['query']!r} {worst['filters']} "
          f"service {max(worst['service_ms']):.1f} ms, raw {max(worst['raw_ms']):.1f} ms")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("store", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--rebuild", action="store_true", help="time a full index rebuild first")
    p.add_argument("--copy", action="store_true", help="work on a temporary copy of the store")
    p.add_argument("--json", type=Path, help="also write the raw figures to this file")
    args = p.parse_args(argv)
    if not args.store.exists():
        print(f"no store at {args.store} (make one with bench/synth.py)", file=sys.stderr)
        return 2
    path = args.store
    tmp = None
    if args.copy:
        tmp = tempfile.mkdtemp(prefix="bench-search-")
        path = Path(tmp) / args.store.name
        shutil.copyfile(args.store, path)
    try:
        result = run(path, args.repeat, args.seed, args.rebuild)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
