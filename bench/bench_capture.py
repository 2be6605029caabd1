"""Capture benchmark: speed on a 5 000-word article, and quote + speaker quality.

    python bench/bench_capture.py            # both
    python bench/bench_capture.py --detail   # also every miss and wrong quote per article
    python bench/bench_capture.py --store bench/out/big.sqlite   # + names from a big store

Speed: the hand-checked corpus (``tests/data/articles``, real news) joined and cut at
5 000 words, captured with countries known (best of 5 runs; also 1 MB of the same
text).  Target (issue 7): ≤ 1 s for 5 000 words.

Review and accept: the seed article reviewed against, and accepted into, a fresh
store (and a second time: nothing added).  With ``--store``, a copy of that store
is used instead: the gazetteer is built from all its people and organisations (what
the CLI and the review window do before every capture), then the seed is captured,
reviewed and accepted.

Quality: precision and recall of quote + speaker over the corpus (see
``briefing.services.capture.evaluation`` for the matching rules).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing.services.capture import Gazetteer, accept, capture_file, capture_text, review  # noqa: E402
from briefing.services.capture.evaluation import score_corpus  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "articles"
SEED = CORPUS / "newsaz_vucic_kazakhstan.txt"


def words_of(text: str, n: int) -> str:
    for i, m in enumerate(re.finditer(r"\S+", text), 1):
        if i == n:
            return text[:m.end()]
    return text


def timed(text: str, gaz: Gazetteer, runs: int) -> tuple[float, float, int]:
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        capture = capture_text(text, gaz)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        found = len(capture.candidates())
    return best_wall, best_cpu, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--detail", action="store_true", help="print misses per article")
    parser.add_argument("--store", metavar="PATH", help="also time names from (a copy of) this store")
    args = parser.parse_args()
    gaz = Gazetteer.with_countries()
    joined = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    five_k = words_of(joined, 5000)
    wall, cpu, n = timed(five_k, gaz, 5)
    print(f"5000 words ({len(five_k)} chars): {wall:.3f} s wall, {cpu:.3f} s CPU, "
          f"{n} candidates  (target <= 1 s)")
    mb = (joined + "\n\n") * (1_000_000 // len(joined) + 1)
    wall, cpu, n = timed(mb[:1_000_000], gaz, 1)
    print(f"1 MB: {wall:.2f} s wall, {cpu:.2f} s CPU, {n} candidates")

    accept_into_store(args.store)

    score = score_corpus(CORPUS, gaz)
    print(f"\nquote + speaker over {len(score.articles)} articles, {score.checked} checked "
          f"quotes: precision {score.precision:.3f}, recall {score.recall:.3f}")
    for a in score.articles:
        print(f"  {a.name:36} found {a.found:3}  checked {a.checked:3}  "
              f"right {a.found_correct:3}/{a.checked_correct:3}")
        if args.detail:
            for m in a.misses:
                print(f"      missed {m}")
            for w in a.wrong:
                print(f"      wrong  {w}")
    return 0


def accept_into_store(source: str | None) -> None:
    import shutil
    import tempfile

    from briefing.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        if source:  # a copy (opening it may migrate it; the original is left alone)
            for suffix in ("", "-wal"):
                if Path(source + suffix).exists():
                    shutil.copyfile(source + suffix, str(path) + suffix)
        store = Store.open(path)
        try:
            label = f"{Path(source).name}" if source else "a fresh store"
            t = time.perf_counter()
            gaz = Gazetteer.from_store(store)
            t_gaz = time.perf_counter() - t
            t = time.perf_counter()
            capture = capture_file(SEED, gaz)
            t_cap = time.perf_counter() - t
            t = time.perf_counter()
            checked = review(store, capture)
            t_rev = time.perf_counter() - t
            t = time.perf_counter()
            result = accept(store, capture, capture.candidates())
            t_acc = time.perf_counter() - t
            again = capture_file(SEED, Gazetteer.from_store(store))
            t = time.perf_counter()
            second = accept(store, again, again.candidates())
            t_again = time.perf_counter() - t
            print(f"\nseed article into {label} ({len(gaz.people):,} people, "
                  f"{len(gaz.organisations):,} organisations known):")
            print(f"  gazetteer {t_gaz:.3f} s, capture {t_cap:.3f} s, review {t_rev:.3f} s "
                  f"({checked.count('new')} new), accept {t_acc:.3f} s: {result.summary()}")
            print(f"  again: accept {t_again:.3f} s: {second.summary()}")
        finally:
            store.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
