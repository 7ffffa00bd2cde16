"""Files named by a person (imports, exports, backups): checked before they are read or written,
so a folder, a missing file, a file too big or a folder without write rights is a plain message
(ValidationError) instead of an operating-system error.
"""
from __future__ import annotations

import os
from pathlib import Path

from desk.services.errors import ValidationError


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有权限 (permission denied)"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹，不是文件 (is a folder, not a file)"
    return exc.strerror or exc.__class__.__name__


def input_file(path: Path | str, max_bytes: int | None = None) -> Path:
    """``path`` when it is a readable file no bigger than ``max_bytes``; else ValidationError."""
    path = Path(path)
    try:
        if not path.exists():
            raise ValidationError(f"找不到文件 {path} (file not found)")
        if path.is_dir():
            raise ValidationError(f"{path} 是文件夹，不是文件 (is a folder, not a file)")
        if not path.is_file():
            raise ValidationError(f"{path} 不是普通文件 (not a regular file)")
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}: {_reason(exc)}") from exc
    except ValueError as exc:  # a NUL in the path
        raise ValidationError(f"文件名无效 (invalid file name): {exc}") from exc
    if max_bytes is not None and size > max_bytes:
        raise ValidationError(f"{path.name} 太大: {size / 1e6:.1f} MB，上限 {max_bytes / 1e6:.0f} MB "
                              f"(file too big; split it)")
    return path


def read_bytes(path: Path | str, max_bytes: int | None = None) -> bytes:
    path = input_file(path, max_bytes)
    try:
        with path.open("rb") as f:
            data = f.read(max_bytes + 1) if max_bytes is not None else f.read()
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}: {_reason(exc)}") from exc
    if max_bytes is not None and len(data) > max_bytes:  # grew while we looked
        raise ValidationError(f"{path.name} 太大 (file too big)")
    return data


def decode_text(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or GB18030 (what Chinese Excel writes)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(f"{name}: 无法识别文件编码 (neither UTF-8 nor GB18030)")


def output_file(path: Path | str) -> Path:
    """``path`` when a file may be written there (its folder exists and is writable, and it is
    not itself a folder); else ValidationError. Nothing is created."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ValidationError(f"{path} 是文件夹，请给出文件名 (is a folder: give a file name)")
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise ValidationError(f"文件夹不存在: {parent} (folder does not exist)")
        if not os.access(parent, os.W_OK):
            raise ValidationError(f"没有权限写入文件夹 {parent} (permission denied)")
        if path.exists() and not os.access(path, os.W_OK):
            raise ValidationError(f"没有权限写入 {path} (permission denied)")
    except OSError as exc:
        raise ValidationError(f"无法写入 {path}: {_reason(exc)}") from exc
    except ValueError as exc:
        raise ValidationError(f"文件名无效 (invalid file name): {exc}") from exc
    return path


def write_failed(path: Path | str, exc: OSError) -> ValidationError:
    """The message for a write that failed half-way (disk full, a name too long)."""
    return ValidationError(f"无法写入 {path}: {_reason(exc)}，未写入 (nothing written)")


def write_text(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` whole or not at all (through a ``.part`` file); a plain message on failure."""
    path = output_file(path)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(text, encoding=encoding)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failed(path, exc) from exc
    return path
