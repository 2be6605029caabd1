"""Time briefing suggestions (``briefing.services.composer.rank``) on the synthetic store.

    python bench/bench_composer.py                       # bench/out/big.sqlite, 20 countries
    python bench/bench_composer.py --db bench/out/small.sqlite --countries 10 --repeat 5

For each of N counterpart countries (those with the most statements, so the heaviest
cases, spread down the list) it ranks the candidates for a meeting between our
country (``--our``, default RS) and that country's most quoted person, with a
purpose naming two topics — exactly what ``briefing brief suggest`` and the
composer window run.  Each country is timed ``--repeat`` times after one warm-up;
its figure is the median; the warm-up (first) call is reported too.  Prints p50/p95/max
over the countries and the candidate counts.  Target (DESIGN.md): ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.services.composer import Meeting, rank  # noqa: E402
from briefing.store import Store  # noqa: E402

HERE = Path(__file__).resolve().parent


def pick_meetings(store: Store, our: str, n: int) -> list[tuple[str, int | None, str]]:
    """(country, its most quoted person, purpose) for n countries, heaviest first and
    then spread over the rest of the list."""
    conn = store.conn
    by_people = conn.execute(
        "SELECT country, count(*) AS n FROM people WHERE country IS NOT NULL AND country != ? "
        "GROUP BY country ORDER BY n DESC", (our,)
    ).fetchall()
    codes = [r[0] for r in by_people]
    if len(codes) > n:
        step = len(codes) / n
        codes = [codes[int(i * step)] for i in range(n)]
    topics = [r[0] for r in conn.execute(
        "SELECT t.name FROM topics t JOIN record_topics rt ON rt.topic_id = t.id "
        "GROUP BY t.id ORDER BY count(*) DESC LIMIT 6")]
    out = []
    for i, code in enumerate(codes):
        row = conn.execute(
            "SELECT p.id FROM people p JOIN statements s ON s.speaker_id = p.id "
            "WHERE p.country = ? GROUP BY p.id ORDER BY count(*) DESC LIMIT 1", (code,)
        ).fetchone()
        purpose = " and ".join(topics[i % len(topics):][:2]) if topics else ""
        out.append((code, row[0] if row else None, purpose))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(HERE / "out" / "big.sqlite"))
    ap.add_argument("--our", default="RS")
    ap.add_argument("--countries", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not Path(args.db).exists():
        print(f"no store at {args.db}; build it with: python bench/synth.py {args.db}")
        return 1
    store = Store.open(args.db, readonly=True)
    counts = {k: store.count(k) for k in ("statement", "visit", "agreement", "person")}
    print(f"store {args.db}: " + ", ".join(f"{v:,} {k}s" for k, v in counts.items()))
    meetings = pick_meetings(store, args.our, args.countries)
    times, cpu, sizes, firsts = [], [], [], []
    print(f"{'country':8} {'person':>8} {'first ms':>9} {'median ms':>10} {'cands':>6} "
          f"{'draft':>6}  purpose")
    for code, pid, purpose in meetings:
        m = Meeting(our_country=args.our, counterpart_country=code, person_id=pid,
                    purpose=purpose)
        t0 = time.perf_counter()
        rank(store, m)  # the first call: this connection's page cache is cold for the country
        firsts.append((time.perf_counter() - t0) * 1000)
        runs, cruns = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            sugs = rank(store, m)
            runs.append((time.perf_counter() - t0) * 1000)
            cruns.append((time.process_time() - c0) * 1000)
        ms = statistics.median(runs)
        times.append(ms)
        cpu.append(statistics.median(cruns))
        sizes.append(len(sugs))
        draft = sum(s.default for s in sugs)
        print(f"{code:8} {pid or '-':>8} {firsts[-1]:9.1f} {ms:10.1f} {len(sugs):6} {draft:6}  "
              f"{purpose}")
    store.close()
    print(f"\nsuggestions over {len(times)} countries: p50 {pct(times, 0.5):.1f} ms, "
          f"p95 {pct(times, 0.95):.1f} ms, max {max(times):.1f} ms "
          f"(CPU p50 {pct(cpu, 0.5):.1f} ms); first call p50 {pct(firsts, 0.5):.1f} ms, "
          f"p95 {pct(firsts, 0.95):.1f} ms; candidates p50 {pct(sizes, 0.5):.0f}; target ≤ 200 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
