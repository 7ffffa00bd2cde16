"""The data key is checked against the database, so no seat ever mixes keys in it.

The key itself never enters the database (desk.services.pii); its *check value* does: an HMAC-SHA256
of a fixed label under the key (``FieldCipher.check``), kept in the shared settings table under
``data_key_check``. It tells whether a key is the database's and reveals nothing of the key.

At start (``start``, called by desk.bootstrap for the window and every CLI command):
- the database has a check value: the seat's key must match it, else the program stops with a plain
  message saying where the key belongs (the key file's path, or env DESK_DATA_KEY);
- no check value but encrypted data (a database made by an older desk): the key must decrypt a
  sample of the stored values (the oldest and newest of every encrypted column); then its check
  value is stored. A sample partly undecryptable means values under two keys: the program stops
  and points to ``desk db check``;
- neither: a new key is made if the seat has none (only here), and its check value is stored.
Storing the check value is audited (``datakey.register``, with the key's fingerprint, never the key).

A Context built without ``start`` (tests, benchmarks) checks its key the same way on first use of
``ctx.cipher`` but stores nothing. ``problems`` is `desk db check`'s part: every encrypted value
must decrypt with the seat's key; it names the rows that do not.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desk.config import data_dir
from desk.models import AppSetting, Base
from desk.services.context import Context
from desk.services.errors import DatabaseError
from desk.services.pii import ENV_KEY, FieldCipher, KeyError_, load_key, read_key_file
from desk.services.unit import Unit

log = logging.getLogger(__name__)

CHECK_KEY = "data_key_check"
SCHEME = "hmac-sha256/desk-data-key-check-v1"
SAMPLE = 32        # values per encrypted column checked on an older database (oldest and newest half)
NAMED = 20         # rows named by `desk db check`


@dataclass(frozen=True)
class KeySource:
    """Where this seat's key comes from: env DESK_DATA_KEY, else the key file."""

    key_file: Path
    env: str | None = None

    @classmethod
    def of(cls, ctx: Context, environ=os.environ) -> "KeySource":
        return cls(Path(ctx.settings.extra.get("key_file") or data_dir() / "desk.key"), environ.get(ENV_KEY) or None)

    @property
    def where(self) -> str:
        return f"环境变量 {ENV_KEY}" if self.env else f"密钥文件 {self.key_file}"

    @property
    def where_en(self) -> str:
        return ENV_KEY if self.env else f"the key file {self.key_file}"

    def load(self) -> bytes | None:
        """The key, or None when the seat has none; KeyError_ for an unreadable one."""
        if self.env:
            return load_key(self.key_file, environ={ENV_KEY: self.env}, create=False)
        return read_key_file(self.key_file) if self.key_file.exists() else None

    def create(self) -> bytes:
        key = load_key(self.key_file, environ={}, create=True)
        log.warning("new data key made: %s", self.key_file)
        return key


def fingerprint(check: str) -> str:
    """A few characters of the check value, for comparing seats by eye (reveals nothing of the key)."""
    return f"{check[:4]}-{check[4:8]}"


# --- what the database holds ---

def encrypted_columns(s: Session):
    """(table, primary key, column) for every encrypted column (``*_enc``) the database has."""
    present = set(inspect(s.connection()).get_table_names())
    for table in Base.metadata.sorted_tables:
        if table.name in present:
            for column in table.columns:
                if column.name.endswith("_enc"):
                    yield table, list(table.primary_key.columns)[0], column


def has_value(column):
    return column.isnot(None) & (column != "")


def has_encrypted_data(s: Session) -> bool:
    return any(s.execute(select(column).where(has_value(column)).limit(1)).first() is not None
               for _t, _pk, column in encrypted_columns(s))


def stored_check(s: Session) -> str | None:
    if not inspect(s.connection()).has_table(AppSetting.__tablename__):
        return None
    row = s.get(AppSetting, CHECK_KEY)
    if row is None:
        return None
    try:
        return str(json.loads(row.value)["check"])
    except (ValueError, KeyError, TypeError) as exc:
        raise KeyError_("数据库中的数据密钥校验值已损坏，请联系管理员 (the key check value in the database is "
                        "damaged)") from exc


def decrypts(cipher: FieldCipher, token: str) -> bool:
    try:
        cipher.decrypt(token)
        return True
    except KeyError_:
        return False


# --- the messages ---

def _fix(source: KeySource) -> str:
    if source.env:
        return f"请把环境变量 {ENV_KEY} 设为本数据库的密钥，或取消该变量并把本数据库的密钥文件放到 {source.key_file}"
    return f"请向管理员取得本数据库的密钥文件，放到 {source.key_file}（或设置环境变量 {ENV_KEY}）"


def missing(source: KeySource) -> KeyError_:
    return KeyError_(f"找不到数据密钥: 本数据库的个人信息用已有的密钥加密，不能新建密钥。{_fix(source)}。未作任何修改。"
                     f" (No data key: this database's personal data is encrypted under an existing key; copy its "
                     f"key file to {source.key_file} or set {ENV_KEY}.)")


def wrong(source: KeySource, seat_check: str, db_check: str) -> KeyError_:
    return KeyError_(f"数据密钥与本数据库不符: {source.where} 中的密钥 (指纹 {fingerprint(seat_check)}) 不是本数据库的密钥 "
                     f"(指纹 {fingerprint(db_check)})。{_fix(source)}。未作任何修改。"
                     f" (The data key in {source.where_en} does not match this database.)")


# --- at start ---

def start(ctx: Context) -> FieldCipher:
    """The seat's cipher, checked against the database (and the check value stored when it has none)."""
    return _cipher(ctx, register=True)


def checked_cipher(ctx: Context) -> FieldCipher:
    """The same check without writing anything (``ctx.cipher`` of a Context built without ``start``)."""
    return _cipher(ctx, register=False)


def _cipher(ctx: Context, register: bool) -> FieldCipher:
    source = KeySource.of(ctx)
    with ctx.read() as s:
        stored = stored_check(s)
        has_data = stored is None and has_encrypted_data(s)
    key = source.load()
    if stored is not None or has_data:
        if key is None:
            raise missing(source)
        cipher = FieldCipher(key)
        if stored is not None:
            if cipher.check != stored:
                raise wrong(source, cipher.check, stored)
            return cipher
        sampled = _check_sample(ctx, cipher, source)
        if register:
            _register(ctx, cipher, source, f"sample of {sampled} encrypted values decrypted", created=False)
        return cipher
    created = key is None
    cipher = FieldCipher(source.create() if created else key)
    if register:
        _register(ctx, cipher, source, "new key" if created else "no encrypted data yet", created=created)
    return cipher


def _check_sample(ctx: Context, cipher: FieldCipher, source: KeySource) -> int:
    """An older database: the key must decrypt the oldest and newest values of every encrypted column."""
    tokens: dict[tuple[str, object], str] = {}
    with ctx.read() as s:
        for table, pk, column in encrypted_columns(s):
            for order in (pk.asc(), pk.desc()):
                for row_id, token in s.execute(select(pk, column).where(has_value(column)).order_by(order)
                                               .limit(SAMPLE // 2)):
                    tokens[(f"{table.name}.{column.name}", row_id)] = token
    bad = sum(not decrypts(cipher, t) for t in tokens.values())
    if bad == len(tokens):
        raise KeyError_(f"数据密钥与本数据库不符: 抽查的 {len(tokens)} 个加密值都无法用{source.where}中的密钥解密。"
                        f"{_fix(source)}。未作任何修改。 (The data key in {source.where_en} decrypts none of this "
                        f"database's encrypted values.)")
    if bad:
        raise KeyError_(f"抽查的 {len(tokens)} 个加密值中有 {bad} 个无法用{source.where}中的密钥解密: 数据库中混有用不同"
                        f"密钥加密的数据。请管理员运行 desk db check 查看是哪些行，再决定使用哪个密钥。未作任何修改。"
                        f" (This database holds values under different keys; run desk db check.)")
    return len(tokens)


def _register(ctx: Context, cipher: FieldCipher, source: KeySource, how: str, *, created: bool) -> None:
    """Store the check value, unless another seat stored one first (then it must be the same)."""
    try:
        with ctx.unit() as u:
            if u.session.get(AppSetting, CHECK_KEY) is None:
                store_check(u, cipher, source, how)
    except DatabaseError:
        log.info("data key check value stored by another seat meanwhile")
    with ctx.read() as s:
        stored = stored_check(s)
    if stored != cipher.check:
        if created:  # the key this seat just made is not the database's: it must not stay
            source.key_file.unlink(missing_ok=True)
            raise missing(source)
        raise wrong(source, cipher.check, stored or "")


def store_check(u: Unit, cipher: FieldCipher, source: KeySource, how: str) -> None:
    """Insert the check value in the caller's unit (audited); the caller knows there is none yet."""
    u.session.add(AppSetting(key=CHECK_KEY, value=json.dumps({"scheme": SCHEME, "check": cipher.check}),
                             updated_at=u.now, updated_by=u.actor.username[:32]))
    u.audit("datakey.register", "app_setting", CHECK_KEY, after={
        "fingerprint": fingerprint(cipher.check), "source": "env" if source.env else "file", "verified": how})
    u.changed("app_setting", CHECK_KEY, "insert")


# --- desk db check ---

def problems(ctx: Context) -> list[str]:
    """Does every encrypted value decrypt with this seat's key? The rows that do not, named."""
    source = KeySource.of(ctx)
    try:
        with ctx.read() as s:
            stored = stored_check(s)
            if stored is None and not has_encrypted_data(s):
                return []
        key = None if ctx.cipher_override is not None else source.load()
    except KeyError_ as exc:
        return [f"数据密钥: {exc}"]
    cipher = ctx.cipher_override or (FieldCipher(key) if key is not None else None)
    if cipher is None:
        return [f"{missing(source)} 无法检查加密数据 (cannot check the encrypted values)"]
    found = []
    if stored is not None and cipher.check != stored:
        found.append(str(wrong(source, cipher.check, stored)))
    bad, total = [], 0
    with ctx.read() as s:
        for table, pk, column in encrypted_columns(s):
            rows = s.execute(select(pk, column).where(has_value(column)).order_by(pk).execution_options(yield_per=2000))
            for row_id, token in rows:
                total += 1
                if not decrypts(cipher, token):
                    bad.append(f"{table.name} {row_id} ({column.name})")
    if bad:
        more = f" 等 (and {len(bad) - NAMED} more)" if len(bad) > NAMED else ""
        found.append(f"{len(bad)} 个加密值 (共 {total} 个) 无法用{source.where}中的密钥解密 "
                     f"(values that do not decrypt): " + ", ".join(bad[:NAMED]) + more)
    return found
