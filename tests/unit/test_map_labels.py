"""Where the map's labels go: police beat names clear of community and grid names, and dedicated
grid names that have shorter forms for small grids."""
from dataclasses import dataclass

from shapely.geometry import Point, box, mapping, shape

from desk.views.map.placement import beat_label_points, grid_label_texts, text_pixels


@dataclass(frozen=True)
class Beat:
    name: str
    geometry: dict


def test_a_beat_name_moves_off_a_community_name_that_sits_on_its_representative_point():
    area = box(113.50, 33.30, 113.52, 33.31)
    rep = area.representative_point()
    beat = Beat("金桥社区警务区", mapping(area))
    community = [(rep.x, rep.y, "金桥社区")]
    (x, y), = beat_label_points([beat], [], community)
    assert area.contains(Point(x, y))
    assert (x, y) != (rep.x, rep.y)
    alone, = beat_label_points([beat], [], [])
    assert alone == (rep.x, rep.y)   # nothing in the way: the representative point


def test_two_beats_labels_are_kept_apart_and_each_stays_in_its_own_beat():
    left, right = box(113.50, 33.30, 113.51, 33.31), box(113.51, 33.30, 113.52, 33.31)
    beats = [Beat("白云社区、院庄村警务区", mapping(left)), Beat("龙山社区、胡庄村警务区", mapping(right))]
    grid_names = [(113.505, 33.305, "第1网格"), (113.515, 33.305, "第2网格")]
    points = beat_label_points(beats, grid_names, [])
    for beat, (x, y) in zip(beats, points):
        assert shape(beat.geometry).contains(Point(x, y))
        assert all((x, y) != (gx, gy) for gx, gy, _ in grid_names)


def test_a_dedicated_grid_with_a_long_name_offers_shorter_labels_widest_first():
    texts = grid_label_texts("【专】舞钢市第一中学", True, "【专】")
    assert texts[0][0] == "【专】舞钢市第一中学" and texts[0][2] == 1
    assert texts[1][0] == "【专】<br>舞钢市第一中学" and texts[1][2] == 2
    assert texts[2][0] == "【专】<br>舞钢市第…"
    assert texts[-1][0] == "专"
    widths = [w for _t, w, _n in texts]
    assert widths == sorted(widths, reverse=True)


def test_an_ordinary_grid_has_only_its_name_and_names_are_escaped():
    assert grid_label_texts("第3网格", False, "【专】") == [("第3网格", text_pixels("第3网格"), 1)]
    assert grid_label_texts("A<b>", False, "【专】")[0][0] == "A&lt;b&gt;"
