"""Live events on the map, as a mixin of MapPage: markers set, changed or removed by JavaScript
on the one event layer (never a page rebuild); an optional marker source re-read when its
tables change on the bus; per-grid event counts derived from the markers' positions (point in
polygon) for the 'open/overdue events' colourings, unless the board gives counts itself."""
from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING

from desk.services.topics import concerns
from desk.views.map.markers import MapMarker

if TYPE_CHECKING:  # shapely (numpy, GEOS) is loaded when the map first counts markers, not at start
    from desk.services.geo.locate import GridIndex

BATCH_LIMIT = 500   # more changed markers than this at once: replace the layer's content in one call


class LiveMarkers:
    """Mixin: expects ``run_js``, ``backend``, ``figure`` (QComboBox), ``_loaded``, ``_recolour``, ``_show_totals``."""

    def _init_live(self) -> None:
        self._markers: dict[str, MapMarker] = {}
        self._counts: dict[str, dict[int, int]] = {}
        self._marker_source = None
        self._grid_index: GridIndex | None = None
        self._grid_shapes = ()

    # --- the interface the events area connects to -------------------------------------------
    def set_marker_source(self, read_markers, topics: tuple[str, ...] = ("events_on_map",)) -> None:
        """``read_markers(ctx) -> list[MapMarker]`` runs on the DB worker now and whenever a change
        of one of the ``topics`` arrives (this seat or another, via the change feed); only the
        difference is drawn."""
        self._marker_source = (read_markers, tuple(topics))
        if getattr(self, "view", None) is None:
            self._markers_due = True    # read when the map is first shown (the window starts without it)
            return
        self._refresh_markers()

    def set_markers(self, markers: list[MapMarker]) -> None:
        """All event markers at once (one GeoJSON layer; no page rebuild once loaded)."""
        self._markers = {str(m.id): m for m in markers}
        if self._loaded:
            features = json.dumps([m.feature() for m in markers], ensure_ascii=False)
            self.run_js(f"deskMap.setMarkers({features})")
        self._markers_changed()

    def update_marker(self, marker: MapMarker, callback=None) -> None:
        """A new or changed event: one JavaScript call on the event layer."""
        self._markers[str(marker.id)] = marker
        if self._loaded:
            self.run_js(f"deskMap.updateMarker({json.dumps(marker.feature(), ensure_ascii=False)})", callback)
        self._markers_changed()

    def remove_marker(self, marker_id: str, callback=None) -> None:
        self._markers.pop(str(marker_id), None)
        if self._loaded:
            self.run_js(f"deskMap.removeMarker({json.dumps(str(marker_id))})", callback)
        self._markers_changed()

    def set_grid_counts(self, figure: str, counts: dict[int, int]) -> None:
        """Per-grid counts for 'open_events'/'overdue_events' given by the board (instead of derived ones)."""
        self._counts[figure] = dict(counts)
        self._markers_changed()

    # --- internals ---------------------------------------------------------------------------
    def _live_changes(self, changes) -> None:
        if self._marker_source is not None and concerns(changes, *self._marker_source[1]):
            if getattr(self, "view", None) is None:
                self._markers_due = True
                return
            self._refresh_markers()

    def _refresh_markers(self) -> None:
        read_markers, _tables = self._marker_source
        self.backend.read(read_markers, self._apply_markers, lambda exc: self.status.setText(str(exc)))

    def _apply_markers(self, markers: list[MapMarker]) -> None:
        new = {str(m.id): m for m in markers}
        shown, self._markers = self._markers, new
        self._draw_difference(shown, new)
        self._markers_changed()

    def _sync_markers(self, shown: dict[str, MapMarker]) -> None:
        """The page was built with ``shown``; draw whatever changed since."""
        self._draw_difference(shown, self._markers)

    def _draw_difference(self, shown: dict[str, MapMarker], new: dict[str, MapMarker]) -> None:
        if not self._loaded:
            return
        upsert = [m for k, m in new.items() if shown.get(k) != m]
        remove = [k for k in shown if k not in new]
        if len(upsert) > BATCH_LIMIT:
            features = json.dumps([m.feature() for m in new.values()], ensure_ascii=False)
            self.run_js(f"deskMap.setMarkers({features})")
        elif upsert or remove:
            payload = {"upsert": [m.feature() for m in upsert], "remove": remove}
            self.run_js(f"deskMap.applyMarkerChanges({json.dumps(payload, ensure_ascii=False)})")

    def _set_grid_shapes(self, grids) -> None:
        self._grid_shapes, self._grid_index = grids, None   # indexed when first needed

    def counts_for(self, figure: str) -> dict[int, int]:
        if figure in self._counts:
            return self._counts[figure]
        if figure not in ("open_events", "overdue_events") or not self._markers:
            return {}
        if self._grid_index is None:
            from desk.services.geo.locate import GridIndex

            self._grid_index = GridIndex([(g.id, json.dumps(g.geometry)) for g in getattr(self, "_grid_shapes", ())])
        wanted = [m for m in self._markers.values() if figure == "open_events" or m.overdue]
        return dict(Counter(g for m in wanted if (g := self._grid_index.locate(m.lat, m.lon)) is not None))

    def _markers_changed(self) -> None:
        self._show_totals()
        if self.figure.currentData() in ("open_events", "overdue_events"):
            self._recolour()
