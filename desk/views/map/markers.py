"""The small interface through which events reach the map: plain, frozen marker values.
The board's events are turned into these by whoever connects the two (see MapPage.set_markers)."""
from __future__ import annotations

from dataclasses import dataclass

URGENCIES = ("normal", "urgent", "critical")   # 一般, 紧急, 特急


@dataclass(frozen=True)
class MapMarker:
    id: str
    lat: float
    lon: float
    urgency: str = "normal"
    overdue: bool = False
    label: str = ""

    def feature(self) -> dict:
        """The GeoJSON point the page's event layer takes (short keys: thousands of them)."""
        point = {"type": "Point", "coordinates": [round(self.lon, 6), round(self.lat, 6)]}
        return {"type": "Feature", "geometry": point,
                "properties": {"id": str(self.id), "u": self.urgency if self.urgency in URGENCIES else "normal",
                               "o": 1 if self.overdue else 0, "l": self.label}}
