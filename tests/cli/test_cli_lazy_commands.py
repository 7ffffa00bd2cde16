"""A command loads only its own module: `desk` (the window), `desk --version` and `desk user list`
do not import the other commands' services (shapely, the demo street, meetings), which made every
start slower. The parser built for one command knows that command exactly as the full parser does."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import COMMAND_MODULES, build_parser, command_name

ROOT = Path(__file__).resolve().parents[2]


def _subcommands(parser) -> dict:
    return dict(parser._subparsers._group_actions[0].choices) if parser._subparsers else {}


def _help_tree(parser) -> str:
    """The help of a parser and every subcommand under it, recursively: what argparse would accept."""
    text = [parser.format_help()]
    for name, child in sorted(_subcommands(parser).items()):
        text.append(f"--- {name}\n{_help_tree(child)}")
    return "\n".join(text)


@pytest.mark.parametrize("argv, name", [
    ([], None), (["--db", "sqlite:///x.db"], None), (["--guide"], None), (["-v", "--user", "li"], None),
    (["user", "list"], "user"), (["--db", "sqlite:///x.db", "import", "grids", "f.json"], "import"),
    (["--db=sqlite:///x.db", "geo", "export"], "geo"), (["--us", "db", "selftest"], "selftest"),
])
def test_the_command_is_found_past_the_options_of_desk_itself(argv, name):
    assert command_name(argv) == name


def test_every_command_parses_as_with_the_full_parser():
    full = _subcommands(build_parser())
    assert set(full) == {n for names in COMMAND_MODULES.values() for n in names}
    for name, child in full.items():
        alone = _subcommands(build_parser([name, "--help"]))
        assert name in alone
        assert _help_tree(alone[name]) == _help_tree(child), name


def test_the_window_and_the_version_build_no_subcommand():
    assert _subcommands(build_parser([])) == {}
    assert _subcommands(build_parser(["--db", "sqlite:///x.db"])) == {}


def test_help_and_an_unknown_command_still_list_every_command():
    every = {n for names in COMMAND_MODULES.values() for n in names}
    assert set(_subcommands(build_parser(["--help"]))) == every
    assert set(_subcommands(build_parser(["nonsense"]))) == every


CHILD = """
import sys
from desk.cli import build_parser
build_parser(sys.argv[1:])
print(sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("desk.cli.") and m.endswith("_cmd")))
print([m for m in ("shapely", "desk.demo", "desk.services.meetings", "openpyxl", "reportlab") if m in sys.modules])
"""


@pytest.mark.parametrize("argv, modules", [
    ([], []), (["--version"], []), (["user", "list"], ["user_cmd"]), (["key", "merge"], ["key_cmd"]),
    (["import", "events", "x.csv"], ["events_cmd", "geo_cmd", "import_cmd", "registry_cmd"]),
])
def test_a_command_imports_no_other_commands_module_nor_their_services(argv, modules, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(tmp_path / "d"), XDG_CONFIG_HOME=str(tmp_path / "c"))
    r = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True, env=env, timeout=120,
                       cwd=ROOT)
    imported, heavy = r.stdout.strip().splitlines()[-2:]
    assert imported == repr(modules)
    if not {"events_cmd", "geo_cmd", "registry_cmd"} & set(modules):
        assert heavy == "[]"


def test_every_command_module_is_registered():
    """A new desk/cli/*_cmd.py is listed in COMMAND_MODULES with the commands it adds (else no one can run it)."""
    modules = {p.stem for p in (ROOT / "desk" / "cli").glob("*_cmd.py")}
    assert modules == set(COMMAND_MODULES)
