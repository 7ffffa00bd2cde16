"""A copied database file, its WAL and a backup hold no ID number or phone in clear (nor its 15-digit
form), after people were added on screen and imported from a file."""
from __future__ import annotations

import zipfile
from pathlib import Path

from desk.db import sqlite_path
from desk.services import backup
from desk.services import registry as reg
from desk.services.registry.import_people import import_people
from tests.board_support import ADMIN, WANG, small_street
from tests.registry_support import id_number, person


def _blob(path: Path) -> bytes:
    if not path.exists():
        return b""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return b"".join(z.read(n) for n in z.namelist())
    return path.read_bytes()


def test_the_database_file_its_wal_and_a_backup_hold_no_id_number_in_clear(ctx, db_url, tmp_path):
    sm = small_street(ctx)
    reg.add_person(ctx.as_actor(WANG), person(sm.grid2, seq=123))
    f = tmp_path / "p.csv"
    f.write_text(f"姓名,身份证号,所属网格,联系电话\n李四,{id_number(seq=125)},兴钢社区第2网格,13912345678\n",
                 encoding="utf-8")
    assert import_people(ctx.as_actor(WANG), f).written
    db_file = sqlite_path(db_url)           # None on PostgreSQL: a server; its backup is a logical zip
    out = tmp_path / ("backup.db" if db_file else "backup.zip")
    backup.create_backup(ctx.as_actor(ADMIN), out)
    secrets = [id_number(seq=123), id_number(seq=125), id_number(seq=125)[:6] + id_number(seq=125)[8:17],
               "13812341234", "13912345678"]
    files = [out] + ([db_file, Path(str(db_file) + "-wal")] if db_file else [])
    for path in files:
        data = _blob(path)
        for secret in secrets:
            assert secret.encode() not in data, f"{secret} in clear in {path.name}"
            assert secret.encode("utf-16-le") not in data
    assert out.exists() and (db_file is None or db_file.exists())
