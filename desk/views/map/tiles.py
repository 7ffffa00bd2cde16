"""Base maps from an MBTiles file, served to the page through the ``desktiles:`` URL scheme
(no server, no network). The scheme must be registered before the QApplication exists
(``register_scheme()``, called by the composition root); the handler reads tiles with sqlite3."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlScheme, QWebEngineUrlSchemeHandler

SCHEME = b"desktiles"
URL_TEMPLATE = "desktiles:/{z}/{x}/{y}"
_registered = False


def register_scheme() -> None:
    """Declare the scheme to QtWebEngine; only effective before QApplication is created."""
    global _registered
    if _registered:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    # LocalScheme: the map page is a file:// page, which may only load local schemes.
    flag = QWebEngineUrlScheme.Flag
    scheme.setFlags(flag.SecureScheme | flag.LocalScheme | flag.LocalAccessAllowed | flag.CorsEnabled)
    QWebEngineUrlScheme.registerScheme(scheme)
    _registered = True


def is_mbtiles(tiles: str | None) -> bool:
    return bool(tiles) and tiles.lower().endswith(".mbtiles") and Path(tiles).expanduser().is_file()


class MBTilesReader:
    """Tiles by z/x/y (XYZ, as Leaflet asks) from an MBTiles file (rows stored in TMS order)."""

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self._local = threading.local()
        meta = dict(self._db().execute("SELECT name, value FROM metadata").fetchall())
        self.format = (meta.get("format") or "png").lower()

    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path.as_posix()}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    @property
    def mime(self) -> bytes:
        return {"jpg": b"image/jpeg", "jpeg": b"image/jpeg", "webp": b"image/webp",
                "pbf": b"application/x-protobuf"}.get(self.format, b"image/png")

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        row = self._db().execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                                 (z, x, (1 << z) - 1 - y)).fetchone()
        return bytes(row[0]) if row else None


class MBTilesHandler(QWebEngineUrlSchemeHandler):
    def __init__(self, reader: MBTilesReader, parent=None):
        super().__init__(parent)
        self.reader = reader

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt override
        try:
            z, x, y = (int(p) for p in job.requestUrl().path().strip("/").split("/")[-3:])
            data = self.reader.tile(z, x, y)
        except (ValueError, sqlite3.Error):
            data = None
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buf = QBuffer(job)
        buf.setData(QByteArray(data))
        buf.open(QIODevice.ReadOnly)
        job.reply(self.reader.mime, buf)
