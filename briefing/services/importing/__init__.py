"""Importing CSV files and JSON bundles, all or nothing.

    report = import_files(store, ["visits.csv"], kind=None, dry_run=False,
                          skip_invalid=False, progress=None, cancel=None)

Pass 1 reads every file and checks every row (names resolved against aliases,
missing people and organisations staged, duplicates of stored records or of earlier
rows recognised); nothing is written.  If any row is bad the import stops there and
the report lists *every* bad row (file, line, column, reason) — unless
``skip_invalid``, which imports the good rows and writes the bad ones to
``<name>.rejects.csv`` beside the file, with a ``reason`` column, ready to fix and
import again.  Pass 2 writes everything in one transaction.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing.domain import Kind, Person
from briefing.services import bundle as bundles
from briefing.services.importing.columns import CSV_KINDS, REASON_COLUMN
from briefing.services.importing.csv_file import EXTRA, CsvFile, CsvFileError, read_csv
from briefing.services.importing.report import FileReport, ImportReport, RowError
from briefing.services.importing.resolver import CellError, NewEntity, Resolver, real_id
from briefing.services.importing.rows import PLANNERS, Plan
from briefing.store import Store, StoreError
from briefing.store.bulk import BulkLoader

__all__ = ["import_files", "ImportReport", "FileReport", "RowError", "ImportCancelled",
           "CSV_KINDS", "rejects_path_for"]

Progress = Callable[[int, int], None]
BATCH = 1000


class ImportCancelled(Exception):
    """The user cancelled; nothing was imported."""


def rejects_path_for(path: Path) -> Path:
    """``statements.csv`` → ``statements.rejects.csv`` (beside it)."""
    return path.with_name(f"{path.stem}.rejects.csv")


def _is_bundle(path: Path) -> bool:
    if path.suffix.lower() == ".json":
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
        return head.startswith(b"{")
    except OSError:
        return False


class _FileJob:
    def __init__(self, path: Path):
        self.path = path
        self.report = FileReport(str(path))
        self.csv: CsvFile | None = None
        self.plans: list[tuple[int, Plan]] = []
        self.bad_rows: list[tuple[int, dict, str]] = []
        self.bundle: dict | None = None


def import_files(store: Store, paths, kind: Kind | str | None = None, *, dry_run: bool = False,
                 skip_invalid: bool = False, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None) -> ImportReport:
    kind = Kind.parse(kind) if isinstance(kind, str) else kind
    report = ImportReport(dry_run=dry_run, skip_invalid=skip_invalid)
    resolver = Resolver(store)
    jobs = [_FileJob(Path(p)) for p in paths]
    report.files = [j.report for j in jobs]

    # --- pass 1: read and check everything -------------------------------------------------
    for job in jobs:
        _read(job, kind)
    total = sum(len(j.csv.rows) for j in jobs if j.csv)
    done = 0
    seen: set[tuple] = set()  # natural keys of the rows kept so far, across all files
    for job in jobs:
        if job.csv is None:
            continue
        planner = PLANNERS[job.csv.kind]
        for line, row in job.csv.rows:
            if cancel and cancel():
                raise ImportCancelled("import cancelled; nothing was imported")
            done += 1
            if progress and done % 500 == 0:
                progress(done, total * 2)
            try:
                if EXTRA in row:
                    raise CellError("", f"the row has too many cells ({row.pop(EXTRA)})")
                plan = planner(row, resolver)
            except CellError as exc:
                job.report.errors.append(RowError(str(job.path), line, exc.column, exc.reason))
                job.bad_rows.append((line, row, exc.reason if not exc.column
                                     else f"{exc.column}: {exc.reason}"))
                continue
            # a row seen before, or a stored record (a known person only with new aliases)
            if plan.key in seen or (plan.existing_id is not None and not plan.merge_aliases):
                job.report.duplicates += 1
                continue
            seen.add(plan.key)
            job.plans.append((line, plan))
    _mark_used(jobs)
    _count(jobs, resolver)
    if dry_run or (report.errors and not skip_invalid):
        return report

    # --- pass 2: write it all in one transaction --------------------------------------------
    written = 0
    try:
        with BulkLoader(store, batch=BATCH, analyze=False) as bulk:
            resolver.create_staged(bulk.add, ("organisations", "sources"))
            resolver.create_staged(bulk.add, ("people",), before_create=_prepare_person)
            for job in jobs:
                if job.bundle is not None:
                    continue
                for _, plan in job.plans:
                    if cancel and cancel():
                        raise ImportCancelled("import cancelled; nothing was imported")
                    if plan.staged is not None or plan.existing_id is not None:
                        continue  # new people: staged above; known people: merged below
                    bulk.add(plan.finalise())
                    written += 1
                    if progress and written % BATCH == 0:
                        progress(total + written, total * 2)
            bulk.flush()
            for job in jobs:
                if job.bundle is not None:
                    res = bundles.import_bundle(store, job.bundle)
                    job.report.added = res.total_added
                    job.report.updated = sum(res.updated.values())
                    job.report.duplicates = sum(res.unchanged.values())
                    continue
                for _, plan in job.plans:
                    if plan.staged is None and plan.existing_id is not None:
                        _merge_person(store, plan)
    except StoreError as exc:
        raise StoreError(f"nothing was imported: {exc}") from None
    report.committed = True
    if progress:
        progress(total * 2, total * 2)
    if skip_invalid:
        for job in jobs:
            if job.bad_rows and job.csv is not None:
                job.report.rejects_path = str(_write_rejects(job))
    return report


def _read(job: _FileJob, kind: Kind | None) -> None:
    path = job.path
    if not path.exists():
        job.report.errors.append(RowError(str(path), 0, "", "no such file"))
        return
    if path.is_file() and _is_bundle(path):
        job.report.kind = "bundle"
        try:
            job.bundle = bundles.read_bundle(path)
        except bundles.BundleError as exc:
            job.report.errors.append(RowError(str(path), 0, "", str(exc).removeprefix(f"{path}: ")))
        return
    try:
        job.csv = read_csv(path, kind)
    except CsvFileError as exc:
        job.report.errors.append(exc.error)
        return
    job.report.kind = job.csv.kind.plural
    job.report.rows = len(job.csv.rows)


def _mark_used(jobs: list[_FileJob]) -> None:
    for job in jobs:
        for _, plan in job.plans:
            for ref in plan.refs_used():
                if isinstance(ref, NewEntity):
                    ref.used = True
            if plan.staged is not None:
                plan.staged.used = True


def _count(jobs: list[_FileJob], resolver: Resolver) -> None:
    for job in jobs:
        if job.csv is None:
            continue
        job.report.added = sum(
            1 for _, p in job.plans if p.existing_id is None)
        job.report.updated = sum(1 for _, p in job.plans if p.existing_id is not None)
    staged = {}
    for pool in (resolver.people, resolver.organisations, resolver.sources):
        for ref in pool.values():
            if isinstance(ref, NewEntity) and ref.used:
                staged[id(ref)] = ref
    counts: dict[str, int] = {}
    for ref in staged.values():
        counts[ref.record.kind.plural] = counts.get(ref.record.kind.plural, 0) + 1
    # attribute the created names to the first CSV file (they serve all files)
    first = next((j for j in jobs if j.csv is not None), None)
    if first is not None:
        if first.csv.kind == Kind.PERSON:
            counts.pop("people", None)  # those are the rows themselves
        first.report.created = counts


def _prepare_person(entity: NewEntity) -> None:
    rec = entity.record
    if isinstance(rec, Person) and rec.offices:
        office = rec.offices[0]
        if isinstance(office.organisation_id, NewEntity):
            office.organisation_id = real_id(office.organisation_id)


def _merge_person(store: Store, plan: Plan) -> None:
    person = store.get(Kind.PERSON, plan.existing_id)
    person.aliases = [*person.aliases, *plan.merge_aliases]
    new = plan.record
    if new.office and not person.office:
        person.office = new.office
    if new.country and not person.country:
        person.country = new.country
    store.update(person)


def _write_rejects(job: _FileJob) -> Path:
    target = rejects_path_for(job.path)
    header = [h for h in job.csv.header if h != REASON_COLUMN] + [REASON_COLUMN]
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for line, row, reason in job.bad_rows:
            writer.writerow([row.get(h, "") for h in header[:-1]] + [f"line {line}: {reason}"])
    os.replace(tmp, target)
    return target
