"""File names that come from outside (an attachment's name, a name typed in a save dialog) made
safe to store, to show and to write on Windows, macOS and Linux.

- Only the last part of a path is kept: ``../../etc/passwd`` → ``passwd``, ``C:\\x\\a.jpg`` → ``a.jpg``.
- Control characters become ``_``; invisible format characters (right-to-left override U+202E and
  the other bidi controls, zero-width characters, BOM), lone surrogates (undecodable bytes of a
  Linux file name), private-use, unassigned, line and paragraph separators are removed, so the name
  shows what it is: ``invoice\\u202Efdp.exe`` (shown as "invoiceexe.pdf") → ``invoicefdp.exe``.
- Unusual spaces (U+3000, no-break) become a plain space; ``< > : " | ? *`` become ``_``.
- Leading and trailing dots and spaces are removed (Windows drops trailing ones silently; a
  leading dot hides a file on Linux and macOS).
- Windows device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension, any case) get a
  leading ``_``: ``CON.txt`` → ``_CON.txt``.
- At most 120 characters and 200 bytes of UTF-8 (file systems allow 255 bytes), the extension kept.
- Nothing left → ``附件``.
"""
from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 120
MAX_BYTES = 200
FALLBACK = "附件"
_UNSAFE_RUN = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"|?*]+')  # control characters and Windows' reserved ones
_DEVICE = re.compile(r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|CLOCK\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE)
_REMOVED = {"Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _clean_char(ch: str) -> str:
    cat = unicodedata.category(ch)
    if cat in _REMOVED:
        return ""
    if cat == "Zs":
        return " "
    return ch


def _fit(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 16 or not stem:
        stem, dot, ext = name, "", ""
    suffix = dot + ext
    while stem and (len(stem + suffix) > MAX_CHARS or len((stem + suffix).encode("utf-8")) > MAX_BYTES):
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    return (stem + suffix) if stem else ""


def safe_filename(name: str | None) -> str:
    """A name that is safe to store and to save (see the module's docstring); never empty."""
    name = unicodedata.normalize("NFC", name or "")
    name = _UNSAFE_RUN.sub("_", name)
    name = "".join(_clean_char(ch) for ch in name)
    name = re.split(r"[\\/]", name)[-1].strip(" .")
    if len(name) > MAX_CHARS or len(name.encode("utf-8")) > MAX_BYTES:
        name = _fit(name)
    if not name:
        return FALLBACK
    if _DEVICE.match(name.split(".")[0].rstrip(" ")):
        name = "_" + name
    return name
