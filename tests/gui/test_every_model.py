"""Every Qt model of the app passes pytest-qt's model tester, filled with real data
from a demo store (the record-table and search-results models are checked in
test_models.py)."""

from __future__ import annotations

from pathlib import Path

from briefing.services import composer
from briefing.services.capture import Gazetteer, capture_file
from briefing.services.importing import import_files

SEED = Path(__file__).resolve().parents[2] / "db" / "demo" / "seed-article.txt"


def test_trash_and_import_problem_models(qapp, qtmodeltester, demo_store, tmp_path):
    from briefing.domain import Kind
    from briefing.gui.editing.import_report import ProblemsModel
    from briefing.gui.editing.trash_view import TrashModel

    demo_store.trash(Kind.STATEMENT, [1, 2])
    trash = TrashModel(demo_store)
    assert trash.rowCount() == 2
    qtmodeltester.check(trash, force_py=True)

    bad = tmp_path / "statements.csv"
    bad.write_text("text,speaker,date\nok,Vucic,2024\nbad,Vucic,2024-13-40\n,Vucic,2024\n",
                   encoding="utf-8")
    report = import_files(demo_store, [bad])
    problems = ProblemsModel(report.errors)
    assert problems.rowCount() == 2
    qtmodeltester.check(problems, force_py=True)


def test_briefing_list_and_tree_models(qapp, qtmodeltester, demo_store):
    from briefing.gui.composer.briefings_list import BriefingsModel
    from briefing.gui.composer.tree_model import BriefingTreeModel

    bid = composer.new_briefing(demo_store, title="Meeting with President Tokayev",
                                country="Kazakhstan", person="Tokayev")
    composer.add_draft(demo_store, bid)
    listing = BriefingsModel(demo_store)
    listing.reload()
    assert listing.rowCount() == 1
    qtmodeltester.check(listing, force_py=True)

    tree = BriefingTreeModel()
    tree.load(composer.assemble(demo_store, bid))
    assert tree.rowCount() > 0 and tree.rowCount(tree.index(0, 0)) >= 0
    qtmodeltester.check(tree, force_py=True)


def test_capture_candidates_and_completion_models(qapp, qtmodeltester, demo_store):
    from briefing.gui.capture.candidate_model import CandidateModel
    from briefing.gui.capture.session import ReviewSession
    from briefing.gui.editing.widgets import CompletionModel

    capture = capture_file(SEED, Gazetteer.from_store(demo_store))
    model = CandidateModel()
    model.rebuild(ReviewSession(demo_store, capture))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)

    completions = CompletionModel([("Србија", "Србија — Serbia (RS)"), ("Srbija", "Srbija — Serbia")])
    qtmodeltester.check(completions, force_py=True)
