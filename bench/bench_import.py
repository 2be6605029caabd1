"""Import benchmark: 100 000 statement rows from CSV into a fresh store.

    python bench/bench_import.py                    # 100 000 rows, report rows/s
    python bench/bench_import.py --rows 20000 --with-people --profile

Writes ``bench/out/import/statements.csv`` (columns of DESIGN.md "Interchange":
text, speaker, date, speaker_country, occasion, topics, language, kind, source_url,
source_title; seeded, multilingual, dates at all three precisions and in several
spellings), then times ``briefing.services.importing.import_files`` on it into a new
store — the same service ``briefing import`` calls.  Target: ≤ 20 s for 100 000 rows.

``--with-people`` first imports a ``people.csv`` of the speakers with their aliases
(timed separately) and lets the statements name speakers by any alias and script, so
name resolution against stored aliases is part of the measurement.
``--profile`` runs the import under pyinstrument (``pip install pyinstrument``) and
writes an HTML and a text report beside the CSV.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_names import CITIES, CULTURES, OUTLETS, make_name, pick_culture  # noqa: E402
from synth_records import partial_date  # noqa: E402
from synth_text import TOPIC_NAMES, TextMaker  # noqa: E402

from briefing.countries import load_countries  # noqa: E402
from briefing.dates import MONTHS  # noqa: E402
from briefing.services.importing import import_files  # noqa: E402
from briefing.store import Store  # noqa: E402

HERE = Path(__file__).resolve().parent
COLUMNS = ["text", "speaker", "date", "speaker_country", "occasion", "topics", "language",
           "kind", "source_url", "source_title"]
OCCASIONS = ["EU Enlargement Summit", "UN General Assembly", "joint press conference",
             "Business Forum", "interview", "press conference", "Astana International Forum", ""]
TARGET_SECONDS = 20.0


def _date_cell(rng: random.Random) -> str:
    """A synthetic partial date (``synth_records.partial_date``) as CSV files write
    them: mostly ISO, some days as "5 November 2024" or "05.11.2024"."""
    d = partial_date(rng)
    r = rng.random()
    if d.day and r < 0.15:
        cell = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    elif d.day and r < 0.22:
        cell = f"{d.day:02d}.{d.month:02d}.{d.year}"
    else:
        cell = d.iso
    return ("~" if d.approximate else "") + cell


def write_csvs(folder: Path, rows: int, speakers: int, seed: int, aliases: bool) -> tuple[Path, Path]:
    """statements.csv (and people.csv of the speakers); returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{seed}:import")
    countries = [c for c in load_countries() if not c.former]
    by_code = {c.code: c for c in countries}
    text = TextMaker(random.Random(f"{seed}:import-vocabulary"), [c.name for c in countries],
                     [c for cs in CITIES.values() for c in cs], tail_scale=0.3)
    people = []
    seen = set()
    while len(people) < speakers:
        culture = pick_culture(rng)
        code = rng.choice(culture.countries)
        nm = make_name(rng, culture)
        if nm.name in seen:
            continue
        seen.add(nm.name)
        people.append((nm, code))
    people_csv = folder / "people.csv"
    with open(people_csv, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "aliases", "country", "office", "organisation"])
        for nm, code in people:
            w.writerow([nm.name, "; ".join(nm.aliases), code, "", ""])
    weights = [1 / (i + 5) ** 0.9 for i in range(len(people))]
    sources = [(f"https://{rng.choice(OUTLETS).lower().replace(' ', '').replace('.', '')}"
                f".example/{i}", text.sentence(rng, "en").rstrip(".")[:100]) for i in range(rows // 50 + 1)]
    statements_csv = folder / "statements.csv"
    with open(statements_csv, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for _ in range(rows):
            nm, code = rng.choices(people, weights)[0]
            speaker = nm.name
            if aliases and nm.aliases and rng.random() < 0.3:
                speaker = rng.choice([a for a in nm.aliases if " " in a] or [nm.name])
            lang = "en"
            culture_lang = next(c.language for c in CULTURES if c.key == nm.culture)
            if rng.random() < 0.2 and culture_lang in text.vocab:
                lang = culture_lang
            country_cell = rng.choice([code, code, by_code[code].name, by_code[code].alpha3]) \
                if code in by_code else code
            url, title = rng.choice(sources) if rng.random() < 0.3 else ("", "")
            w.writerow([
                text.statement(rng, lang, nm.surname), speaker, _date_cell(rng),
                country_cell, rng.choice(OCCASIONS),
                "; ".join(dict.fromkeys(rng.choice(TOPIC_NAMES) for _ in range(rng.randint(0, 3)))),
                lang, rng.choice(["direct", "direct", "paraphrase"]), url, title,
            ])
    return statements_csv, people_csv


def timed_import(store: Store, path: Path, profile_to: Path | None = None) -> dict:
    marks: dict[str, float] = {}
    t0 = time.perf_counter()
    c0 = time.process_time()

    def progress(done: int, total: int) -> None:
        if "checked" not in marks and done >= total // 2:
            marks["checked"] = time.perf_counter() - t0

    profiler = None
    if profile_to is not None:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.002)
        profiler.start()
    report = import_files(store, [path], progress=progress)
    if profiler is not None:
        profiler.stop()
        profile_to.with_suffix(".html").write_text(profiler.output_html(), encoding="utf-8")
        profile_to.with_suffix(".txt").write_text(
            profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    seconds = time.perf_counter() - t0
    errors = getattr(report, "errors", [])
    if errors:
        raise SystemExit(f"import reported {len(errors)} bad rows, e.g. {errors[0]}")
    return {"seconds": seconds, "cpu_seconds": time.process_time() - c0,
            "check_pass_seconds": marks.get("checked"), "report": report}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Time importing statements.csv into a fresh store.")
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--speakers", type=int, default=2_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, default=HERE / "out" / "import")
    p.add_argument("--with-people", action="store_true",
                   help="import people.csv (with aliases) first; statements then use aliases")
    p.add_argument("--profile", action="store_true", help="profile the import with pyinstrument")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = p.parse_args(argv)

    t = time.perf_counter()
    statements_csv, people_csv = write_csvs(a.out, a.rows, a.speakers, a.seed, a.with_people)
    print(f"wrote {statements_csv} ({a.rows:,} rows, {statements_csv.stat().st_size / 2**20:.1f} MiB) "
          f"in {time.perf_counter() - t:.1f}s", flush=True)
    db = a.out / "import.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = Store.open(db)
    figures = {"rows": a.rows, "speakers": a.speakers, "with_people": a.with_people}
    try:
        if a.with_people:
            r = timed_import(store, people_csv)
            figures["people_seconds"] = round(r["seconds"], 2)
            print(f"people.csv: {a.speakers:,} rows in {r['seconds']:.2f}s", flush=True)
        r = timed_import(store, statements_csv, a.out / "profile" if a.profile else None)
        stored = store.count("statement")
        ok = store.check().ok
    finally:
        store.close()
    secs = r["seconds"]
    figures.update(seconds=round(secs, 2), cpu_seconds=round(r["cpu_seconds"], 2),
                   rows_per_second=round(a.rows / secs), stored=stored, check_ok=ok,
                   check_pass_seconds=round(r["check_pass_seconds"] or 0, 2),
                   target_seconds=TARGET_SECONDS * a.rows / 100_000)
    if a.json:
        print(json.dumps(figures, indent=2))
    else:
        verdict = "within" if secs <= figures["target_seconds"] else "OVER"
        print(f"statements.csv: {a.rows:,} rows imported in {secs:.2f}s "
              f"({a.rows / secs:,.0f} rows/s; CPU {r['cpu_seconds']:.1f}s; "
              f"checking pass {figures['check_pass_seconds']:.1f}s) — {verdict} the "
              f"{figures['target_seconds']:.0f} s target")
        print(f"stored statements: {stored:,}; briefing check: {'ok' if ok else 'PROBLEMS'}")
        if a.profile:
            print(f"profile: {a.out / 'profile.html'} and {a.out / 'profile.txt'}")
    return 0 if stored == a.rows and ok else 1


if __name__ == "__main__":
    sys.exit(main())
