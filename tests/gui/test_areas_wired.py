"""The areas work together in the window: the board's dispatch goes through the dispatch dialog,
and the board's open events are the map's markers and fill a grid's profile."""
import pytest
from PySide6.QtWidgets import QApplication

from desk.app import grid_open_events, map_markers
from desk.services.incidents.rows import open_events

pytestmark = pytest.mark.gui


def test_dispatching_from_an_event_opens_the_dispatch_dialog_not_a_bare_list(shell, demo_ctx, qtbot, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the screens are checked on SQLite; the services on both engines")
    from desk.views.dispatch import DispatchDialog

    event = next(r for r in open_events(demo_ctx) if r.status in ("accepted", "returned", "in_grid", "reopened"))
    board = shell.window.page("board")
    dlg = board.open_event(event.id)
    qtbot.waitUntil(lambda: dlg.detail is not None, timeout=5000)
    dlg.run("dispatch")
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, DispatchDialog) and w.isVisible()]
    assert len(found) == 1
    for w in (*found, dlg):
        w.close()


def test_every_open_event_of_a_grid_is_a_marker_inside_the_street(demo_ctx):
    rows = open_events(demo_ctx)
    markers = map_markers(demo_ctx)
    assert {m.id for m in markers} == {str(r.id) for r in rows if r.grid_id is not None}
    assert all(113.49 < m.lon < 113.57 and 33.27 < m.lat < 33.33 for m in markers)
    overdue = {str(r.id) for r in rows if r.deadline(demo_ctx.clock.now()) == "red"}
    assert {m.id for m in markers if m.overdue} == overdue


def test_a_grid_profile_lists_that_grids_open_events(demo_ctx):
    rows = [r for r in open_events(demo_ctx) if r.grid_id is not None]
    grid_id = rows[0].grid_id
    listed = grid_open_events(demo_ctx, grid_id)
    assert sorted(e[0] for e in listed) == sorted(r.id for r in rows if r.grid_id == grid_id)
