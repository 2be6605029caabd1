"""Briefing items: add, update, move, remove and restore (undo), each saved at once,
positions dense within a section, one change notice per edit."""

from __future__ import annotations

import pytest

from briefing.dates import PartialDate as D
from briefing.domain import Briefing, BriefingItem, Change, Kind, Person, Section, Statement
from briefing.store import NotFoundError, StoreError


@pytest.fixture
def briefing(store) -> int:
    return store.add(Briefing(title="Vučić meets Tokayev", counterpart_country="KZ",
                              our_country="RS", date=D(2026, 3)))


def texts(store, briefing_id, section=None) -> list[str]:
    return [it.text for it in store.briefing_items(briefing_id)
            if section is None or it.section == section]


def places(store, briefing_id) -> list[tuple[str, int, str]]:
    return [(it.section, it.position, it.text) for it in store.briefing_items(briefing_id)]


def add_points(store, briefing_id, section, *names) -> list[int]:
    return store.add_items(briefing_id, [BriefingItem(section=section, text=n) for n in names])


def test_items_are_appended_to_their_sections_in_section_order(store, briefing):
    tp, st = Section.TALKING_POINTS.value, Section.STATEMENTS.value
    add_points(store, briefing, st, "s1", "s2")
    ids = add_points(store, briefing, tp, "t1")
    add_points(store, briefing, st, "s3")
    assert len(ids) == 1 and isinstance(ids[0], int)
    assert places(store, briefing) == [
        (tp, 0, "t1"), (st, 0, "s1"), (st, 1, "s2"), (st, 2, "s3")]
    got = store.get(Kind.BRIEFING, briefing)
    assert [it.text for it in got.items] == ["t1", "s1", "s2", "s3"]


def test_items_refer_to_records_and_keep_their_fields(store, briefing):
    pid = store.add(Person(name="Kassym-Jomart Tokayev"))
    sid = store.add(Statement(speaker_id=pid, text="Trade exchange is increasing.", date=D(2025)))
    (iid,) = store.add_items(briefing, [BriefingItem(
        section="statements", ref_kind="statement", ref_id=sid, annotation="use in opening",
        included=False, reason="counterpart's own words")])
    it = store.briefing_item(iid)
    assert (it.briefing_id, it.ref_kind, it.ref_id, it.annotation, it.included, it.reason) == (
        briefing, "statement", sid, "use in opening", False, "counterpart's own words")
    assert store.briefings_referring_to(Kind.STATEMENT, sid) == [briefing]
    assert store.briefings_referring_to("statement", sid + 1) == []


def test_adding_to_an_unknown_briefing_or_section_is_refused(store, briefing):
    with pytest.raises(NotFoundError, match="no briefing with id 999"):
        add_points(store, 999, "talking_points", "x")
    with pytest.raises(StoreError, match="unknown briefing section 'gossip'"):
        add_points(store, briefing, "gossip", "x")
    with pytest.raises(StoreError):  # one bad item: none of them is added
        store.add_items(briefing, [BriefingItem(section="profile", text="ok"),
                                   BriefingItem(section="gossip", text="bad")])
    assert store.briefing_items(briefing) == []


def test_update_item_saves_text_annotation_and_included_but_not_the_place(store, briefing):
    a, b = add_points(store, briefing, "talking_points", "a", "b")
    item = store.briefing_item(b)
    item.text, item.annotation, item.included = "b (edited)", "note", False
    item.position, item.section = 0, "sources"  # ignored: moving is move_item's job
    store.update_item(item)
    got = store.briefing_item(b)
    assert (got.text, got.annotation, got.included) == ("b (edited)", "note", False)
    assert (got.section, got.position) == ("talking_points", 1)
    with pytest.raises(NotFoundError):
        store.update_item(BriefingItem(id=12345, briefing_id=briefing))


def test_move_within_a_section(store, briefing):
    a, b, c, d = add_points(store, briefing, "talking_points", "a", "b", "c", "d")
    store.move_item(d, "talking_points", 0)
    assert texts(store, briefing) == ["d", "a", "b", "c"]
    store.move_item(d, "talking_points", 2)
    assert texts(store, briefing) == ["a", "b", "d", "c"]
    store.move_item(a, "talking_points", 99)  # past the end: last
    assert texts(store, briefing) == ["b", "d", "c", "a"]
    store.move_item(a, "talking_points", -5)  # before the start: first
    assert places(store, briefing) == [
        ("talking_points", i, t) for i, t in enumerate(["a", "b", "d", "c"])]


def test_move_to_another_section_closes_the_gap(store, briefing):
    a, b, c = add_points(store, briefing, "talking_points", "a", "b", "c")
    x, y = add_points(store, briefing, "sensitivities", "x", "y")
    store.move_item(b, "sensitivities", 1)
    assert places(store, briefing) == [
        ("talking_points", 0, "a"), ("talking_points", 1, "c"),
        ("sensitivities", 0, "x"), ("sensitivities", 1, "b"), ("sensitivities", 2, "y")]
    with pytest.raises(StoreError, match="unknown briefing section"):
        store.move_item(a, "nowhere", 0)
    with pytest.raises(NotFoundError):
        store.move_item(999, "sources", 0)


def test_remove_then_restore_puts_items_back_where_they_were(store, briefing):
    ids = add_points(store, briefing, "talking_points", "a", "b", "c", "d", "e")
    (s1,) = add_points(store, briefing, "sources", "s")
    before = places(store, briefing)
    removed = store.remove_items([ids[1], ids[3], s1, 999])  # 999: not there, ignored
    assert [it.text for it in removed] == ["b", "d", "s"]
    assert places(store, briefing) == [
        ("talking_points", 0, "a"), ("talking_points", 1, "c"), ("talking_points", 2, "e")]
    store.restore_items(removed)
    assert places(store, briefing) == before
    assert [it.id for it in store.briefing_items(briefing)] == [*ids, s1]  # same ids


def test_every_edit_sends_one_notice_and_touches_the_briefing(store, briefing, monkeypatch):
    seen: list[Change] = []
    store.on_change(seen.append)
    monkeypatch.setattr(store, "now", lambda: "2030-01-01T00:00:00Z")
    a, b = add_points(store, briefing, "talking_points", "a", "b")
    assert seen == [Change("briefing_item", (briefing,), "insert")]
    assert store.get(Kind.BRIEFING, briefing).updated_at == "2030-01-01T00:00:00Z"
    monkeypatch.setattr(store, "now", lambda: "2030-01-02T00:00:00Z")
    store.move_item(b, "talking_points", 0)
    item = store.briefing_item(a)
    item.annotation = "x"
    store.update_item(item)
    removed = store.remove_items([a])
    store.restore_items(removed)
    assert [c.action for c in seen] == ["insert", "update", "update", "purge", "insert"]
    assert all(c == Change("briefing_item", (briefing,), c.action) for c in seen)
    assert store.get(Kind.BRIEFING, briefing).updated_at == "2030-01-02T00:00:00Z"


def test_a_rolled_back_edit_leaves_the_items_as_they_were(store, briefing):
    a, b, c = add_points(store, briefing, "talking_points", "a", "b", "c")
    seen: list[Change] = []
    store.on_change(seen.append)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.move_item(c, "talking_points", 0)
            store.remove_items([a])
            raise RuntimeError("undo")
    assert texts(store, briefing) == ["a", "b", "c"] and seen == []


def test_purging_a_briefing_removes_its_items(store, briefing):
    add_points(store, briefing, "talking_points", "a", "b")
    store.trash(Kind.BRIEFING, briefing)
    assert texts(store, briefing) == ["a", "b"]  # in the trash, still whole
    store.restore(Kind.BRIEFING, briefing)
    assert [it.text for it in store.get(Kind.BRIEFING, briefing).items] == ["a", "b"]
    store.trash(Kind.BRIEFING, briefing)
    store.purge(Kind.BRIEFING, briefing)
    assert store.briefing_items(briefing) == []
    assert store.check().ok
