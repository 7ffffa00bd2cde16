"""The map page as built by folium: nothing is fetched from the internet."""
import json
import re

from desk.services.geo.mapdata import AreaShape, GridShape, MapLayers
from desk.views.map.builder import MapOptions, build_html, tile_url
from desk.views.map.markers import MapMarker


def square(x, y, d=0.01):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


def layers():
    return MapLayers(AreaShape(1, "410481004", "院岭街道", square(113.5, 33.28, 0.02)),
                     (AreaShape(1, "410481004001", "兴钢社区", square(113.5, 33.28, 0.02)),),
                     (GridShape(1, "410481004001001", "兴钢社区第1网格", "兴钢社区", "comprehensive", None, 420, 1100,
                                square(113.5, 33.28)),
                      GridShape(2, "410481004001002", "兴钢社区第一中学专属网格", "兴钢社区", "dedicated", "school", 0,
                                900, square(113.51, 33.28))), ())


def test_the_page_loads_every_script_and_stylesheet_from_the_package_not_a_cdn():
    html = build_html(layers(), [MapMarker("e1", 33.29, 113.505, "urgent", True, "测试")], MapOptions(title="院岭街道"))
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith(("file://", "qrc:")) for s in sources), sources
    assert "leaflet.js" in html and "qwebchannel.js" in html and "网格着色" in html
    label = "【专】第一中学"   # dedicated grids are marked (folium may write JSON with \\u escapes)
    assert label in html or json.dumps(label)[1:-1] in html


def test_base_map_is_none_unless_a_tile_folder_or_url_is_configured(tmp_path):
    assert tile_url(None) is None
    assert tile_url("https://t0.example/{z}/{x}/{y}.png") == "https://t0.example/{z}/{x}/{y}.png"
    (tmp_path / "14" / "1").mkdir(parents=True)
    (tmp_path / "14" / "1" / "2.jpg").write_bytes(b"x")
    assert tile_url(str(tmp_path)).endswith("/{z}/{x}/{y}.jpg")
    assert tile_url(str(tmp_path / "missing")) is None
    assert "tileLayer" not in build_html(layers(), [])
