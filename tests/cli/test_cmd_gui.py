"""``briefing gui`` (the default command): a clear error without a display."""

from __future__ import annotations

from briefing.cli import main


def test_gui_without_a_display_is_one_clear_line(monkeypatch, tmp_path, capsys):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    db = tmp_path / "store.sqlite"
    assert main(["--db", str(db), "gui"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing: no display") and "Traceback" not in err
    assert main(["--db", str(db)]) == 2  # gui is the default command
    assert not db.exists()  # nothing was created
