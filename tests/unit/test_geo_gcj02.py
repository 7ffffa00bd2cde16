"""GCJ-02 (Amap/Tencent) ↔ WGS-84, against the published reference points."""
import pytest

from desk.services.geo import gcj02

# (WGS-84 lat, lon, GCJ-02 lat, lon): Shanghai, Shenzhen, Beijing -- the reference points used
# by the widely used open implementations of the datum.
REFERENCE = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
]


@pytest.mark.parametrize("wlat,wlon,glat,glon", REFERENCE)
def test_wgs84_point_moves_to_its_published_gcj02_position(wlat, wlon, glat, glon):
    lon, lat = gcj02.wgs84_to_gcj02(wlon, wlat)
    assert lon == pytest.approx(glon, abs=2e-6) and lat == pytest.approx(glat, abs=2e-6)


@pytest.mark.parametrize("wlat,wlon,glat,glon", REFERENCE)
def test_an_amap_coordinate_comes_back_to_wgs84_within_a_few_centimetres(wlat, wlon, glat, glon):
    lon, lat = gcj02.gcj02_to_wgs84(glon, glat)
    assert lon == pytest.approx(wlon, abs=2e-6) and lat == pytest.approx(wlat, abs=2e-6)


def test_the_offset_near_the_demo_street_is_a_few_hundred_metres_and_round_trips():
    lon, lat = gcj02.wgs84_to_gcj02(113.52, 33.30)
    assert 0.001 < abs(lon - 113.52) + abs(lat - 33.30) < 0.02
    back = gcj02.gcj02_to_wgs84(lon, lat)
    assert back == pytest.approx((113.52, 33.30), abs=1e-8)


def test_points_outside_china_are_left_alone():
    assert gcj02.wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)
    assert gcj02.gcj02_to_wgs84(2.35, 48.85) == (2.35, 48.85)


def test_nested_polygon_coordinates_are_converted_position_by_position():
    ring = [[113.5, 33.3], [113.51, 33.3], [113.51, 33.31], [113.5, 33.3]]
    out = gcj02.convert_coordinates([[ring]], gcj02.gcj02_to_wgs84)
    assert len(out[0][0]) == 4 and out[0][0][0] != [113.5, 33.3]
    assert out[0][0][0] == [round(v, 7) for v in gcj02.gcj02_to_wgs84(113.5, 33.3)]
