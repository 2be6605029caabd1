"""Briefing items: what a briefing holds, in sections, in order.

Every verb is its own transaction, so each edit in the composer is saved at once.
Positions are dense (0..n-1) within a section after every move.
"""

from __future__ import annotations

from briefing.domain import BriefingItem, Change, Kind, Section
from briefing.store.errors import NotFoundError, StoreError

_ITEM_COLS = ("briefing_id", "section", "position", "ref_kind", "ref_id", "text",
              "annotation", "included", "reason")


def _item(row) -> BriefingItem:
    return BriefingItem(
        id=row["id"], briefing_id=row["briefing_id"], section=row["section"],
        position=row["position"], ref_kind=row["ref_kind"], ref_id=row["ref_id"],
        text=row["text"], annotation=row["annotation"], included=bool(row["included"]),
        reason=row["reason"],
    )


class BriefingsMixin:
    def briefing_items(self, briefing_id: int) -> list[BriefingItem]:
        """All items of a briefing, by section order then position."""
        return self._items_by_briefing([briefing_id]).get(briefing_id, [])

    def _items_by_briefing(self, briefing_ids: list[int]) -> dict[int, list[BriefingItem]]:
        """``{briefing id: its items}`` (by section order then position) in one query."""
        order = {s.value: i for i, s in enumerate(Section)}
        rows = self.conn.execute(
            f"SELECT * FROM briefing_items WHERE briefing_id IN ({','.join('?' * len(briefing_ids))}) "
            "ORDER BY position, id",
            briefing_ids,
        ).fetchall()
        out: dict[int, list[BriefingItem]] = {}
        for r in rows:
            out.setdefault(r["briefing_id"], []).append(_item(r))
        for items in out.values():
            items.sort(key=lambda it: (order.get(it.section, 99), it.position))
        return out

    def briefing_item(self, item_id: int) -> BriefingItem:
        row = self.conn.execute("SELECT * FROM briefing_items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no briefing item with id {item_id}")
        return _item(row)

    def _check_section(self, section: str) -> str:
        try:
            return Section(section).value
        except ValueError:
            raise StoreError(f"unknown briefing section '{section}'") from None

    def _touch_briefing(self, c, briefing_id: int) -> None:
        c.execute("UPDATE briefings SET updated_at = ? WHERE id = ?", (self.now(), briefing_id))

    def add_items(self, briefing_id: int, items: list[BriefingItem]) -> list[int]:
        """Append items to the end of their sections (``position`` is ignored)."""
        if self.conn.execute("SELECT 1 FROM briefings WHERE id = ?", (briefing_id,)).fetchone() is None:
            raise NotFoundError(f"no briefing with id {briefing_id}")
        ids = []
        ends: dict[str, int] = {}  # section -> the next free position in it
        with self.transaction() as c:
            for it in items:
                section = self._check_section(it.section)
                if it.ref_kind is not None:
                    Kind(it.ref_kind)
                if section not in ends:
                    ends[section] = c.execute(
                        "SELECT coalesce(max(position) + 1, 0) FROM briefing_items "
                        "WHERE briefing_id = ? AND section = ?",
                        (briefing_id, section),
                    ).fetchone()[0]
                nxt = ends[section]
                ends[section] += 1
                it.briefing_id, it.section, it.position = briefing_id, section, nxt
                cur = c.execute(
                    f"INSERT INTO briefing_items ({', '.join(_ITEM_COLS)}) VALUES "
                    f"({', '.join('?' * len(_ITEM_COLS))})",
                    (briefing_id, section, nxt, it.ref_kind, it.ref_id, it.text or "",
                     it.annotation or "", int(it.included), it.reason or ""),
                )
                it.id = cur.lastrowid
                ids.append(it.id)
            self._touch_briefing(c, briefing_id)
            self._notify(Change("briefing_item", (briefing_id,), "insert"))
        return ids

    def update_item(self, item: BriefingItem) -> None:
        """Save an item's text, annotation and included flag (not its place)."""
        with self.transaction() as c:
            cur = c.execute(
                "UPDATE briefing_items SET text = ?, annotation = ?, included = ?, reason = ? "
                "WHERE id = ?",
                (item.text or "", item.annotation or "", int(item.included), item.reason or "",
                 item.id),
            )
            if cur.rowcount == 0:
                raise NotFoundError(f"no briefing item with id {item.id}")
            self._touch_briefing(c, item.briefing_id)
            self._notify(Change("briefing_item", (item.briefing_id,), "update"))

    def move_item(self, item_id: int, section: str, position: int) -> None:
        """Move an item to ``position`` (0-based) in ``section``; others close up."""
        section = self._check_section(section)
        item = self.briefing_item(item_id)
        with self.transaction() as c:
            old = [
                r[0] for r in c.execute(
                    "SELECT id FROM briefing_items WHERE briefing_id = ? AND section = ? "
                    "AND id != ? ORDER BY position, id",
                    (item.briefing_id, item.section, item_id),
                )
            ]
            self._renumber(c, old)
            target = old if section == item.section else [
                r[0] for r in c.execute(
                    "SELECT id FROM briefing_items WHERE briefing_id = ? AND section = ? "
                    "ORDER BY position, id",
                    (item.briefing_id, section),
                )
            ]
            position = max(0, min(position, len(target)))
            target.insert(position, item_id)
            c.execute("UPDATE briefing_items SET section = ? WHERE id = ?", (section, item_id))
            self._renumber(c, target)
            self._touch_briefing(c, item.briefing_id)
            self._notify(Change("briefing_item", (item.briefing_id,), "update"))

    def remove_items(self, item_ids: list[int]) -> list[BriefingItem]:
        """Delete items from their briefing; returns them (with places) so an undo can
        put them back with :meth:`restore_items`."""
        removed = []
        with self.transaction() as c:
            for iid in item_ids:
                try:
                    it = self.briefing_item(iid)
                except NotFoundError:
                    continue
                removed.append(it)
                c.execute("DELETE FROM briefing_items WHERE id = ?", (iid,))
            for bid, sec in {(it.briefing_id, it.section) for it in removed}:
                self._renumber(c, [
                    r[0] for r in c.execute(
                        "SELECT id FROM briefing_items WHERE briefing_id = ? AND section = ? "
                        "ORDER BY position, id", (bid, sec),
                    )
                ])
            for bid in {it.briefing_id for it in removed}:
                self._touch_briefing(c, bid)
                self._notify(Change("briefing_item", (bid,), "purge"))
        return removed

    def restore_items(self, items: list[BriefingItem]) -> None:
        """Put removed items back at their old places (ids kept)."""
        with self.transaction() as c:
            for it in sorted(items, key=lambda i: i.position):
                c.execute(
                    "UPDATE briefing_items SET position = position + 1 WHERE briefing_id = ? "
                    "AND section = ? AND position >= ?",
                    (it.briefing_id, it.section, it.position),
                )
                c.execute(
                    f"INSERT INTO briefing_items (id, {', '.join(_ITEM_COLS)}) VALUES "
                    f"(?, {', '.join('?' * len(_ITEM_COLS))})",
                    (it.id, it.briefing_id, it.section, it.position, it.ref_kind, it.ref_id,
                     it.text, it.annotation, int(it.included), it.reason),
                )
            for bid in {it.briefing_id for it in items}:
                self._touch_briefing(c, bid)
                self._notify(Change("briefing_item", (bid,), "insert"))

    def _renumber(self, c, ids: list[int]) -> None:
        c.executemany(
            "UPDATE briefing_items SET position = ? WHERE id = ?",
            [(i, iid) for i, iid in enumerate(ids)],
        )

    def briefings_referring_to(self, kind: Kind | str, record_id: int) -> list[int]:
        return [
            r[0] for r in self.conn.execute(
                "SELECT DISTINCT briefing_id FROM briefing_items WHERE ref_kind = ? AND ref_id = ?",
                (Kind(kind).value, record_id),
            )
        ]
