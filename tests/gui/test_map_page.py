"""The grid map in its Qt page, offscreen and with no network: it draws the grids in their
colours, a click on a grid reaches Python through QWebChannel, a selection in the organisation
browser highlights the grid, and one changed event is redrawn without rebuilding the page.
One page is shared by the module (QtWebEngine is slow to start)."""
from __future__ import annotations

import argparse
import json
import time

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest

from desk.bootstrap import open_context
from desk.cli import main as desk_main
from desk.views.backend import Backend
from desk.views.bus import ChangeBus
from desk.views.map import style
from desk.views.map.markers import MapMarker
from desk.views.map.page import MapPage
from desk.views.org_browser import OrgBrowser
from desk.services.unit import Change
from desk.views.workers import DbWorker

pytestmark = pytest.mark.gui
BACKGROUND = (0xE9, 0xEE, 0xF2)   # desk-map.css .leaflet-container
FILL_OPACITY = 0.62


def wait_until(qapp, predicate, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        qapp.processEvents()
        value = predicate()
        if value:
            return value
        time.sleep(0.01)
    raise AssertionError("timed out waiting")


def js(qapp, page: MapPage, code: str):
    out = []
    page.run_js(f"JSON.stringify({code})", lambda v: out.append(v))
    wait_until(qapp, lambda: out, 10)
    return json.loads(out[0]) if out[0] is not None else None


class Shared:
    def __init__(self, qapp, tmp_path_factory):
        url = f"sqlite:///{tmp_path_factory.mktemp('map') / 'demo.db'}"
        assert desk_main(["demo", "--db", url]) == 0
        self.ctx = open_context(argparse.Namespace(db=url))
        self.bus, self.worker = ChangeBus(), DbWorker()
        self.backend = Backend(self.ctx, self.worker, self.bus)
        self.page = MapPage(self.backend)
        self.errors: list[str] = []
        self.page.js_error.connect(self.errors.append)
        self.loads: list[bool] = []
        self.page.map_loaded.connect(self.loads.append)
        self.drawn: list[str] = []
        self.page.map_drawn.connect(self.drawn.append)
        self.page.resize(1280, 820)


@pytest.fixture(scope="module")
def shared(qapp, tmp_path_factory):
    s = Shared(qapp, tmp_path_factory)
    yield s
    s.page.close()
    if s.page.web_page is not None:
        s.page.web_page.deleteLater()
    s.page.deleteLater()
    qapp.sendPostedEvents(None, QEvent.DeferredDelete)
    qapp.processEvents()
    s.worker.stop()
    s.ctx.db.dispose()


@pytest.fixture
def map_page(qapp, shared):
    shared.page.show()
    if not shared.drawn:
        shared.page.activate()
    try:
        wait_until(qapp, lambda: shared.drawn)
        wait_until(qapp, lambda: js(qapp, shared.page, "deskMap.stats()")["drawn"])
    except AssertionError:
        shared.page.hide()
        raise AssertionError(f"the map was not drawn; JavaScript errors: {shared.errors}") from None
    yield shared.page
    assert not shared.errors, f"JavaScript errors on the map: {shared.errors}"
    shared.page.hide()
    qapp.processEvents()


def blend(hex_colour: str) -> tuple[int, int, int]:
    rgb = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return tuple(round(FILL_OPACITY * c + (1 - FILL_OPACITY) * b) for c, b in zip(rgb, BACKGROUND))


def colour_share(image, rgb, tolerance=6) -> float:
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = image.pixelColor(x, y)
            total += 1
            if abs(c.red() - rgb[0]) <= tolerance and abs(c.green() - rgb[1]) <= tolerance \
                    and abs(c.blue() - rgb[2]) <= tolerance:
                hits += 1
    return hits / total


def test_the_map_draws_every_grid_offline_in_its_standard_colours(qapp, shared, map_page, tmp_path):
    grids = len(js(qapp, map_page, "Object.keys(DESK_MAP)"))  # the page's data arrived
    assert grids > 0
    stats = wait_until(qapp, lambda: (s := js(qapp, map_page, "deskMap.stats()")) and s["paths"] >= 41 and s)
    assert stats["grids"] == 41 and stats["channel"]
    paths = js(qapp, map_page, "document.querySelectorAll('path.leaflet-interactive').length")
    assert paths >= 41
    image = map_page.view.grab().toImage()
    assert colour_share(image, blend(style.SIZE_COLOURS["ok"])) > 0.05      # most grids: within the standard
    assert colour_share(image, blend(style.SIZE_COLOURS["large"])) > 0.005  # the demo's oversized grids
    assert colour_share(image, blend(style.SIZE_COLOURS["dedicated"])) > 0.002
    out = tmp_path / "map.png"
    assert map_page.export_png(out) and out.stat().st_size > 10_000


def test_clicking_a_grid_on_the_map_opens_its_profile_in_the_panel(qapp, shared, map_page):
    clicked: list[int] = []
    map_page.bridge.grid_clicked.connect(clicked.append)
    grid_id = int(js(qapp, map_page, "Object.keys(DESK_MAP) && window[DESK_MAP.grids].getLayers()[0]"
                                     ".feature.properties.id"))
    point = js(qapp, map_page, f"deskMap.gridPoint({grid_id})")
    QTest.mouseClick(map_page.view.focusProxy(), Qt.LeftButton, Qt.NoModifier,
                     QPoint(round(point["x"]), round(point["y"])))
    wait_until(qapp, lambda: clicked)
    assert clicked == [grid_id]
    wait_until(qapp, lambda: "网格长" in map_page.panel.details.text())
    assert "第1网格" in map_page.panel.head.text() and "标准" in map_page.panel.details.text()
    school = next(g.id for g in map_page._layers.grids if "中学" in g.name)
    map_page.select_grid(school)
    wait_until(qapp, lambda: "中学" in map_page.panel.head.text())
    assert "专属网格 · 学校" in map_page.panel.head.text() and "school" not in map_page.panel.head.text()
    map_page.select_grid(grid_id)
    wait_until(qapp, lambda: "第1网格" in map_page.panel.head.text())
    assert js(qapp, map_page, "deskMap.highlightedId") == str(grid_id)
    wait_until(qapp, lambda: "本月走访覆盖" in map_page.panel.visits_box.text())  # the registry's visits section


def test_selecting_a_grid_in_the_organisation_browser_highlights_it_on_the_map(qapp, shared, map_page):
    org = OrgBrowser(shared.backend)
    org.grid_selected.connect(map_page.select_grid)
    org.reload()
    wait_until(qapp, lambda: org._loaded)
    loads_before = len(shared.loads)
    grid_id = int(js(qapp, map_page, "window[DESK_MAP.grids].getLayers()[7].feature.properties.id"))
    org.select_grid(grid_id)
    wait_until(qapp, lambda: js(qapp, map_page, "deskMap.highlightedId") == str(grid_id))
    assert len(shared.loads) == loads_before   # a JavaScript call, not a page rebuild
    org.deleteLater()


def test_changed_events_are_redrawn_on_the_map_without_rebuilding_the_page(qapp, shared, map_page):
    markers = [MapMarker(f"e{i}", 33.29 + i * 0.001, 113.51 + i * 0.001, "normal", False, f"事件{i}") for i in range(20)]
    map_page.set_markers(markers)
    wait_until(qapp, lambda: js(qapp, map_page, "deskMap.stats()")["markers"] == 20)
    js(qapp, map_page, "(window.__probe = 'same page')")
    loads_before = len(shared.loads)
    done = []
    map_page.update_marker(MapMarker("e3", 33.293, 113.513, "critical", True, "事件3 已超期"), done.append)
    wait_until(qapp, lambda: done)
    assert js(qapp, map_page, "deskMap.markerStyle('e3')")["fill"] == style.OVERDUE_COLOUR
    map_page.update_marker(MapMarker("e99", 33.30, 113.52, "urgent", False, "新事件"))
    map_page.remove_marker("e0")
    wait_until(qapp, lambda: js(qapp, map_page, "deskMap.markerStyle('e0')") is None)
    assert js(qapp, map_page, "deskMap.markerStyle('e99')")["fill"] == style.URGENCY_COLOURS["urgent"]
    assert js(qapp, map_page, "deskMap.stats()")["markers"] == 20
    assert js(qapp, map_page, "window.__probe") == "same page" and len(shared.loads) == loads_before
    assert map_page.status.text().endswith("事件 20 件")   # the count over the map follows the events shown

    # Connected to a source of events: the change feed brings a new one; grids coloured by event counts.
    grid = json.loads(json.dumps(js(qapp, map_page, "window[DESK_MAP.grids].getLayers()[3].feature.properties")))
    centre = js(qapp, map_page, "(function(){var c = window[DESK_MAP.grids].getLayers()[3].getBounds().getCenter();"
                                "return {lat: c.lat, lon: c.lng};})()")
    events = [MapMarker("a1", centre["lat"], centre["lon"], "urgent", False, "噪音扰民")]
    map_page.set_marker_source(lambda ctx: list(events), topics=("events_on_map",))
    wait_until(qapp, lambda: js(qapp, map_page, "deskMap.markerStyle('a1')") is not None)
    assert js(qapp, map_page, "deskMap.stats()")["markers"] == 1
    events.append(MapMarker("a2", centre["lat"], centre["lon"], "critical", True, "消防通道堵塞"))
    map_page.on_changes([Change("event", "a2", "insert")])    # as the change feed delivers it
    wait_until(qapp, lambda: js(qapp, map_page, "deskMap.markerStyle('a2')") is not None)
    assert map_page.counts_for("overdue_events") == {grid["id"]: 1}
    assert map_page.counts_for("open_events") == {grid["id"]: 2}
    map_page.figure.setCurrentIndex(map_page.figure.findData("overdue_events"))
    wait_until(qapp, lambda: js(qapp, map_page, f"window[DESK_MAP.grids].getLayers()[3].options.fillColor")
               == style.count_colour(1))
    assert len(shared.loads) == loads_before    # all of it without rebuilding the page
    map_page.figure.setCurrentIndex(0)

    # An event that changes while the page is being rebuilt (a grid was re-imported) is not lost.
    drawn_before = len(shared.drawn)
    map_page.rebuild()
    events[0] = MapMarker("a1", centre["lat"], centre["lon"], "critical", True, "噪音扰民 已超期")
    map_page.on_changes([Change("event", "a1", "update")])
    wait_until(qapp, lambda: len(shared.drawn) > drawn_before)
    wait_until(qapp, lambda: (js(qapp, map_page, "deskMap.markerStyle('a1')") or {}).get("overdue"))


LABEL_REPORT = """(function () {
  var m = window[DESK_MAP.map], shown = 0, spilled = [], shortened = 0;
  window[DESK_MAP.grids].getLayers().forEach(function (l) {
    var el = l.getTooltip().getElement();
    if (!el || getComputedStyle(el).display === 'none') { return; }
    var b = l.getBounds();
    var w = m.latLngToContainerPoint(b.getNorthEast()).x - m.latLngToContainerPoint(b.getSouthWest()).x;
    shown += 1;
    if (el.offsetWidth > w + 4) { spilled.push(l.feature.properties.name); }
    if (l.feature.properties.dedicated && el.innerHTML !== l.feature.properties.label) { shortened += 1; }
  });
  return {shown: shown, spilled: spilled, shortened: shortened, zoom: m.getZoom()};
})()"""


def test_police_beats_are_named_on_the_map_and_grid_names_stay_inside_their_grids(qapp, shared, map_page):
    beats = js(qapp, map_page, "DESK_MAP.beatLabels.length")
    assert beats == 5     # the demo street's police beats
    assert js(qapp, map_page, "document.querySelectorAll('.desk-beat-label').length") == beats
    assert "警务区" in js(qapp, map_page, "document.querySelector('.desk-beat-label').textContent")
    reports = {}
    for zoom in (14.5, 16):
        js(qapp, map_page, f"window[DESK_MAP.map].setZoom({zoom}, {{animate: false}}) && true")
        wait_until(qapp, lambda: js(qapp, map_page, "window[DESK_MAP.map].getZoom()") == zoom)
        reports[zoom] = report = js(qapp, map_page, LABEL_REPORT)
        assert report["shown"] > 0 and report["spilled"] == [], report
    assert reports[14.5]["shortened"] > 0      # small on screen: the dedicated grids' long names are shortened
    map_page.run_js("deskMap.fitAll()")


def test_on_a_big_screen_the_street_stays_fitted_and_the_legend_and_title_grow(qapp, shared, map_page):
    map_page.run_js("deskMap.fitAll()")
    size = "[parseFloat(getComputedStyle(document.getElementById('desk-legend')).fontSize), " \
           "parseFloat(getComputedStyle(document.getElementById('desk-title')).fontSize), " \
           "window[DESK_MAP.map].getZoom()]"
    legend, title, zoom = js(qapp, map_page, size)
    try:
        map_page.resize(1920, 1080)
        big = wait_until(qapp, lambda: (s := js(qapp, map_page, size)) and s[2] > zoom and s)
        assert big[0] > legend and big[1] > title
    finally:
        map_page.resize(1280, 820)
        wait_until(qapp, lambda: js(qapp, map_page, size)[2] == zoom)


def test_the_scale_bar_is_metric_only_and_the_credit_has_no_flag(qapp, shared, map_page):
    scales = js(qapp, map_page, "Array.from(document.querySelectorAll('.leaflet-control-scale-line'))"
                                ".map(e => e.textContent)")
    assert scales and all(("m" in s and "ft" not in s and "mi" not in s) for s in scales)
    credit = js(qapp, map_page, "document.querySelector('.leaflet-control-attribution').innerHTML")
    assert "Leaflet" in credit and "<svg" not in credit
