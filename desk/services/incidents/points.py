"""Open events as points for the map: where each is, how urgent, whether overdue.

An event without its own coordinates is placed inside its grid (a stable point near the
grid's centre, spread a little by its id so that several do not hide one another)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from desk.models import Event, Grid
from desk.services.context import Context
from desk.services.incidents.rows import open_events


@dataclass(frozen=True)
class EventPoint:
    id: int
    grid_id: int | None
    lat: float
    lon: float
    urgent: bool
    overdue: bool
    label: str


def _grid_anchor(geometry: str):
    from shapely.geometry import shape  # numpy + GEOS: loaded on the database worker, not at start

    poly = shape(json.loads(geometry))
    c = poly.representative_point()
    minx, miny, maxx, maxy = poly.bounds
    return c.y, c.x, (maxy - miny), (maxx - minx)


def open_event_points(ctx: Context) -> tuple[EventPoint, ...]:
    rows = open_events(ctx)
    now = ctx.clock.now()
    with ctx.read() as s:
        coords = {i: (lat, lon) for i, lat, lon in s.execute(
            select(Event.id, Event.lat, Event.lon).where(Event.is_open.is_(True), Event.lat.is_not(None)))}
        anchors = {gid: _grid_anchor(geo) for gid, geo in s.execute(
            select(Grid.id, Grid.geometry).where(Grid.geometry.is_not(None)))}
    points = []
    for r in rows:
        if r.id in coords:
            lat, lon = coords[r.id]
        elif r.grid_id in anchors:
            clat, clon, h, w = anchors[r.grid_id]
            lat = clat + ((r.id * 37) % 21 - 10) / 10 * h * 0.25
            lon = clon + ((r.id * 53) % 21 - 10) / 10 * w * 0.25
        else:
            continue
        label = f"#{r.id} {r.kind_text} · {r.status_text}" + (f" · {r.title}" if r.title else "")
        points.append(EventPoint(r.id, r.grid_id, lat, lon, r.urgent, r.deadline(now) == "red", label))
    return tuple(points)
