"""A smaller ICU data library for the Linux bundle (used by installer/desk.spec).

Qt on Linux links ICU, whose data library (libicudata.so.NN, 31 MB) holds collation, calendars,
names and converters for every language. The desk speaks Chinese (and English for its translation),
so the bundle gets a libicudata with the same data for the root locale, zh* and en*, the Chinese
converters (GB18030, GBK, GB2312, Big5) and everything that is not per-language (normalisation,
break rules, the Chinese dictionary, time zones): ICU falls back to the root locale for the rest.
QtWebEngine does not use it (Chromium carries its own ICU in icudtl.dat), and on Windows Qt uses
the system's ICU: there is no libicudata there, and this step does nothing.

The data is ICU's common data package ("CmnD": a header, a table of named items, the items); the
new library is that package under the same symbol (icudtNN_dat) and soname, assembled by the C
compiler. Without a compiler the original library is kept and the build says so.
"""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

LOCALE = re.compile(r"^[a-z]{2,3}(_|\.res$)")  # af.res, zh_Hans_CN.res; not root.res, pool.res
KEEP_LOCALE = re.compile(r"^(zh|en|yue)(_|\.res$)")  # yue: zh_Hant_HK's number spelling refers to it
# Converters for Chinese text (GB18030, GBK, GB2312, ISO-IR-165, Big5, Big5-HKSCS); the small ones
# (ISO-8859-x, windows-125x) all stay; the large Japanese, Korean, Taiwanese and EBCDIC tables go.
KEEP_CONVERTER = re.compile(r"^(gb18030|ibm-1383_|ibm-1386_|ibm-5478_|iso-ir-165|ibm-1373_|ibm-1375_|ibm-950_|"
                            r"windows-936|windows-950)")
# small converters that extend a large one that goes (Japanese, Korean, Taiwanese, EBCDIC)
DROP_CONVERTER = re.compile(r"^(ibm-(1363|1399|16684|33722|937|939|942|943|949|971)_|windows-949)")


# word-break dictionaries of South-East Asian scripts (Thai, Lao, Khmer, Burmese: 0.9 MB; without one,
# ICU breaks such text without a dictionary; the Chinese/Japanese cjdict stays) and Unicode character
# names (unames.icu: u_charName and the transliterators, which go too)
DROP_ITEM = re.compile(r"^(brkitr/(thai|lao|khmer|burmese)dict\.dict|unames\.icu)$")


# Qt links only ICU's collation (ucol_*: QCollator, the pinyin order), converters (ucnv_*: GB18030)
# and calendar/time zone names (ucal_*: QTimeZone): word and line breaking, and the names of
# currencies, languages, units and spelled-out numbers are never asked of Qt's ICU (3.9 MB). Chromium
# uses all of ICU (breaking text on the map page, Intl): its icudtl.dat keeps them.
QT_UNUSED_TREES = ("brkitr", "curr", "lang", "unit", "rbnf")


def keep(item: str, unused_trees: tuple[str, ...] = ()) -> bool:
    """Whether an item (path inside the package, e.g. 'coll/zh.res') stays."""
    tree, _, name = item.rpartition("/")
    if tree == "translit" or tree in unused_trees or DROP_CONVERTER.match(item) or DROP_ITEM.match(item):
        return False
    if name.endswith(".cnv") and not tree:
        return None  # decided by size in shrink(): small converters stay
    if name.endswith(".res") and name != "res_index.res" and LOCALE.match(name):
        return bool(KEEP_LOCALE.match(name))
    return True


def _symbol(lib: bytes) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size, read from the ELF64 dynamic symbol table."""
    if lib[:4] != b"\x7fELF" or lib[4] != 2 or lib[5] != 1:
        raise ValueError("not a little-endian ELF64 library")
    shoff, = struct.unpack_from("<Q", lib, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", lib, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", lib, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]
    for off in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", lib, off)
        start = strtab[4] + st_name
        name = lib[start:lib.index(b"\0", start)].decode()
        if re.fullmatch(r"icudt\d+_dat", name):
            sec = sections[shndx]
            return name, value - sec[3] + sec[4], size
    raise ValueError("no icudtNN_dat symbol")


def shrink(data: bytes, small_converter: int = 20_000, unused_trees: tuple[str, ...] = ()) -> tuple[bytes, int, int]:
    """The package with only the kept items (and none of ``unused_trees``); returns (package, items
    kept, items in all)."""
    header, = struct.unpack_from("<H", data, 0)
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count, = struct.unpack_from("<I", data, header)
    toc = [struct.unpack_from("<II", data, header + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(toc):
        start = header + name_off
        name = data[start:data.index(b"\0", start)]
        end = toc[i + 1][1] if i + 1 < count else len(data) - header
        blob = data[header + data_off:header + end]
        inner = name.decode().split("/", 1)[1]
        wanted = keep(inner, unused_trees)
        if wanted is None:
            wanted = len(blob) < small_converter or bool(KEEP_CONVERTER.match(inner))
        if wanted:
            items.append((name, blob))
    # the table keeps the original (sorted) order: ICU looks names up by binary search
    names = b"".join(n + b"\0" for n, _ in items)
    table_size = 4 + 8 * len(items)
    first = table_size + len(names)
    first += -first % 16
    offsets, body, pos = [], bytearray(), first
    name_pos = table_size
    for name, blob in items:
        offsets.append((name_pos, pos))
        name_pos += len(name) + 1
        padded = blob + b"\0" * (-len(blob) % 16)
        body += padded
        pos += len(padded)
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", n, d) for n, d in offsets)
    out = data[:header] + table + names + b"\0" * (first - table_size - len(names)) + bytes(body)
    return out, len(items), count


def build(original: Path, workdir: Path) -> Path | None:
    """A smaller copy of ``original`` (libicudata.so.NN) in ``workdir``, or None (with the reason
    printed) when it cannot be made here."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        print("desk.spec: no C compiler: ICU data kept whole (31 MB)")  # noqa: T201
        return None
    lib = original.read_bytes()
    symbol, offset, size = _symbol(lib)
    package, kept, total = shrink(lib[offset:offset + size], unused_trees=QT_UNUSED_TREES)
    workdir.mkdir(parents=True, exist_ok=True)
    dat = workdir / f"{symbol[:-4]}l.dat"
    dat.write_bytes(package)
    asm = workdir / "icudata.S"
    asm.write_text(f""".section .rodata
.globl {symbol}
.type {symbol}, @object
.balign 16
{symbol}:
.incbin "{dat}"
.size {symbol}, . - {symbol}
.section .note.GNU-stack,"",@progbits
""", encoding="ascii")
    out = workdir / original.name
    subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{original.name}", "-o", str(out), str(asm)],
                   check=True)
    print(f"desk.spec: ICU data for zh/en only: {kept} of {total} items, "  # noqa: T201
          f"{len(lib) / 2**20:.0f} MB -> {out.stat().st_size / 2**20:.1f} MB")
    return out
