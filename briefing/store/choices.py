"""Short lists of records to choose from, for pickers in forms ("which visit was
this said on?", "which sources back this record?").  Plain functions over a store;
the match is folded (case, diacritics, script) like every other name lookup."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.dates import PartialDate
from briefing.domain import Kind
from briefing.fold import fold
from briefing.store.specs import SPECS


@dataclass(frozen=True)
class Choice:
    """One live record offered by a picker: its id, display title and main date."""

    kind: Kind
    id: int
    title: str
    date: PartialDate | None = None


def record_choices(store, kind: Kind | str, text: str = "", limit: int = 50) -> list[Choice]:
    """Live records of ``kind`` whose title contains ``text`` (folded), newest first;
    all of them (up to ``limit``) when ``text`` is empty."""
    kind = Kind(kind)
    spec = SPECS[kind]
    date_col = spec.date_column
    date_sql = f"{date_col}, {date_col}_approx" if date_col else "NULL, 0"
    order = f"{date_col} DESC, id DESC" if date_col else "id DESC"
    sql = (f"SELECT id, {spec.title_sql} AS t, {date_sql} FROM {spec.table} "
           "WHERE deleted_at IS NULL")
    args: list = []
    needle = fold(text or "").strip()
    if needle:
        sql += " AND instr(fold(" + spec.title_sql + "), ?) > 0"
        args.append(needle)
    sql += f" ORDER BY {order} LIMIT ?"
    args.append(int(limit))
    out = []
    for rid, title, iso, approx in store.conn.execute(sql, args):
        try:
            when = PartialDate.from_store(iso, approx)
        except ValueError:
            when = None
        out.append(Choice(kind, rid, (title or "").strip(), when))
    return out


def choice_for(store, kind: Kind | str, record_id: int) -> Choice | None:
    """The :class:`Choice` for one record (also when it is in the trash)."""
    kind = Kind(kind)
    spec = SPECS[kind]
    date_col = spec.date_column
    date_sql = f"{date_col}, {date_col}_approx" if date_col else "NULL, 0"
    row = store.conn.execute(
        f"SELECT id, {spec.title_sql}, {date_sql} FROM {spec.table} WHERE id = ?", (record_id,)
    ).fetchone()
    if row is None:
        return None
    try:
        when = PartialDate.from_store(row[2], row[3])
    except ValueError:
        when = None
    return Choice(kind, row[0], (row[1] or "").strip(), when)
