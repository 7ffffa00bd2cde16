"""What every service needs, built once by the composition root and passed in."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Iterator

from sqlalchemy.orm import Session

from desk.clock import Clock, SystemClock
from desk.config import Settings
from desk.db import Database
from desk.services.unit import SYSTEM, Actor, Unit


@dataclass(frozen=True)
class Context:
    db: Database
    settings: Settings
    clock: Clock = SystemClock()
    actor: Actor = SYSTEM

    def unit(self) -> Unit:
        """A write transaction as the current actor; use as ``with ctx.unit() as u:``."""
        return Unit(self.db, self.actor, self.clock)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            yield session

    def as_actor(self, actor: Actor) -> "Context":
        return replace(self, actor=actor)
