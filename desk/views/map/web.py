"""The one way the desk makes a map's web view: a QWebEngineView with the desk's page (console
errors reported), local files allowed, an MBTiles base map served through the ``desktiles:``
scheme on the page's profile, and the QWebChannel publishing the bridge. The map page and the big
screen's map make theirs here (QtWebEngine is touched only once a map is shown, never at start)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from shiboken6 import delete as shiboken_delete
from shiboken6 import isValid

from desk.views.map.bridge import MapBridge, MapWebPage
from desk.views.map.tiles import SCHEME, MBTilesHandler, MBTilesReader, is_mbtiles


@dataclass
class MapView:
    view: QWebEngineView
    page: MapWebPage
    channel: QWebChannel
    tiles_handler: MBTilesHandler | None


def make_map_view(owner: QObject, bridge: MapBridge, tiles: str | None) -> MapView:
    """A web view for a map page; ``owner`` keeps the channel and the tile handler."""
    view = QWebEngineView()
    page = MapWebPage(view)
    page.settings().setAttribute(QWebEngineSettings.LocalContentCanAccessFileUrls, True)
    view.setPage(page)
    handler = install_tiles(page, tiles, owner)
    channel = QWebChannel(owner)
    channel.registerObject("bridge", bridge)
    page.setWebChannel(channel)
    return MapView(view, page, channel, handler)


def install_tiles(page: MapWebPage, tiles: str | None, owner: QObject) -> MBTilesHandler | None:
    """An MBTiles base map is served by a URL scheme handler on this page's profile."""
    if not is_mbtiles(tiles):
        return None
    profile = page.profile()
    old = profile.urlSchemeHandler(SCHEME)
    if old is not None:
        profile.removeUrlSchemeHandler(old)
    handler = MBTilesHandler(MBTilesReader(tiles), owner)
    profile.installUrlSchemeHandler(SCHEME, handler)
    return handler


def dispose_view(view: QWebEngineView | None, page: MapWebPage | None) -> None:
    """Delete the web page now, before the web profile goes at exit (Chromium crashes otherwise)."""
    if page is not None and isValid(page):
        shiboken_delete(page)
    if view is not None and isValid(view):
        shiboken_delete(view)  # with any page of its own


def run_js(page: MapWebPage | None, code: str, callback=None) -> None:
    """Run JavaScript on a map page; nothing (callback with None) while the map was never shown."""
    if page is None:
        if callback is not None:
            callback(None)
        return
    if callback is None:
        page.runJavaScript(code)
    else:
        page.runJavaScript(code, 0, callback)
