"""Map figures: 500 grid polygons + 5,000 event markers from request to fully drawn (target
<= 1.5 s), and one changed marker reflected on the page (a runJavaScript round trip, target
<= 100 ms). Offscreen QtWebEngine, no network. Prints medians with their targets."""
from __future__ import annotations

import os
import platform
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

BUILD_RUNS, UPDATE_RUNS = 5, 50
X0, Y0, W, H = 113.495, 33.275, 0.066, 0.054


def _square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def synthetic_layers(cols=25, rows=20):
    from desk.services.geo.mapdata import AreaShape, BeatShape, GridShape, MapLayers

    rng = random.Random(5)
    dx, dy = W / cols, H / rows
    grids, gid = [], 0
    for c in range(cols):
        for r in range(rows):
            gid += 1
            comm = f"社区{c // 5 + 1}{'东' if r < rows // 2 else '西'}"
            kind = "dedicated" if gid % 37 == 0 else "comprehensive"
            hh = rng.randint(150, 700)
            grids.append(GridShape(gid, f"G{gid:04d}", f"{comm}第{gid}网格", comm, kind, None, hh, round(hh * 2.6),
                                   _square(X0 + c * dx, Y0 + r * dy, X0 + (c + 1) * dx, Y0 + (r + 1) * dy)))
    communities = tuple(AreaShape(i, f"C{i}", f"社区{i // 2 + 1}{'东西'[i % 2]}",
                                  _square(X0 + (i // 2) * W / 5, Y0 + (i % 2) * H / 2,
                                          X0 + (i // 2 + 1) * W / 5, Y0 + (i % 2 + 1) * H / 2)) for i in range(10))
    beats = tuple(BeatShape(i, f"J{i}", f"第{i + 1}警务区", "民警", _square(X0 + i * W / 5, Y0, X0 + (i + 1) * W / 5, Y0 + H))
                  for i in range(5))
    street = AreaShape(1, "410481004", "院岭街道", _square(X0, Y0, X0 + W, Y0 + H))
    return MapLayers(street, communities, tuple(grids), beats)


def synthetic_markers(n=5000):
    from desk.views.map.markers import MapMarker

    rng = random.Random(7)
    return [MapMarker(f"e{i}", Y0 + rng.random() * H, X0 + rng.random() * W,
                      rng.choice(("normal", "normal", "urgent", "critical")), rng.random() < 0.1, f"事件{i}")
            for i in range(n)]


def main() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from PySide6.QtWidgets import QApplication

    from desk.views.map.markers import MapMarker
    from desk.views.map.page import MapPage

    app = QApplication.instance() or QApplication(sys.argv[:1])
    errors: list[str] = []
    page = MapPage(backend=None)
    page.js_error.connect(errors.append)
    page.resize(1600, 950)
    page.show()
    layers, markers = synthetic_layers(), synthetic_markers()
    page.set_markers(markers)  # before the first load: kept for the build

    def wait(pred, timeout=30.0):
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            app.processEvents()
            if pred():
                return True
            time.sleep(0.002)
        raise RuntimeError(f"timed out; JS errors: {errors}")

    def js_value(code):
        out = []
        page.run_js(code, out.append)
        wait(lambda: out)
        return out[0]

    builds = []
    for _ in range(BUILD_RUNS + 1):  # the first run warms QtWebEngine up and is not counted
        drawn: list[str] = []
        page.map_drawn.connect(drawn.append)
        t0 = time.perf_counter()
        page.show_layers(layers)
        wait(lambda: drawn)
        wait(lambda: js_value("deskMap.drawn && deskMap.eventsLoaded && "
                              "document.querySelectorAll('path.leaflet-interactive').length >= 500"))
        builds.append(time.perf_counter() - t0)
        page.map_drawn.disconnect()
    stats = js_value("JSON.stringify(deskMap.stats())")
    updates = []
    rng = random.Random(3)
    for i in range(UPDATE_RUNS):
        m = markers[rng.randrange(len(markers))]
        changed = MapMarker(m.id, m.lat, m.lon, "critical", not m.overdue, m.label + " 已更新")
        done = []
        t0 = time.perf_counter()
        page.update_marker(changed, done.append)
        wait(lambda: done)
        updates.append(time.perf_counter() - t0)
    build_median, update_median = statistics.median(builds[1:]), statistics.median(updates)
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"map 500 grids + 5000 events, request → drawn: median {build_median:.3f} s over {BUILD_RUNS} "
          f"(target ≤ 1.5 s) {'OK' if build_median <= 1.5 else 'MISSED'}; page {stats}")
    print(f"one changed event on the map (runJavaScript round trip): median {update_median * 1000:.1f} ms over "
          f"{UPDATE_RUNS} (target ≤ 100 ms) {'OK' if update_median <= 0.1 else 'MISSED'}")
    if errors:
        print(f"JavaScript errors: {errors}")
    if len(sys.argv) > 1:
        page.grab().save(sys.argv[1])
    page.close()


if __name__ == "__main__":
    main()
