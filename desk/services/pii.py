"""Personal data at rest: ID and phone numbers encrypted (AES-256-GCM), with a blind index
(HMAC-SHA256) for exact search, and masking for display (PIPL; GB/T 22239 level 2-3).

The key never lives in the database: it comes from env ``DESK_DATA_KEY`` (base64 of 32 bytes)
or from a key file (``desk.key`` in the user data folder, or ``settings.extra['key_file']``),
created on first use with owner-only permissions. Every seat of one database needs the same key.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desk.services.errors import DeskError

ENV_KEY = "DESK_DATA_KEY"
PREFIX = "g1:"
CHECK_LABEL = b"desk data key check v1"
_NOT_INDEXED = re.compile(r"[\s-]")  # spaces and dashes: 138-0000 0000 is found as 13800000000


class KeyError_(DeskError):
    """The data key is missing or wrong: personal data cannot be read."""


class FieldCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise KeyError_("数据密钥长度应为32字节 (the data key must be 32 bytes)")
        self._aead = AESGCM(hashlib.sha256(b"desk-enc" + key).digest())
        self._mac_key = hashlib.sha256(b"desk-idx" + key).digest()
        # The key's check value, kept in the database (desk.services.datakey): an HMAC of a fixed
        # label under the key. It tells whether a key is the right one and reveals nothing of it.
        self.check = hmac.new(key, CHECK_LABEL, hashlib.sha256).hexdigest()

    def encrypt(self, text: str | None, nonce: bytes | None = None) -> str | None:
        """``nonce`` only for reproducible demo data (seeded, never repeated); else random."""
        if text is None or text == "":
            return None
        nonce = nonce or os.urandom(12)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), None)
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str | None) -> str | None:
        if not token:
            return None
        if not token.startswith(PREFIX):
            raise KeyError_("数据格式无法识别 (not an encrypted value)")
        try:
            raw = base64.b64decode(token[len(PREFIX):], validate=True)
        except ValueError as exc:
            raise KeyError_("数据格式无法识别 (not an encrypted value)") from exc
        try:
            return self._aead.decrypt(raw[:12], raw[12:], None).decode("utf-8")
        except Exception as exc:
            raise KeyError_("数据密钥不匹配，无法解密 (wrong data key)") from exc

    def blind(self, text: str | None) -> str | None:
        """A keyed index for exact-match search: equal inputs give equal values."""
        if not text:
            return None
        norm = text if text.isdigit() else _NOT_INDEXED.sub("", text).upper()
        return hmac.digest(self._mac_key, norm.encode("utf-8"), "sha256").hex()[:40]


def load_key(key_file: Path, environ=os.environ, create: bool = True) -> bytes:
    env = environ.get(ENV_KEY)
    if env:
        try:
            key = base64.b64decode(env, validate=True)
        except ValueError as exc:
            raise KeyError_(f"{ENV_KEY} 不是有效的 base64 (not valid base64)") from exc
        if len(key) != 32:
            raise KeyError_(f"{ENV_KEY} 应为32字节 (must decode to 32 bytes)")
        return key
    if key_file.exists():
        return read_key_file(key_file)
    if not create:
        raise KeyError_(f"找不到数据密钥 {key_file}；请从管理员处复制 (no data key found)")
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = os.urandom(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(base64.b64encode(key).decode("ascii"))
    return key


def read_key_file(key_file: Path) -> bytes:
    try:
        key = base64.b64decode(key_file.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError) as exc:
        raise KeyError_(f"无法读取密钥文件 {key_file}: 文件已损坏或无权读取 (cannot read the key file)") from exc
    if len(key) != 32:
        raise KeyError_(f"密钥文件 {key_file} 已损坏 (corrupt key file: not 32 bytes)")
    return key


def mask_phone(phone: str | None) -> str:
    """138****1234."""
    if not phone:
        return ""
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_id_number(number: str | None) -> str:
    """4104**********1234."""
    if not number:
        return ""
    n = number.strip()
    if len(n) < 8:
        return "*" * len(n)
    return n[:4] + "*" * (len(n) - 8) + n[-4:]
