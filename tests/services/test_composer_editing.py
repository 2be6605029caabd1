"""Editing briefings: two connections never lose each other's edits silently; refresh
keeps the user's choices; duplicate and trash."""

from __future__ import annotations

import shutil

import pytest

from briefing.dates import PartialDate
from briefing.domain import Kind, Section, Statement
from briefing.services import composer
from briefing.store import Store


@pytest.fixture
def path(tmp_path, demo_store_template):
    p = tmp_path / "store.sqlite"
    shutil.copyfile(demo_store_template, p)
    return p


@pytest.fixture
def store(path):
    s = Store.open(path)
    yield s
    s.close()


@pytest.fixture
def other(path, store):
    """A second connection to the same file: another window or program."""
    s = Store.open(path)
    yield s
    s.close()


@pytest.fixture
def bid(store):
    b = composer.new_briefing(store, title="Meeting with President Tokayev", country="KZ",
                              person="Tokayev")
    composer.add_draft(store, b)
    return b


def items_in(store, bid, section):
    return [it for it in store.briefing_items(bid) if it.section == section.value]


# ----------------------------------------------------------------------- two windows
def test_two_windows_editing_different_fields_keep_both(store, other, bid):
    item = items_in(store, bid, Section.AGREEMENTS)[0]
    stale = other.briefing_item(item.id)  # window B read it before A's edit
    composer.annotate(store, item.id, "Ask about delivery dates", expected="")
    composer.set_included(other, stale.id, False)
    final = store.briefing_item(item.id)
    assert final.annotation == "Ask about delivery dates" and final.included is False


def test_a_stale_annotation_is_refused_not_overwritten(store, other, bid):
    item = items_in(store, bid, Section.STATEMENTS)[0]
    composer.annotate(store, item.id, "A's note", expected="")
    with pytest.raises(composer.StaleEditError, match="changed elsewhere") as exc:
        composer.annotate(other, item.id, "B's note", expected="")
    assert exc.value.current.annotation == "A's note"
    assert store.briefing_item(item.id).annotation == "A's note"
    # B reloads and edits on top of A's note: fine
    composer.annotate(other, item.id, "A's note + B's", expected="A's note")
    assert store.briefing_item(item.id).annotation == "A's note + B's"


def test_editing_an_item_removed_elsewhere_says_so(store, other, bid):
    item = items_in(store, bid, Section.VISITS)[0]
    composer.remove_items(store, [item.id])
    with pytest.raises(composer.StaleEditError, match="removed"):
        composer.annotate(other, item.id, "too late")


def test_details_edits_of_different_fields_both_survive(store, other, bid):
    composer.update_details(store, bid, {"place": "Astana"}, expected={"place": ""})
    composer.update_details(other, bid, {"purpose": "Trade"}, expected={"purpose": ""})
    b = store.get(Kind.BRIEFING, bid)
    assert (b.place, b.purpose) == ("Astana", "Trade")
    with pytest.raises(composer.StaleEditError):
        composer.update_details(other, bid, {"place": "Almaty"}, expected={"place": ""})
    assert store.get(Kind.BRIEFING, bid).place == "Astana"


def test_details_are_checked(store, bid):
    b = composer.update_details(store, bid, {"date": "2026-03", "counterpart_country": "Казахстан"})
    assert b.date == PartialDate(2026, 3) and b.counterpart_country == "KZ"
    with pytest.raises(composer.ComposerError, match="title"):
        composer.update_details(store, bid, {"title": " "})
    with pytest.raises(composer.ComposerError, match="unknown country"):
        composer.update_details(store, bid, {"our_country": "Serbija-ish"})
    with pytest.raises(composer.ComposerError, match="cannot edit"):
        composer.update_details(store, bid, {"uuid": "x"})


def test_moves_from_two_windows_both_apply(store, other, bid):
    visits = items_in(store, bid, Section.VISITS)
    agreements = items_in(store, bid, Section.AGREEMENTS)
    composer.move_item(store, visits[1].id, Section.VISITS, 0)
    composer.move_item(other, agreements[-1].id, "agreements", 0)
    assert [i.id for i in items_in(store, bid, Section.VISITS)] == [visits[1].id, visits[0].id]
    assert items_in(store, bid, Section.AGREEMENTS)[0].id == agreements[-1].id
    # across sections: a statement becomes a talking point
    st = items_in(store, bid, Section.STATEMENTS)[0]
    composer.move_item(other, st.id, "points", 0)
    assert items_in(store, bid, Section.TALKING_POINTS)[0].id == st.id


def test_remove_and_undo(store, bid):
    before = [(i.id, i.section, i.position) for i in store.briefing_items(bid)]
    figs = items_in(store, bid, Section.FIGURES)
    removed = composer.remove_items(store, [figs[1].id])
    assert len(items_in(store, bid, Section.FIGURES)) == 2
    composer.restore_items(store, removed)
    composer.restore_items(store, removed)  # twice is harmless
    assert [(i.id, i.section, i.position) for i in store.briefing_items(bid)] == before


# ----------------------------------------------------------------------- refresh
def test_refresh_adds_new_candidates_and_keeps_the_users_choices(store, bid):
    st = items_in(store, bid, Section.STATEMENTS)
    composer.set_included(store, st[0].id, False)
    composer.annotate(store, st[1].id, "Lead with this")
    composer.move_item(store, st[1].id, Section.STATEMENTS, 0)
    composer.add_text(store, bid, "Invite him to Belgrade")
    before = {i.id: i for i in store.briefing_items(bid)}
    tok = store.people_named("Tokayev")[0]
    new = Statement(speaker_id=tok.id, text="Kazakhstan values its friendship with Serbia",
                    date=PartialDate(2026, 1), topics=["trade"], source_ids=[1])
    store.add(new)
    added = composer.add_draft(store, bid)
    assert len(added.item_ids) == 1
    after = {i.id: i for i in store.briefing_items(bid)}
    for iid, old in before.items():
        assert after[iid] == old  # same place, tick, note, text
    fresh = after[added.item_ids[0]]
    assert (fresh.ref_kind, fresh.ref_id, fresh.section) == ("statement", new.id, "statements")
    assert "speaker is the counterpart" in fresh.reason


def test_refresh_does_not_bring_back_what_the_user_removed(store, bid):
    fig = items_in(store, bid, Section.FIGURES)[0]
    removed = composer.remove_items(store, [fig.id])
    again = composer.add_draft(store, bid)
    assert again.item_ids == [] and again.dismissed == [f"figure:{fig.ref_id}"]
    composer.restore_items(store, removed)  # undo: back, and no longer dismissed
    composer.remove_items(store, [fig.id], dismiss=False)  # undoing an add: not dismissed
    assert len(composer.add_draft(store, bid).item_ids) == 1
    # removed, then added by hand: no longer dismissed either
    fig2 = items_in(store, bid, Section.FIGURES)[-1]
    composer.remove_items(store, [fig2.id])
    composer.add_records(store, bid, [f"figure:{fig2.ref_id}"])
    copy = composer.duplicate(store, bid)
    assert composer.add_draft(store, copy).item_ids == []


def test_a_copy_remembers_what_was_removed(store, bid):
    fig = items_in(store, bid, Section.FIGURES)[0]
    composer.remove_items(store, [fig.id])
    copy = composer.duplicate(store, bid)
    assert composer.add_draft(store, copy).dismissed == [f"figure:{fig.ref_id}"]


def test_refresh_does_not_duplicate_the_profile_text(store, bid):
    composer.add_draft(store, bid)
    texts = [i for i in items_in(store, bid, Section.PROFILE) if i.ref_kind is None]
    assert len(texts) == 1 and texts[0].reason == composer.PROFILE_REASON


# ----------------------------------------------------------------------- whole briefings
def test_duplicate_copies_order_ticks_notes_and_points(store, bid):
    st = items_in(store, bid, Section.STATEMENTS)
    composer.set_included(store, st[0].id, False)
    composer.annotate(store, st[1].id, "Key line")
    composer.move_item(store, st[1].id, Section.STATEMENTS, 0)
    composer.add_text(store, bid, "Thank him for the Golden Eagle Order")
    copy = composer.duplicate(store, bid, date="2026-05")
    old, new = store.get(Kind.BRIEFING, bid), store.get(Kind.BRIEFING, copy)
    assert new.title == "Meeting with President Tokayev (copy)" and new.date == PartialDate(2026, 5)
    assert new.uuid != old.uuid and new.status == "draft"

    def shape(b):
        return [(i.section, i.position, i.ref_kind, i.ref_id, i.text, i.annotation, i.included)
                for i in b.items]

    assert shape(new) == shape(old)
    # editing the copy leaves the original alone
    composer.annotate(store, new.items[0].id, "only in the copy")
    assert all(i.annotation != "only in the copy" for i in store.briefing_items(bid))


def test_trash_and_restore_a_briefing(store, bid):
    assert [r.id for r in composer.briefings(store)] == [bid]
    row = composer.briefings(store)[0]
    assert row.counterpart_name == "Kassym-Jomart Tokayev" and row.items == row.included > 10
    composer.trash_briefing(store, bid)
    assert composer.briefings(store) == []
    composer.restore_briefing(store, bid)
    assert [r.id for r in composer.briefings(store)] == [bid]
    with pytest.raises(composer.ComposerError):
        composer.trash_briefing(store, 999)
