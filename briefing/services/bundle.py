"""The JSON bundle: the whole store as one readable, diffable file.

``{"format": "briefing-bundle", "version": 1, "people": [...], ...}`` — records in a
stable order (creation time, then uuid), names in their own script (no ``\\u``
escapes), references between records by uuid, countries by ISO code, partial dates
as text (``"2024-11"``, ``"~2025"`` when approximate).  Export → import into an empty
store → export gives the same bytes; importing into a store that already holds some of
the records merges by uuid (the newer ``updated_at`` wins).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.dates import DateError, PartialDate
from briefing.domain import (
    DISPLAY_FIELDS, LINKED_FIELDS, RECORD_KINDS, Agreement, Briefing, BriefingItem, Kind, Office,
    Organisation, Party, Person, Record,
)
from briefing.store import Store, StoreError

FORMAT = "briefing-bundle"
VERSION = 1
# export order: referenced kinds before the kinds that refer to them
ORDER = [Kind.SOURCE, Kind.ORGANISATION, Kind.PERSON, Kind.VISIT, Kind.AGREEMENT,
         Kind.STATEMENT, Kind.FIGURE, Kind.STANCE, Kind.BRIEFING]
_COMMON = ("uuid", "created_at", "updated_at", "deleted_at", "notes", "topics", "sources")
# fields that refer to another record: field -> kind referred to
_REFS = {
    "speaker_id": Kind.PERSON, "guest_id": Kind.PERSON, "host_id": Kind.PERSON,
    "holder_person_id": Kind.PERSON, "counterpart_person_id": Kind.PERSON,
    "occasion_visit_id": Kind.VISIT, "visit_id": Kind.VISIT, "organisation_id": Kind.ORGANISATION,
}
# fields written below their own keys (links) or not at all (display names)
_SKIP = DISPLAY_FIELDS | LINKED_FIELDS


class BundleError(ValueError):
    """The file is not a bundle this version can read; the message says why."""


@dataclass
class BundleReport:
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    def summary(self) -> str:
        parts = []
        for label, counts in (("added", self.added), ("updated", self.updated),
                              ("unchanged", self.unchanged)):
            n = sum(counts.values())
            if n:
                detail = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()) if v)
                parts.append(f"{label} {n} ({detail})")
        return "; ".join(parts) or "nothing to import"


# ------------------------------------------------------------------------------ export
def _date(d: PartialDate | None) -> str | None:
    return str(d) if d else None


def _field_name(name: str) -> str:
    return name[:-3] if name.endswith("_id") and name in _REFS else name


def record_to_json(rec: Record, uuids: dict[tuple[Kind, int], str]) -> dict:
    def ref(kind: Kind, rid: int | None) -> str | None:
        return uuids.get((kind, rid)) if rid is not None else None

    out: dict = {"uuid": rec.uuid}
    dates = rec.date_fields()
    for name in rec.data_fields():
        if name in _SKIP:
            continue
        value = getattr(rec, name)
        if name in _REFS:
            out[_field_name(name)] = ref(_REFS[name], value)
        elif name in dates:
            out[name] = _date(value)
        else:
            out[name] = value
    match rec:
        case Person() | Organisation():
            out["aliases"] = sorted(rec.aliases)
            if isinstance(rec, Person):
                out["offices"] = [
                    {"title": o.title, "country": o.country,
                     "organisation": ref(Kind.ORGANISATION, o.organisation_id),
                     "start": _date(o.start), "end": _date(o.end)}
                    for o in rec.offices
                ]
        case Agreement():
            out["parties"] = [
                {p.party_kind: (p.ref if p.party_kind == "country"
                                else ref(Kind(p.party_kind), int(p.ref))), "role": p.role}
                for p in rec.parties
            ]
        case Briefing():
            out["items"] = [
                {"section": it.section, "position": it.position,
                 "ref": ({"kind": it.ref_kind, "uuid": ref(Kind(it.ref_kind), it.ref_id)}
                         if it.ref_kind else None),
                 "text": it.text, "annotation": it.annotation, "included": it.included,
                 "reason": it.reason}
                for it in rec.items
            ]
    out["topics"] = sorted(rec.topics)
    out["sources"] = [ref(Kind.SOURCE, s) for s in rec.source_ids]
    out["notes"] = rec.notes
    out["created_at"], out["updated_at"], out["deleted_at"] = (
        rec.created_at, rec.updated_at, rec.deleted_at)
    return out


def export_bundle(store: Store, progress: Callable[[int, int], None] | None = None) -> dict:
    """The whole store (trash included) as a bundle dict."""
    uuids: dict[tuple[Kind, int], str] = {}
    records: dict[Kind, list[Record]] = {}
    total = sum(store.count(k, include_deleted=True) for k in ORDER)
    done = 0
    for kind in ORDER:
        recs = list(store.iter_records(kind, include_deleted=True))
        for r in recs:
            uuids[(kind, r.id)] = r.uuid
        records[kind] = recs
    bundle: dict = {"format": FORMAT, "version": VERSION}
    for kind in ORDER:
        recs = sorted(records[kind], key=lambda r: (r.created_at, r.uuid))
        bundle[kind.plural] = [record_to_json(r, uuids) for r in recs]
        done += len(recs)
        if progress:
            progress(done, total)
    return bundle


def dumps(bundle: dict) -> str:
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


def write_bundle(store: Store, path: str | Path,
                 progress: Callable[[int, int], None] | None = None) -> Path:
    """Export to ``path`` atomically (temporary file in the same folder, then rename)."""
    path = Path(path)
    store_file = Path(store.path).resolve()
    if path.resolve() in {store_file, *(Path(f"{store_file}{x}") for x in ("-wal", "-shm", "-journal"))}:
        raise BundleError(f"{path} is the store itself; export to another file (nothing was written)")
    text = dumps(export_bundle(store, progress))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as exc:  # name the file the user asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# ------------------------------------------------------------------------------ import
def read_bundle(path: str | Path) -> dict:
    """Load and check a bundle file; :class:`BundleError` for anything else."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise BundleError(f"{path}: not a UTF-8 text file") from None
    except json.JSONDecodeError as exc:
        raise BundleError(f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from None
    return check_bundle(data, str(path))


def check_bundle(data, where: str = "bundle") -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError(f"{where}: not a Briefing bundle (\"format\" is not \"{FORMAT}\")")
    version = data.get("version")
    if not isinstance(version, int):
        raise BundleError(f"{where}: the bundle has no version number")
    if version > VERSION:
        raise BundleError(
            f"{where}: bundle version {version} was written by a newer Briefing "
            f"(this one reads up to version {VERSION})"
        )
    for kind in ORDER:
        if not isinstance(data.get(kind.plural, []), list):
            raise BundleError(f"{where}: \"{kind.plural}\" must be a list")
    return data


class _Importer:
    def __init__(self, store: Store, where: str):
        self.store = store
        self.where = where
        self.report = BundleReport()
        self._ids: dict[tuple[Kind, str], int] = {}  # uuids already resolved or added

    def fail(self, kind: Kind, i: int, msg: str) -> BundleError:
        return BundleError(f"{self.where}: {kind.plural}[{i}]: {msg}")

    def ref_id(self, kind: Kind, uuid: str | None) -> int | None:
        if not uuid:
            return None
        rid = self._ids.get((kind, uuid))
        if rid is None:
            rid = self.store.id_for_uuid(kind, uuid)
            if rid is None:
                raise ValueError(
                    f"refers to a {kind.value} {uuid} that is not in the bundle or the store")
            self._ids[(kind, uuid)] = rid
        return rid

    def date(self, text) -> PartialDate | None:
        if text in (None, ""):
            return None
        try:
            return PartialDate.parse(str(text))
        except DateError as exc:
            raise ValueError(str(exc)) from None

    def country(self, code) -> str | None:
        if not code:
            return None
        c = self.store.country(code)
        if c is None:
            raise ValueError(f"unknown country '{code}'")
        return c.code

    def build(self, kind: Kind, d: dict) -> Record:
        cls = RECORD_KINDS[kind]
        proto = cls()
        values: dict = {}
        dates = cls.date_fields()
        for name in proto.data_fields():
            if name in _SKIP:
                continue
            key = _field_name(name)
            if key not in d:
                continue
            v = d[key]
            if name in _REFS:
                values[name] = self.ref_id(_REFS[name], v)
            elif name in dates:
                values[name] = self.date(v)
            elif name.endswith("country"):
                values[name] = self.country(v)
            else:
                values[name] = v
        rec = cls(**values)
        rec.uuid = d.get("uuid") or ""
        rec.notes = d.get("notes") or ""
        rec.topics = list(d.get("topics") or [])
        rec.source_ids = [self.ref_id(Kind.SOURCE, u) for u in d.get("sources") or [] if u]
        rec.created_at = d.get("created_at") or ""
        rec.updated_at = d.get("updated_at") or ""
        rec.deleted_at = d.get("deleted_at")
        if isinstance(rec, (Person, Organisation)):
            rec.aliases = list(d.get("aliases") or [])
        if isinstance(rec, Person):
            rec.offices = [
                Office(title=o.get("title", ""), country=self.country(o.get("country")),
                       organisation_id=self.ref_id(Kind.ORGANISATION, o.get("organisation")),
                       start=self.date(o.get("start")), end=self.date(o.get("end")))
                for o in d.get("offices") or []
            ]
        if isinstance(rec, Agreement):
            rec.parties = []
            for p in d.get("parties") or []:
                role = p.get("role", "party")
                if "country" in p:
                    rec.parties.append(Party(party_kind="country", ref=self.country(p["country"]), role=role))
                elif "organisation" in p:
                    rec.parties.append(Party(party_kind="organisation",
                                             ref=self.ref_id(Kind.ORGANISATION, p["organisation"]), role=role))
                elif "person" in p:
                    rec.parties.append(Party(party_kind="person",
                                             ref=self.ref_id(Kind.PERSON, p["person"]), role=role))
                else:
                    raise ValueError(f"party {p} names no country, organisation or person")
        return rec

    def items(self, briefing_id: int, d: dict) -> list[BriefingItem]:
        out = []
        for it in sorted(d.get("items") or [], key=lambda x: x.get("position", 0)):
            ref = it.get("ref") or None
            ref_kind = Kind(ref["kind"]) if ref else None
            out.append(BriefingItem(
                section=it.get("section", "talking_points"),
                ref_kind=ref_kind.value if ref_kind else None,
                ref_id=self.ref_id(ref_kind, ref.get("uuid")) if ref else None,
                text=it.get("text", ""), annotation=it.get("annotation", ""),
                included=bool(it.get("included", True)), reason=it.get("reason", ""),
            ))
        return out

    def run(self, data: dict) -> BundleReport:
        store = self.store
        with store.transaction():
            for kind in ORDER:
                added = updated = same = 0
                for i, d in enumerate(data.get(kind.plural, [])):
                    if not isinstance(d, dict) or not d.get("uuid"):
                        raise self.fail(kind, i, "a record needs a \"uuid\"")
                    try:
                        rec = self.build(kind, d)
                    except (ValueError, TypeError, KeyError) as exc:
                        raise self.fail(kind, i, str(exc)) from None
                    existing = store.id_for_uuid(kind, rec.uuid)
                    try:
                        if existing is None:
                            store.add_many([rec], keep_timestamps=True)
                            self._ids[(kind, rec.uuid)] = rec.id
                            added += 1
                        else:
                            current = store.get(kind, existing, include_deleted=True)
                            if rec.updated_at and rec.updated_at > current.updated_at:
                                rec.id = existing
                                self._update_keeping_time(rec)
                                updated += 1
                            else:
                                same += 1
                                continue
                    except StoreError as exc:
                        raise self.fail(kind, i, str(exc)) from None
                    if kind == Kind.BRIEFING:
                        try:
                            items = self.items(rec.id, d)
                        except (ValueError, KeyError) as exc:
                            raise self.fail(kind, i, str(exc)) from None
                        store.remove_items([it.id for it in store.briefing_items(rec.id)])
                        if items:
                            store.add_items(rec.id, items)
                        store.set_updated_at(Kind.BRIEFING, rec.id, rec.updated_at)
                self.report.added[kind.plural] = added
                self.report.updated[kind.plural] = updated
                self.report.unchanged[kind.plural] = same
        return self.report

    def _update_keeping_time(self, rec: Record) -> None:
        stamp, deleted = rec.updated_at, rec.deleted_at
        self.store.update(rec)
        self.store.set_updated_at(rec.kind, rec.id, stamp, deleted_at=deleted)


def import_bundle(store: Store, data_or_path: dict | str | Path) -> BundleReport:
    """Merge a bundle into the store, all or nothing."""
    if isinstance(data_or_path, dict):
        data, where = check_bundle(data_or_path), "bundle"
    else:
        data, where = read_bundle(data_or_path), str(data_or_path)
    return _Importer(store, where).run(data)


__all__ = ["BundleError", "BundleReport", "export_bundle", "write_bundle", "read_bundle",
           "import_bundle", "dumps", "FORMAT", "VERSION"]
