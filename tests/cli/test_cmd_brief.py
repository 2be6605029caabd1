"""``briefing brief …``: the composer headless, as a user would drive it."""

from __future__ import annotations

import json
import shutil

import pytest

from briefing.cli import main


@pytest.fixture
def db(tmp_path, demo_store_template):
    path = tmp_path / "store.sqlite"
    shutil.copyfile(demo_store_template, path)
    return str(path)


@pytest.fixture
def run(db, capsys):
    def _run(*argv, ok=True):
        code = main(["--db", db, "brief", *argv])
        out, err = capsys.readouterr()
        if ok:
            assert code == 0, err
        return code, out, err
    return _run


def run_json(run, *argv):
    return json.loads(run(*argv, "--json")[1])


def new_tokayev(run) -> int:
    _, out, _ = run("new", "--title", "Meeting with President Tokayev", "--country", "Kazakhstan",
                    "--person", "Tokayev", "--date", "2026-12", "--place", "Astana")
    return int(out.strip())


def test_new_prints_the_id_and_list_shows_it(run):
    bid = new_tokayev(run)
    assert bid == 1
    rows = run_json(run, "list")
    assert rows[0]["title"] == "Meeting with President Tokayev"
    assert (rows[0]["counterpart_country"], rows[0]["our_country"]) == ("KZ", "RS")
    assert "Meeting with President Tokayev" in run("list")[1]
    made = run_json(run, "new", "--title", "Aliyev", "--country", "AZ", "--our-country", "Srbija",
                    "--classification", "secret")
    assert made["classification"] == "SECRET" and made["our_country"] == "RS"


def test_suggest_ranks_with_reasons(run):
    bid = new_tokayev(run)
    sugs = run_json(run, "suggest", str(bid))
    assert all(s["reasons"] for s in sugs)
    assert any("speaker is the counterpart" in s["reasons"] for s in sugs)
    assert sugs[0]["rank"] == 1 and sugs[0]["score"] >= sugs[-1]["score"]
    text = run("suggest", str(bid))[1]
    assert "because:" in text and "counterpart is the guest" in text


def test_the_headless_round_trip(run):
    """Create, take the draft, untick one, move one up, two talking points, show."""
    bid = new_tokayev(run)
    assert "added 19 item(s)" in run("add", str(bid), "--auto")[1]
    shown = run_json(run, "show", str(bid))
    sections = {s["section"]: s["items"] for s in shown["sections"]}
    labels = " ".join(i["label"] for items in sections.values() for i in items)
    for expected in ("We put stress", "60 Serbian companies", "self-propelled artillery",
                     "high-energy materials", "pharmaceutical production", "[negotiating]",
                     "more than 7%", "as much as 80%", "60 companies",
                     "Does not recognise Kosovo's independence"):
        assert expected in labels, expected
    assert "gas-turbine power plant [" not in labels
    visits = [i["label"] for i in sections["visits"]]
    assert visits[0].startswith("November 2024: Kassym-Jomart Tokayev visits Belgrade")
    assert "Aleksandar Vučić visits Astana, Kazakhstan" in visits[1]

    figures = sections["figures"]
    run("exclude", str(figures[2]["id"]))
    agreements = sections["agreements"]
    run("move", str(agreements[-1]["id"]), "1")
    run("point", str(bid), "Thank President Tokayev for the position on Kosovo")
    run("point", str(bid), "Invite him to Belgrade in 2027")
    run("annotate", str(agreements[0]["id"]), "Ask about the delivery schedule")

    after = {s["section"]: s["items"] for s in run_json(run, "show", str(bid))["sections"]}
    assert [i["included"] for i in after["figures"]] == [True, True, False]
    assert after["agreements"][0]["id"] == agreements[-1]["id"]
    assert [i["text"] for i in after["talking_points"]] == [
        "Thank President Tokayev for the position on Kosovo", "Invite him to Belgrade in 2027"]
    note = next(i for i in after["agreements"] if i["id"] == agreements[0]["id"])
    assert note["annotation"] == "Ask about the delivery schedule"
    text = run("show", str(bid))[1]
    assert "[ ] #" in text and "note: Ask about the delivery schedule" in text
    # refresh adds nothing and undoes nothing
    assert "added 0 item(s)" in run("add", str(bid), "--auto")[1]
    again = {s["section"]: s["items"] for s in run_json(run, "show", str(bid))["sections"]}
    assert again == after


def test_add_records_by_hand_duplicate_and_delete(run):
    bid = new_tokayev(run)
    added = run_json(run, "add", str(bid), "statement:6", "stance:4")
    assert len(added["added"]) == 2
    again = run_json(run, "add", str(bid), "statement:6")
    assert again == {"added": [], "already_there": ["statement:6"], "removed_before": []}
    run("add", str(bid), "agreement:6", "--section", "talking_points")
    shown = {s["section"]: s["items"] for s in run_json(run, "show", str(bid))["sections"]}
    assert shown["talking_points"][0]["ref"] == "agreement:6"
    copy = int(run("duplicate", str(bid), "--title", "Next meeting")[1])
    assert [r["title"] for r in run_json(run, "list")] == ["Next meeting",
                                                           "Meeting with President Tokayev"]
    run("delete", str(copy))
    assert [r["id"] for r in run_json(run, "list")] == [bid]
    assert run("remove", str(shown["talking_points"][0]["id"]))[1].startswith("removed 1")


@pytest.mark.parametrize("argv, message", [
    (["new", "--title", "x", "--country", "Kazakstn"], "unknown country 'Kazakstn' (did you mean Kazakhstan"),
    (["new", "--title", "x", "--country", "KZ", "--person", "Tokaiev"], "did you mean"),
    (["new", "--title", "x"], "counterpart country or person"),
    (["new", "--title", "x", "--country", "KZ", "--date", "soon"], "is not a date"),
    (["show", "42"], "no briefing with id 42"),
    (["suggest", "42"], "no briefing with id 42"),
    (["add", "1"], "--auto"),
    (["add", "1", "nonsense", "--auto"], "KIND:ID"),
    (["annotate", "999", "x"], "no briefing item with id 999"),
    (["move", "999", "0"], "positions start at 1"),
    (["add", "1", "statement:1", "--section", "nowhere"], "unknown section 'nowhere'"),
])
def test_bad_input_is_one_clear_line(run, argv, message):
    new_tokayev(run)
    code, out, err = run(*argv, ok=False)
    assert code != 0
    assert message in err
    assert err.startswith("briefing: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_record_deleted_after_adding_shows_as_removed(run, db):
    from briefing.domain import Kind
    from briefing.store import Store

    bid = new_tokayev(run)
    run("add", str(bid), "--auto")
    with Store.open(db) as store:
        store.trash(Kind.AGREEMENT, 5)
    text = run("show", str(bid))[1]
    assert "Agreement: Localisation of Serbian pharmaceutical production in Kazakhstan " \
           "(removed from the store)" in text
    shown = run_json(run, "show", str(bid))
    removed = [i for s in shown["sections"] for i in s["items"] if i["removed"]]
    assert [i["ref"] for i in removed] == ["agreement:5"]


def test_what_the_user_removed_stays_out_when_the_draft_is_taken_again(run):
    bid = new_tokayev(run)
    run("add", str(bid), "--auto")
    shown = {s["section"]: s["items"] for s in run_json(run, "show", str(bid))["sections"]}
    gone = shown["figures"][0]
    run("remove", str(gone["id"]))
    out = run("add", str(bid), "--auto")[1]
    assert "added 0 item(s)" in out and "1 left out because they were removed before" in out
    assert run_json(run, "add", str(bid), gone["ref"])["added"]  # by hand it comes back
