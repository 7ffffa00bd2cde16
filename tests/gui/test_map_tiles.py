"""A base map from an MBTiles file: tiles are found by z/x/y with the TMS row flip."""
import sqlite3

from desk.views.map.builder import tile_url
from desk.views.map.tiles import MBTilesReader, is_mbtiles


def make_mbtiles(path, fmt="png"):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (name text, value text)")
    con.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)")
    con.execute("INSERT INTO metadata VALUES ('format', ?)", (fmt,))
    # XYZ tile 14/13358/6622 is stored in TMS order: row = 2**14 - 1 - 6622
    con.execute("INSERT INTO tiles VALUES (14, 13358, ?, ?)", ((1 << 14) - 1 - 6622, b"\x89PNG tile"))
    con.commit()
    con.close()


def test_a_tile_is_read_by_its_xyz_address_from_an_mbtiles_file(tmp_path):
    path = tmp_path / "street.mbtiles"
    make_mbtiles(path)
    reader = MBTilesReader(path)
    assert reader.tile(14, 13358, 6622) == b"\x89PNG tile"
    assert reader.tile(14, 13358, 6623) is None
    assert reader.mime == b"image/png"
    assert is_mbtiles(str(path)) and tile_url(str(path)) == "desktiles:/{z}/{x}/{y}"
    assert not is_mbtiles(str(tmp_path / "missing.mbtiles")) and tile_url(str(tmp_path / "missing.mbtiles")) is None


def test_jpeg_tiles_are_served_as_jpeg(tmp_path):
    path = tmp_path / "street.mbtiles"
    make_mbtiles(path, "jpg")
    assert MBTilesReader(path).mime == b"image/jpeg"
