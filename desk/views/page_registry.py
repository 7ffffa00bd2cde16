"""Which pages a person's window holds, and which one it opens on: decided by the permission table,
never by role names in the window code.

A page is one entry (``PageSpec``): its stable key, the permission needed to see it and a factory
that builds it from the backend. The composition root (desk/app.py) lists the entries in navigation
order; ``allowed_pages`` builds only those the signed-in person may see, and ``home_page`` picks the
page that person works in (the first rule of ``HOMES`` they are allowed).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desk.services.permissions import allowed
from desk.services.unit import Actor
from desk.views.pages import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    permission: str | tuple[str, ...]  # several: any one of them shows the page
    factory: Callable[[object], Page]  # backend -> page

    def allows(self, actor: Actor) -> bool:
        wanted = (self.permission,) if isinstance(self.permission, str) else self.permission
        return any(allowed(actor, p) for p in wanted)


# Where each person starts: the first (page, permission) they hold, in this order.
# Account and audit administrators start on their own page; leaders on the supervision of cases;
# those who take in and act on events (duty staff, grid staff) on the board; a department's
# liaison on the department inbox; the system administrator on the organisation.
HOMES: tuple[tuple[str, str], ...] = (
    ("accounts", "user.role"),
    ("audit", "audit.read"),
    ("dispatch", "dispatch.supervise"),
    ("board", "board.act"),
    ("board", "board.verify"),
    ("dispatch", "dispatch.handle"),
    ("org", "org.edit"),
)


def visible_specs(specs: list[PageSpec], actor: Actor) -> list[PageSpec]:
    """The entries this person may see, in navigation order (nothing is built)."""
    return [s for s in specs if s.allows(actor)]


def allowed_pages(specs: list[PageSpec], actor: Actor, backend) -> list[Page]:
    """Build the pages this person may see. A page's ``key`` is the entry's key."""
    pages = []
    for spec in visible_specs(specs, actor):
        page = spec.factory(backend)
        page.key = spec.key
        pages.append(page)
    return pages


def home_page(keys: list[str], actor: Actor) -> str | None:
    """The key of the page this person works in, among the pages they have (the system actor of a
    demonstration or a test, who may do everything, starts on the first)."""
    if actor.role is None:
        return keys[0] if keys else None
    for key, permission in HOMES:
        if key in keys and allowed(actor, permission):
            return key
    return keys[0] if keys else None
