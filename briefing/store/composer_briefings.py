"""The composer's bookkeeping of briefings: the briefings list, a signature that
changes with any edit of a briefing (or of the records it shows), and the records a
user took out of a briefing (so refreshing suggestions does not bring them back).
Plain functions taking the :class:`~briefing.store.Store` (no Qt)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from briefing.dates import PartialDate
from briefing.domain import Kind
from briefing.store.composer_queries import _chunks, _date, _marks
from briefing.store.specs import SPECS


@dataclass(frozen=True)
class BriefingRow:
    """One line of the briefings list."""

    id: int
    title: str
    date: PartialDate | None
    place: str
    counterpart_country: str | None
    counterpart_name: str
    our_country: str | None
    status: str
    classification: str
    updated_at: str
    items: int
    included: int


# --------------------------------------------------------------------------- briefings
def briefing_rows(store, *, include_deleted: bool = False) -> list[BriefingRow]:
    """Every briefing for the briefings list, most recently edited first."""
    where = "" if include_deleted else "WHERE b.deleted_at IS NULL"
    rows = store.conn.execute(
        "SELECT b.id, b.title, b.date, b.date_approx, b.place, b.counterpart_country, "
        "coalesce(p.name, '') AS counterpart_name, b.our_country, b.status, b.classification, "
        "b.updated_at, "
        "(SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id) AS items, "
        "(SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id AND i.included) "
        "AS included "
        f"FROM briefings b LEFT JOIN people p ON p.id = b.counterpart_person_id {where} "
        "ORDER BY b.updated_at DESC, b.id DESC"
    ).fetchall()
    return [
        BriefingRow(
            id=r["id"], title=r["title"], date=_date(r["date"], r["date_approx"]),
            place=r["place"] or "", counterpart_country=r["counterpart_country"],
            counterpart_name=r["counterpart_name"], our_country=r["our_country"],
            status=r["status"], classification=r["classification"],
            updated_at=r["updated_at"], items=r["items"], included=r["included"],
        )
        for r in rows
    ]


def briefing_signature(store, briefing_id: int) -> str | None:
    """A digest of a briefing's details and items that changes with any edit (even two
    in the same second), or ``None`` if it is gone or in the trash: how a window
    notices edits made in another window or program."""
    conn = store.conn
    row = conn.execute(
        "SELECT * FROM briefings WHERE id = ? AND deleted_at IS NULL", (briefing_id,)
    ).fetchone()
    if row is None:
        return None
    digest = hashlib.blake2b(repr(tuple(row)).encode("utf-8"), digest_size=16)
    refs: dict[str, list[int]] = {}
    for item in conn.execute(
        "SELECT id, section, position, ref_kind, ref_id, text, annotation, included "
        "FROM briefing_items WHERE briefing_id = ? ORDER BY id", (briefing_id,)
    ):
        digest.update(repr(tuple(item)).encode("utf-8"))
        if item["ref_kind"] and item["ref_id"] is not None:
            refs.setdefault(item["ref_kind"], []).append(item["ref_id"])
    # the records it shows: edited, trashed or deleted elsewhere changes the briefing too
    for kind in sorted(refs):
        try:
            spec = SPECS[Kind(kind)]
        except ValueError:
            continue
        for chunk in _chunks(sorted(set(refs[kind]))):
            for r in conn.execute(
                f"SELECT id, updated_at, deleted_at FROM {spec.table} "
                f"WHERE id IN ({_marks(chunk)}) ORDER BY id", chunk,
            ):
                digest.update(repr((kind, *tuple(r))).encode("utf-8"))
    return digest.hexdigest()


# --------------------------------------------------------------------------- dismissed
def dismissed(store, briefing_id: int) -> set[tuple[str, int]]:
    """Records the user took out of a briefing: ``{(kind value, id)}``."""
    return {(r[0], r[1]) for r in store.conn.execute(
        "SELECT ref_kind, ref_id FROM briefing_dismissed WHERE briefing_id = ?", (briefing_id,))}


def set_dismissed(store, briefing_id: int, refs, dismissed_: bool = True) -> None:
    """Remember (or forget) that records were taken out of a briefing; joins the
    caller's transaction if there is one."""
    refs = [(str(k), int(i)) for k, i in refs]
    if not refs:
        return
    with store.transaction() as c:
        if dismissed_:
            c.executemany(
                "INSERT OR IGNORE INTO briefing_dismissed (briefing_id, ref_kind, ref_id) "
                "VALUES (?, ?, ?)", [(briefing_id, k, i) for k, i in refs])
        else:
            c.executemany(
                "DELETE FROM briefing_dismissed WHERE briefing_id = ? AND ref_kind = ? "
                "AND ref_id = ?", [(briefing_id, k, i) for k, i in refs])
