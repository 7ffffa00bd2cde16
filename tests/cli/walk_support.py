"""Helpers for the sign-in walk (tests/cli/test_cli_signin_walk.py): every subcommand that argparse
knows, with generic argument values, and a dump of every table to tell what a command wrote."""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, inspect, select, table, column
from sqlalchemy.pool import NullPool

from desk.cli import build_parser

PARENT_DESTS = {"db", "user", "help", "version", "verbose"}  # --db/--user: each mode; --verbose only shows the log


@dataclass(frozen=True)
class Variant:
    """One way to call a leaf subcommand: its words, the generic values of its required arguments,
    and (for the 'switched' variant) every on/off switch it has turned on."""

    words: tuple[str, ...]
    switches: tuple[str, ...]
    required: tuple[tuple[str, ...], ...]  # (option string or None, kind) pairs, filled in by argv()

    @property
    def id(self) -> str:
        return " ".join((*self.words, *self.switches))

    @property
    def command(self) -> str:
        return " ".join(self.words)

    def argv(self, existing_file: Path) -> list[str]:
        out = list(self.words)
        for option, kind in self.required:
            value = str(existing_file) if kind == "file" else kind
            out += [option, value] if option else [value]
        return out + list(self.switches)


def _value(action: argparse.Action) -> str:
    """A generic value: the first choice, a number, an existing file (for Path arguments), or a word."""
    if action.choices:
        return str(list(action.choices)[0])
    if action.type is Path:
        return "file"
    if action.type is int:
        return "1"
    return "walk"


def _leaves(parser: argparse.ArgumentParser, words: tuple[str, ...]):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield words, parser
        return
    seen = set()
    for sub in subs:
        for name, child in sub.choices.items():
            if id(child) in seen:  # an alias
                continue
            seen.add(id(child))
            yield from _leaves(child, (*words, name))


def variants() -> list[Variant]:
    """Every leaf subcommand of `desk`, plain and (if it has switches) with all its switches on."""
    out = []
    for words, leaf in _leaves(build_parser(), ()):
        required, switches = [], []
        for a in leaf._actions:
            if a.dest in PARENT_DESTS or isinstance(a, argparse._SubParsersAction):
                continue
            if not a.option_strings:
                if a.nargs not in ("?", "*"):
                    required.append((None, _value(a)))
            elif isinstance(a, argparse._StoreTrueAction):
                switches.append(a.option_strings[-1])
            elif a.required:
                required.append((a.option_strings[-1], _value(a)))
        out.append(Variant(words, (), tuple(required)))
        if switches:
            out.append(Variant(words, tuple(switches), tuple(required)))
    return out


def dump(url: str) -> dict[str, dict]:
    """Every table of the database (whatever its schema holds, new tables included): rows by key."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            columns = insp.get_multi_columns()  # one catalog query for all tables (fast on PostgreSQL)
            keys = insp.get_multi_pk_constraint()
            out = {}
            for (_schema, name), cols in sorted(columns.items()):
                names = [c["name"] for c in cols]
                pk = keys.get((_schema, name), {}).get("constrained_columns") or names
                t = table(name, *[column(c) for c in names])
                rows = {}
                for r in conn.execute(select(t)).mappings():
                    rows[tuple(str(r[c]) for c in pk)] = {c: r[c] for c in names}
                out[name] = rows
            return out
    finally:
        engine.dispose()


def changes(before: dict, after: dict) -> list[tuple[str, tuple, dict | None, dict | None]]:
    """(table, key, row before, row after) for every row added, removed or changed."""
    out = []
    for name in sorted(set(before) | set(after)):
        b, a = before.get(name, {}), after.get(name, {})
        for key in sorted(set(b) | set(a)):
            if b.get(key) != a.get(key):
                out.append((name, key, b.get(key), a.get(key)))
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
