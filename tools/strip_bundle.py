"""Strips symbols and debug information from the Linux bundle's libraries, where that is safe.

Usage: python tools/strip_bundle.py dist/desk      (tools/build_bundle.sh runs it after PyInstaller)

Nothing loads a shared library's symbol table or debug information (~10 MB here: a Python built from
source keeps debug information in libpython and every standard module, SQLAlchemy's compiled modules
and Pillow's _imaging carry it, cryptography, GEOS and numpy their symbols), so they go, as Linux
distributions strip their .so files. binutils' strip can break a library that auditwheel patched
(patchelf moved its segments): numpy's OpenBLAS comes out with a loadable segment whose file offset
no longer matches its address modulo the page size, which the loader refuses ("ELF load command
address/offset not page-aligned"). So each library is stripped into a copy, the copy's loadable
segments are checked as the loader checks them, and only a good copy replaces the library.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

PAGE = 4096  # the smallest page size of x86-64 and aarch64 Linux: what the loader checks against


def elf(path: Path) -> bytes | None:
    with path.open("rb") as f:
        head = f.read(64)
    return head if head[:4] == b"\x7fELF" and head[4] == 2 and head[5] == 1 else None


def strippable(data: bytes) -> bool:
    """Whether the file has a symbol table or debug sections."""
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize) for i in range(shnum)]
    if not sections or shstrndx >= len(sections):
        return False
    names = sections[shstrndx][4]
    for name, kind, *_ in sections:
        label = data[names + name:data.index(b"\0", names + name)]
        if kind == 2 or label.startswith(b".debug"):  # SHT_SYMTAB
            return True
    return False


def loadable(data: bytes) -> bool:
    """Every PT_LOAD segment as the loader wants it: page-aligned, offset congruent to address."""
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if kind == 1 and ((vaddr - offset) % PAGE or align % PAGE or offset + filesz > len(data)):
            return False
    return True


def strip(path: Path, workdir: Path) -> tuple[int, bool]:
    """Strip one library; returns (bytes saved, whether a stripped copy had to be refused)."""
    data = path.read_bytes()
    if not strippable(data):
        return 0, False
    out = workdir / "stripped"
    subprocess.run(["strip", "--strip-unneeded", "-o", str(out), str(path)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    new = out.read_bytes()
    if not loadable(new):
        return 0, True
    if len(new) >= len(data):
        return 0, False
    shutil.copymode(path, out)
    out.replace(path)
    return len(data) - len(new), False


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "dist/desk")
    if shutil.which("strip") is None:
        print("bundle: no strip (binutils): libraries left as they are")  # noqa: T201
        return 0
    saved, refused = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(folder.rglob("*.so*")):
            if path.is_symlink() or not path.is_file() or elf(path) is None:
                continue
            gained, bad = strip(path, Path(tmp))
            saved += gained
            if bad:
                refused.append(path.relative_to(folder).as_posix())
    print(f"bundle: symbols and debug information stripped: {saved / 2**20:.1f} MB"  # noqa: T201
          + (f"; kept whole (a stripped copy would not load): {' '.join(refused)}" if refused else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
