"""Bulk actions on several selected events: each row in its own transaction, each with its result,
so one row taken by another seat does not undo the others."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desk.services.context import Context
from desk.services.errors import DeskError
from desk.services.incidents import lifecycle
from desk.services.permissions import require


@dataclass(frozen=True)
class RowResult:
    event_id: int
    ok: bool
    message: str


def _each(items: list[tuple[int, int | None]], fn: Callable[[int, int | None], object]) -> tuple[RowResult, ...]:
    out = []
    for event_id, version in items:
        try:
            fn(event_id, version)
            out.append(RowResult(event_id, True, "完成"))
        except DeskError as exc:
            out.append(RowResult(event_id, False, str(exc).splitlines()[0]))
    return tuple(out)


def bulk_accept(ctx: Context, items: list[tuple[int, int | None]]) -> tuple[RowResult, ...]:
    """``items``: (event id, version seen) pairs."""
    require(ctx.actor, "board.act")
    return _each(items, lambda i, v: lifecycle.transition(ctx, i, "accept", expected_version=v))


def bulk_close_duplicate(ctx: Context, items: list[tuple[int, int | None]], original_id: int
                         ) -> tuple[RowResult, ...]:
    require(ctx.actor, "board.act")
    items = [(i, v) for i, v in items if i != original_id]
    return _each(items, lambda i, v: lifecycle.transition(ctx, i, "merge", expected_version=v,
                                                          merged_into=original_id))


def bulk_assign(ctx: Context, items: list[tuple[int, int | None]], staff_id: int) -> tuple[RowResult, ...]:
    require(ctx.actor, "board.act")
    return _each(items, lambda i, v: lifecycle.assign(ctx, i, staff_id, expected_version=v))


def summary(results: tuple[RowResult, ...]) -> str:
    ok = sum(r.ok for r in results)
    text = f"成功 {ok} 条，失败 {len(results) - ok} 条"
    failed = [f"#{r.event_id}: {r.message}" for r in results if not r.ok]
    return text + ("\n" + "\n".join(failed) if failed else "")
