"""Where the map's labels go, decided in Python before the page is built (pure: no Qt, no folium).

- Police beat labels: inside each beat, at its representative point unless the label's box there
  would cover community or grid names; then at the point inside the beat where it covers least
  (boxes measured in pixels at the zoom that shows the whole street).
- Grid labels: the texts a grid may show, longest first; the page picks the first that fits the
  grid's width on screen at the current zoom, and hides the label when none fits (see desk-map.js).
"""
from __future__ import annotations

import math
from html import escape

from shapely.geometry import Point, shape

STEPS = 13          # candidate points per side of each beat part's bounding box
SHORT_CHARS = 4     # a dedicated grid's shortened name keeps this many characters
REFERENCE_PX = 550  # the street's width on screen when the whole map is shown (1280×820 window)
GRID_BOX = 15       # label heights in pixels (desk-map.css)
COMMUNITY_BOX, COMMUNITY_LIFT = 26, 21   # community names sit above the centre once grid names show
BEAT_BOX, BEAT_PAD = 20, 16


def _candidates(geometry) -> list[tuple[float, float]]:
    parts = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
    out = []
    for part in parts:
        x0, y0, x1, y1 = part.bounds
        inner = part.buffer(-0.1 * min(x1 - x0, y1 - y0))
        if inner.is_empty:
            inner = part
        for i in range(STEPS):
            for j in range(STEPS):
                x = x0 + (x1 - x0) * (i + 0.5) / STEPS
                y = y0 + (y1 - y0) * (j + 0.5) / STEPS
                if inner.contains(Point(x, y)):
                    out.append((x, y))
    return out


def _overlap(a, b) -> float:
    """Overlapping area in px² of two label boxes (x, y, width, height), centred, y downwards."""
    ox = (a[2] + b[2]) / 2 - abs(a[0] - b[0])
    oy = (a[3] + b[3]) / 2 - abs(a[1] - b[1])
    return ox * oy if ox > 0 and oy > 0 else 0.0


def beat_label_points(beats, grid_labels, community_labels) -> list[tuple[float, float]]:
    """(lon, lat) for each beat's label, in the order of ``beats`` (objects with ``geometry`` and ``name``).

    ``grid_labels`` and ``community_labels`` are (lon, lat, text) of the labels already on the map.
    Boxes are compared at the zoom that shows the whole street; overlapping a community name costs
    twice as much as a grid name, another beat's label three times."""
    shapes = [shape(b.geometry) for b in beats]
    if not shapes:
        return []
    x0 = min(g.bounds[0] for g in shapes)
    x1 = max(g.bounds[2] for g in shapes)
    y_mid = (min(g.bounds[1] for g in shapes) + max(g.bounds[3] for g in shapes)) / 2
    kx = REFERENCE_PX / max(x1 - x0, 1e-9)
    ky = kx / math.cos(math.radians(y_mid))

    def px(lon: float, lat: float) -> tuple[float, float]:
        return lon * kx, -lat * ky

    obstacles = [(*px(x, y), text_pixels(t), GRID_BOX, 1.0) for x, y, t in grid_labels]
    for x, y, t in community_labels:
        cx, cy = px(x, y)
        obstacles.append((cx, cy - COMMUNITY_LIFT, text_pixels(t, 20.0), COMMUNITY_BOX, 2.0))
    placed: list[tuple[float, float]] = []
    for beat, geometry in zip(beats, shapes):
        rep = geometry.representative_point()
        home = px(rep.x, rep.y)
        width = text_pixels(beat.name) + BEAT_PAD

        def cost(p: tuple[float, float]) -> float:
            box = (*px(*p), width, BEAT_BOX)
            hit = sum(o[4] * _overlap(box, o[:4]) for o in obstacles)
            return hit + 0.05 * math.dist(box[:2], home)   # among equals, stay near the representative point

        best = min([(rep.x, rep.y), *_candidates(geometry)], key=cost)
        placed.append(best)
        obstacles.append((*px(*best), width, BEAT_BOX, 3.0))
    return placed


def grid_label_texts(label: str, dedicated: bool, mark: str) -> list[tuple[str, float, int]]:
    """What a grid's label may say, widest first, as (HTML, width in pixels, lines): the full label;
    for a dedicated grid with a long name also the mark over the name, the mark over the name's first
    characters, and a one-character mark. The page shows the first that fits the grid on screen."""
    texts = [(escape(label), text_pixels(label), 1)]
    if dedicated and label.startswith(mark) and len(label) > len(mark):
        name = label[len(mark):]
        texts.append((f"{escape(mark)}<br>{escape(name)}", max(text_pixels(mark), text_pixels(name)), 2))
        if len(name) > SHORT_CHARS:
            short = name[:SHORT_CHARS] + "…"
            texts.append((f"{escape(mark)}<br>{escape(short)}", max(text_pixels(mark), text_pixels(short)), 2))
        tiny = mark.strip("【】[]() ") or mark
        texts.append((escape(tiny), text_pixels(tiny), 1))
    return texts


def text_pixels(text: str, size: float = 12.0) -> float:
    """About how wide ``text`` is in pixels at ``size`` px (CJK full width, Latin about 0.6)."""
    return sum(size if ord(c) > 0x2E7F else 0.6 * size for c in text)
