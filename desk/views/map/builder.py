"""Building the map page with folium: vendored Leaflet (no CDN), the street, communities,
grids and beats as GeoJSON layers, events as one clustered layer, a Chinese legend.
Pure Python (runs on a pool thread); the page is written to a file because setHtml stops at 2 MB."""
from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path
import folium
from branca.element import Element
from PySide6.QtCore import QCoreApplication
from shapely.geometry import shape

from desk import resources
from desk.services.geo.mapdata import MapLayers
from desk.views.map import style
from desk.views.map.markers import MapMarker
from desk.views.map.placement import beat_label_points, grid_label_texts

DEFAULT_CENTRE = (33.30, 113.52)
GRID_LABEL_PIXELS = 70   # grid names show once a typical grid is this wide on screen


@dataclass(frozen=True)
class MapOptions:
    figure: str = "households"
    tiles: str | None = None          # None, a tile folder, or a URL template with {z}/{x}/{y}
    title: str = ""
    counts: tuple[tuple[int, int], ...] = ()   # (grid id, count) for the event figures
    late: tuple[int, ...] = ()         # grids with overdue events: outlined (the big screen)
    wall: bool = False                 # the big screen: read-only, no layer switcher, no people's names


def _asset(*parts: str) -> str:
    return resources.path("web", *parts).as_uri()


def tile_url(tiles: str | None) -> str | None:
    """A Leaflet tile URL for Settings.map_tiles: a folder of z/x/y.png, or a URL template."""
    if not tiles:
        return None
    if "{z}" in tiles:
        return tiles
    if tiles.lower().endswith(".mbtiles"):
        return "desktiles:/{z}/{x}/{y}" if Path(tiles).expanduser().is_file() else None
    folder = Path(tiles).expanduser()
    if folder.is_dir():
        ext = "png"
        for candidate in ("png", "jpg", "jpeg", "webp"):
            if next(folder.glob(f"*/*/*.{candidate}"), None) is not None:
                ext = candidate
                break
        return folder.resolve().as_uri() + "/{z}/{x}/{y}." + ext
    return None


def grid_fill(figure: str, status: str, count: int) -> str:
    if figure == "households":
        return style.SIZE_COLOURS.get(status, "#cccccc")
    return style.count_colour(count)


def _short_dedicated(name: str) -> str:
    for suffix in ("专属网格", "网格"):   # data, not display text
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def build_html(layers: MapLayers, markers: list[MapMarker], options: MapOptions = MapOptions()) -> str:
    centre, bounds = DEFAULT_CENTRE, None
    shown = ([layers.street.geometry] if layers.street else []) or [
        x.geometry for group in (layers.communities, layers.grids, layers.beats) for x in group]
    if shown:
        boxes = [shape(g).bounds for g in shown]
        x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
        x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
        centre, bounds = ((y0 + y1) / 2, (x0 + x1) / 2), [[y0, x0], [y1, x1]]
    still = dict(zoom_control=False, dragging=False, scroll_wheel_zoom=False, double_click_zoom=False,
                 box_zoom=False, keyboard=False, touch_zoom=False) if options.wall else {}
    m = folium.Map(location=centre, zoom_start=14, tiles=None, control_scale=False, max_zoom=19,
                   zoom_snap=0.25, zoom_delta=0.5, **still)
    m.default_js = [("leaflet", _asset("leaflet", "leaflet.js")), ("jquery", _asset("jquery", "jquery.min.js")),
                    ("markercluster", _asset("markercluster", "leaflet.markercluster.js")),
                    ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"), ("desk_map", _asset("desk-map.js"))]
    m.default_css = [("leaflet_css", _asset("leaflet", "leaflet.css")),
                     ("markercluster_css", _asset("markercluster", "MarkerCluster.css")),
                     ("desk_map_css", _asset("desk-map.css"))]
    url = tile_url(options.tiles)
    if url:
        # Tianditu (CGCS2000, lines up with WGS84 shapes) spreads its tiles over t0..t7.
        subdomains = "01234567" if "tianditu" in url else "abc"
        base = QCoreApplication.translate("MapLegend", "底图")
        folium.TileLayer(tiles=url, attr=base, name=base, max_zoom=19, max_native_zoom=18,
                         subdomains=subdomains).add_to(m)

    if layers.street is not None:
        folium.GeoJson(_collection([{"type": "Feature", "geometry": layers.street.geometry,
                                     "properties": {"name": layers.street.name}}]),
                       name=QCoreApplication.translate("MapLegend", "街道边界"), interactive=False,
                       style_function=lambda f: {"color": style.STREET_STROKE, "weight": 4, "fill": False,
                                                 "dashArray": "12 6"}).add_to(m)
    counts = dict(options.counts)
    late = set(options.late)
    mark = QCoreApplication.translate("MapLegend", "【专】")
    grid_features = []
    for g in layers.grids:
        dedicated = g.kind == "dedicated"
        label = mark + _short_dedicated(g.short_name) if dedicated else g.short_name
        grid_features.append({"type": "Feature", "geometry": g.geometry, "properties": {
            "id": g.id, "code": g.code, "name": g.name, "label": label,
            "labels": [[t, round(w), n] for t, w, n in grid_label_texts(label, dedicated, mark)],
            "dedicated": dedicated, "households": g.households, "population": g.population,
            "fill": grid_fill(options.figure, g.size_status, counts.get(g.id, 0)), "late": g.id in late,
            "stroke": style.DEDICATED_STROKE if dedicated else style.GRID_STROKE}})
    grid_layer = folium.GeoJson(
        _collection(grid_features), name=QCoreApplication.translate("MapLegend", "网格"),
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "color": f["properties"]["stroke"],
                                  "weight": 1.5, "fillOpacity": 0.62})
    grid_layer.add_to(m)
    if layers.communities:
        folium.GeoJson(_collection([{"type": "Feature", "geometry": c.geometry, "properties": {"name": c.name}}
                                    for c in layers.communities]),
                       name=QCoreApplication.translate("MapLegend", "社区/村"), interactive=False,
                       style_function=lambda f: {"color": style.COMMUNITY_STROKE, "weight": 3,
                                                 "fill": False}).add_to(m)
    if layers.beats:
        folium.GeoJson(_collection([{"type": "Feature", "geometry": b.geometry,
                                     "properties": {"name": b.name, "officer": b.officer_name}}
                                    for b in layers.beats]),
                       name=QCoreApplication.translate("MapLegend", "警务区"), interactive=False,
                       style_function=lambda f: {"color": style.BEAT_STROKE, "weight": 3.5, "fill": False,
                                                 "dashArray": "10 7", "opacity": 0.9}).add_to(m)
    control = None
    if not options.wall:  # the big screen has no layer switcher (nobody clicks a projector)
        control = folium.LayerControl(collapsed=True)
        control.add_to(m)

    labels = []
    for c in layers.communities:
        p = shape(c.geometry).representative_point()
        labels.append({"name": c.name, "lat": p.y, "lon": p.x})
    grid_labels = [(c.x, c.y, f["properties"]["label"])
                   for f, c in zip(grid_features, (shape(g.geometry).centroid for g in layers.grids))]
    officer = QCoreApplication.translate("MapLegend", "社区民警 {0}")
    beat_labels = [{"name": b.name, "officer": officer.format(b.officer_name) if b.officer_name and not options.wall
                    else "",
                    "lat": y, "lon": x}
                   for b, (x, y) in zip(layers.beats, beat_label_points(
                       layers.beats, grid_labels, [(c["lon"], c["lat"], c["name"]) for c in labels]))]
    data = {"map": m.get_name(), "grids": grid_layer.get_name(), "control": control.get_name() if control else None,
            "wall": options.wall, "lateStroke": style.OVERDUE_COLOUR,
            "eventLayerName": QCoreApplication.translate("MapLegend", "事件"), "bounds": bounds,
            "gridLabelPixels": GRID_LABEL_PIXELS,
            "urgency": style.URGENCY_COLOURS, "urgencyRank": style.URGENCY_RANK, "overdue": style.OVERDUE_COLOUR,
            "communityLabels": labels, "beatLabels": beat_labels,
            "beatLabelLayerName": QCoreApplication.translate("MapLegend", "警务区名称"), "markers": [mk.feature() for mk in markers]}
    root = m.get_root()
    root.header.add_child(Element("<script>window.DESK_MAP = "
                                  + json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
                                  + ";</script>"))
    legend = style.legend_html(options.figure, late_outline=options.wall)
    root.html.add_child(Element(f'<div id="desk-legend">{legend}</div>'))
    if options.title:
        root.html.add_child(Element(f'<div id="desk-title">{escape(options.title)}</div>'))
    if not layers.grids:
        hint = QCoreApplication.translate(
            "MapLegend", "尚无网格边界。请用 <code>desk import grids 文件.geojson</code> 导入（高德/腾讯地图描绘的坐标加 <code>--crs gcj02</code>）。")
        root.html.add_child(Element(f'<div id="desk-empty">{hint}</div>'))
    return root.render()


def write_page(layers: MapLayers, markers: list[MapMarker], options: MapOptions, folder: Path, n: int) -> Path:
    """Write the page as ``folder/map-N.html`` (a new name each build: no stale cache)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"map-{n}.html"
    path.write_text(build_html(layers, markers, options), encoding="utf-8")
    for old in folder.glob("map-*.html"):
        if old != path:
            old.unlink(missing_ok=True)
    return path

