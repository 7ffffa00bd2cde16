"""Repairing a database that holds personal data under two keys (left by an older desk that made a new
key silently on a seat whose key file was missing).

The security administrator runs it on a seat holding the database's key (the registered one; on an
older database without a check value, the key chosen to keep) and names the stray key's file. Every
value that does not decrypt with the seat's key but does with the stray key is re-encrypted under
the seat's key, with its blind index (``*_idx``) recomputed, in one audited transaction. Values that
decrypt with neither are named and left as they are. When nothing unreadable remains and the
database had no check value yet, the seat's key is registered.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update

from desk.services import datakey
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.permissions import require
from desk.services.pii import FieldCipher, KeyError_, read_key_file


@dataclass(frozen=True)
class MergeReport:
    re_encrypted: int
    unreadable: list[str]       # "table id (column)" of values neither key decrypts
    registered: bool            # the check value was stored by this merge


def merge_key(ctx: Context, stray_key_file: Path) -> MergeReport:
    require(ctx.actor, "settings.security")
    source = datakey.KeySource.of(ctx)
    key = source.load()
    if key is None:
        raise datakey.missing(source)
    cipher = FieldCipher(key)
    stray_key_file = Path(stray_key_file)
    if not stray_key_file.is_file():
        raise ValidationError(f"找不到旧密钥文件 {stray_key_file} (file not found)")
    stray = FieldCipher(read_key_file(stray_key_file))
    if stray.check == cipher.check:
        raise ValidationError(f"{stray_key_file} 就是本席位的密钥，无需合并 (that is this seat's own key)")
    moved, unreadable, registered = 0, [], False
    with ctx.unit() as u:
        s = u.session
        stored = datakey.stored_check(s)
        if stored is not None and stored != cipher.check:
            raise datakey.wrong(source, cipher.check, stored)  # run it on a seat with the database's key
        for table, pk, column in list(datakey.encrypted_columns(s)):
            index = table.columns.get(column.name[: -len("_enc")] + "_idx")
            version = table.columns.get("version")
            for row_id, token in s.execute(select(pk, column).where(datakey.has_value(column)).order_by(pk)).all():
                if datakey.decrypts(cipher, token):
                    continue
                try:
                    plain = stray.decrypt(token)
                except KeyError_:
                    unreadable.append(f"{table.name} {row_id} ({column.name})")
                    continue
                values = {column.name: cipher.encrypt(plain)}
                if index is not None:
                    values[index.name] = cipher.blind(plain)
                if version is not None:
                    values[version.name] = version + 1
                s.execute(update(table).where(pk == row_id).values(**values))
                u.changed(table.name, row_id)
                moved += 1
        u.audit("datakey.merge", "database", None, after={
            "fingerprint": datakey.fingerprint(cipher.check), "stray_fingerprint": datakey.fingerprint(stray.check),
            "re_encrypted": moved, "unreadable": len(unreadable)})
        if stored is None and not unreadable:
            datakey.store_check(u, cipher, source, f"after merging {moved} values of the stray key")
            registered = True
    return MergeReport(moved, unreadable, registered)
