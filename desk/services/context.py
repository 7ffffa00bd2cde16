"""What every service needs, built once by the composition root and passed in."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterator

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from desk.clock import Clock, SystemClock
from desk.config import Settings
from desk.db import Database
from desk.services.errors import DatabaseError, ValidationError
from desk.services.pii import FieldCipher
from desk.services.unit import SYSTEM, Actor, Unit


@dataclass(frozen=True)
class Context:
    """Database, settings, clock, the acting user and the personal-data cipher."""

    db: Database
    settings: Settings
    clock: Clock = SystemClock()
    actor: Actor = SYSTEM
    # Where committed units report their change records (the window broadcasts them).
    collector: list | None = None
    # The cipher whose key was checked at start (desk.bootstrap, desk.services.datakey), or a test's.
    cipher_override: FieldCipher | None = field(default=None, compare=False)

    @cached_property
    def cipher(self) -> FieldCipher:
        """Encrypts ID and phone numbers; the key comes from outside the database and is checked
        against the database's key check value (KeyError_ when it is missing or wrong)."""
        if self.cipher_override is not None:
            return self.cipher_override
        from desk.services import datakey  # datakey works on a Context

        return datakey.checked_cipher(self)

    def unit(self) -> Unit:
        """A write transaction as the current actor; use as ``with ctx.unit() as u:``."""
        return Unit(self.db, self.actor, self.clock, collector=self.collector)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read session; a lost or unreachable database becomes DatabaseError."""
        try:
            with self.db.read() as session:
                yield session
        except sa_exc.OperationalError as exc:
            raise DatabaseError(f"数据库不可用，请稍后重试 (database unavailable): {exc.orig}") from exc
        except sa_exc.ProgrammingError as exc:
            if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
                raise
            raise DatabaseError(f"数据库拒绝: 连接所用的数据库账号无权读取 (the database account may not read this): "
                                f"{str(exc.orig).splitlines()[0]}") from exc
        except UnicodeEncodeError as exc:  # a lone surrogate in a search value: nothing can hold it
            raise ValidationError("查询条件含无效字符 (the search holds an invalid character)") from exc
        except sa_exc.DataError as exc:  # a value the database cannot compare (e.g. a NUL on PostgreSQL)
            raise ValidationError(f"查询条件含数据库无法处理的内容 (the database refused a value): "
                                  f"{str(exc.orig).splitlines()[0] if exc.orig else exc}") from exc

    def as_actor(self, actor: Actor) -> "Context":
        return replace(self, actor=actor)

    def collecting(self) -> "Context":
        """A copy whose units append their committed changes to ``collector``."""
        return replace(self, collector=[])
