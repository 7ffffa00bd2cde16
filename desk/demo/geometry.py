"""Synthetic geometry for the demo street: rectangles split into neighbouring cells.

The street sits where 院岭街道 of 舞钢市 is (about 113.52 E, 33.30 N); its shapes are invented.
Cells share their edges exactly, so grids of one community neither overlap nor leave gaps.
"""
from __future__ import annotations

import json
import random

ORIGIN_LON, ORIGIN_LAT = 113.495, 33.275
STREET_W, STREET_H = 0.066, 0.054  # degrees; about 6 km x 6 km


def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    return (round(x0, 6), round(y0, 6), round(x1, 6), round(y1, 6))


def polygon(b: tuple[float, float, float, float]) -> str:
    x0, y0, x1, y1 = b
    ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def split(rng: random.Random, b: tuple[float, float, float, float], n: int) -> list[tuple[float, float, float, float]]:
    """Split a box into n cells of uneven sizes, in rows and columns, edges shared."""
    x0, y0, x1, y1 = b
    cols = max(1, round(n ** 0.5 * ((x1 - x0) / max(y1 - y0, 1e-9)) ** 0.5))
    cols = min(cols, n)
    rows_per_col = [n // cols + (1 if i < n % cols else 0) for i in range(cols)]
    xs = _cuts(rng, x0, x1, cols)
    cells = []
    for ci in range(cols):
        ys = _cuts(rng, y0, y1, rows_per_col[ci])
        for ri in range(rows_per_col[ci]):
            cells.append(box(xs[ci], ys[ri], xs[ci + 1], ys[ri + 1]))
    return cells


def _cuts(rng: random.Random, a: float, b: float, n: int) -> list[float]:
    weights = [0.75 + rng.random() * 0.5 for _ in range(n)]
    total = sum(weights)
    out, acc = [a], a
    for w in weights[:-1]:
        acc += (b - a) * w / total
        out.append(acc)
    out.append(b)
    return out


def community_boxes(rng: random.Random, n: int) -> tuple[tuple[float, float, float, float], list]:
    street = box(ORIGIN_LON, ORIGIN_LAT, ORIGIN_LON + STREET_W, ORIGIN_LAT + STREET_H)
    return street, split(rng, street, n)


def random_point(rng: random.Random, b: tuple[float, float, float, float]) -> tuple[float, float]:
    x0, y0, x1, y1 = b
    margin_x, margin_y = (x1 - x0) * 0.05, (y1 - y0) * 0.05
    return (round(rng.uniform(y0 + margin_y, y1 - margin_y), 6), round(rng.uniform(x0 + margin_x, x1 - margin_x), 6))
