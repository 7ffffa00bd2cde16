"""Opening a database compares its revision with the migration scripts' newest one without loading
Alembic (a start-up cost of 0.2-0.4 s): that reading must agree with Alembic's, branches and merges too."""
from __future__ import annotations

import pytest

from desk.services import schema


@pytest.fixture
def scripts(tmp_path, monkeypatch):
    (tmp_path / "versions").mkdir()
    monkeypatch.setattr(schema, "MIGRATIONS", tmp_path)
    schema.script_heads.cache_clear()
    yield tmp_path / "versions"
    schema.script_heads.cache_clear()


def write(folder, rev, down):
    (folder / f"{rev}_x.py").write_text(
        f'"""{rev}"""\nfrom typing import Sequence, Union\n\nrevision: str = {rev!r}\n'
        f"down_revision: Union[str, Sequence[str], None] = {down!r}\n", encoding="utf-8")


def test_the_newest_revision_read_plainly_is_alembics():
    schema.script_heads.cache_clear()
    assert schema.script_heads() == set(schema._scripts().get_heads())


def test_two_branches_are_two_heads_and_a_merge_is_one(scripts):
    write(scripts, "0001", None)
    write(scripts, "0002", "0001")
    write(scripts, "0009", "0001")
    assert schema.script_heads() == {"0002", "0009"}
    schema.script_heads.cache_clear()
    write(scripts, "0010", ("0002", "0009"))
    assert schema.script_heads() == {"0010"}


def test_a_script_not_in_the_plain_form_is_left_to_alembic(scripts, monkeypatch):
    write(scripts, "0001", None)
    (scripts / "0002_odd.py").write_text("REV = '0002'\nrevision = REV\n", encoding="utf-8")

    class Alembic:
        @staticmethod
        def get_heads():
            return ["from-alembic"]

    schema._scripts.cache_clear()
    monkeypatch.setattr(schema, "_scripts", lambda: Alembic)
    assert schema.script_heads() == {"from-alembic"}
