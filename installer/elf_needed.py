"""Fewer copies of the same library in the Linux bundle: a wheel's private copy is pointed at the
one the bundle already has (or leaves to the host, installer/trim.py HOST_LIBRARY).

auditwheel gives a wheel its own copies of the libraries it links, renamed so that they cannot clash
(psycopg_binary.libs/libssl-<hash>.so.3). Some of them are libraries the bundle carries anyway:
psycopg's OpenSSL 3 (6.6 MB) beside the one Python's ssl and hashlib use; Pillow's libxcb with
libXau (2.2 MB: patchelf left 2 MB of padding in it) beside Qt's; libtiff's zstd and xz beside
the host's. For the families named in FAMILIES, a library that links a private copy is made to link
the shared one instead: its DT_NEEDED names are rewritten in place (the new name is shorter; the
symbol version references point at the same string and follow), and the private copies are left out.

Only where the shared library provides everything it was linked against: every symbol version it
needs from the private copy (OpenSSL keeps its ABI within a major version and versions every
symbol: OPENSSL_3.0.0, ...) and every symbol the private copy gave it; and a family goes as a whole
(never libssl from one OpenSSL and libcrypto from another). Otherwise the private copies stay and the
build says why. Python extensions load with RTLD_NOW, so `desk selftest` (PDF, database, charts)
would fail on a symbol missing at run time. Windows is untouched (its wheels' DLLs are not ELF).
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

PRIVATE = re.compile(r"^.*\.libs/(?P<stem>lib[A-Za-z0-9_+]+?)-[0-9a-f]{8}(?P<major>\.so\.\d+)(\.[\d.]+)?$")
# libraries that go together, by their shared names
FAMILIES = [("libssl.so.3", "libcrypto.so.3"), ("libxcb.so.1", "libXau.so.6"), ("libzstd.so.1",),
            ("liblzma.so.5",)]
DT_NEEDED, DT_STRTAB, DT_STRSZ = 1, 5, 10
SHT_DYNSYM, SHT_VERDEF, SHT_VERNEED = 11, 0x6FFFFFFD, 0x6FFFFFFE


class Elf:
    """The parts of a little-endian ELF64 shared library needed here, read from its bytes."""

    def __init__(self, data: bytes):
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError("not a little-endian ELF64 file")
        self.data = data
        phoff, shoff = struct.unpack_from("<QQ", data, 0x20)
        phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", data, 0x36)
        self.segments = [struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize) for i in range(phnum)]
        self.sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        dynamic = next(s for s in self.segments if s[0] == 2)  # PT_DYNAMIC
        self.dynamic = []
        for off in range(dynamic[2], dynamic[2] + dynamic[5], 16):
            tag, val = struct.unpack_from("<qQ", data, off)
            if tag == 0:
                break
            self.dynamic.append((off, tag, val))
        tags = {tag: val for _off, tag, val in self.dynamic}
        self.strtab = self.file_offset(tags[DT_STRTAB])
        self.strsz = tags[DT_STRSZ]

    def file_offset(self, vaddr: int) -> int:
        for kind, _flags, off, addr, _paddr, filesz, _memsz, _align in self.segments:
            if kind == 1 and addr <= vaddr < addr + filesz:  # PT_LOAD
                return vaddr - addr + off
        raise ValueError(f"address {vaddr:#x} is in no loaded segment")

    def string(self, index: int) -> str:
        start = self.strtab + index
        return self.data[start:self.data.index(b"\0", start)].decode()

    def needed(self) -> dict[str, int]:
        """The libraries it links: name -> index of the name in the dynamic string table."""
        return {self.string(val): val for _off, tag, val in self.dynamic if tag == DT_NEEDED}

    def _section(self, kind: int):
        return next((s for s in self.sections if s[1] == kind), None)

    def versions_needed(self) -> dict[str, set[str]]:
        """file name -> the symbol versions needed from it (.gnu.version_r)."""
        out: dict[str, set[str]] = {}
        sec = self._section(SHT_VERNEED)
        off = sec[4] if sec else None
        while off is not None:
            _ver, cnt, file_, aux, nxt = struct.unpack_from("<HHIII", self.data, off)
            names, a = out.setdefault(self.string(file_), set()), off + aux
            for _ in range(cnt):
                _hash, _flags, _other, name, anext = struct.unpack_from("<IHHII", self.data, a)
                names.add(self.string(name))
                a += anext
            off = off + nxt if nxt else None
        return out

    def versions_defined(self) -> set[str]:
        """The symbol versions the library defines (.gnu.version_d), e.g. OPENSSL_3.0.0."""
        out: set[str] = set()
        sec = self._section(SHT_VERDEF)
        off = sec[4] if sec else None
        while off is not None:
            _ver, _flags, _ndx, cnt, _hash, aux, nxt = struct.unpack_from("<HHHHIII", self.data, off)
            if cnt:
                out.add(self.string(struct.unpack_from("<I", self.data, off + aux)[0]))
            off = off + nxt if nxt else None
        return out

    def symbols(self) -> tuple[set[str], set[str]]:
        """(names it defines and exports, names it takes from other libraries) of .dynsym."""
        defined, undefined = set(), set()
        sym = self._section(SHT_DYNSYM)
        for off in range(sym[4], sym[4] + sym[5], 24) if sym else ():
            st_name, info, _other, shndx = struct.unpack_from("<IBBH", self.data, off)
            if not st_name or info >> 4 not in (1, 2):  # GLOBAL, WEAK
                continue
            (undefined if shndx == 0 else defined).add(self.string(st_name))
        return defined, undefined

    def string_references(self) -> list[int]:
        """Every index into the dynamic string table that the library uses (to find shared tails)."""
        refs = [val for _off, tag, val in self.dynamic if tag in (1, 14, 15, 29)]  # NEEDED SONAME RPATH RUNPATH
        sym = self._section(SHT_DYNSYM)
        if sym:
            refs += [struct.unpack_from("<I", self.data, o)[0] for o in range(sym[4], sym[4] + sym[5], 24)]
        return refs


def replace_needed(data: bytes, renames: dict[str, str]) -> bytes:
    """The library with DT_NEEDED names replaced (old -> new, new no longer than old), in place."""
    elf = Elf(data)
    out = bytearray(data)
    refs = elf.string_references()
    for name, index in elf.needed().items():
        new = renames.get(name)
        if new is None:
            continue
        if len(new) > len(name):
            raise ValueError(f"{new} is longer than {name}")
        if any(index < r <= index + len(name) for r in refs):
            raise ValueError(f"the name {name} shares its bytes with another string")
        start = elf.strtab + index
        out[start:start + len(name)] = new.encode() + b"\0" * (len(name) - len(new))
    return bytes(out)


def _problems(users: dict, links: dict, elves: dict) -> list[str]:
    """What a family's shared libraries lack that the users of its private copies need."""
    out = []
    for dest, elf in users.items():
        wants = elf.versions_needed()
        _defined, undefined = elf.symbols()
        for old in set(elf.needed()) & set(links):
            new = links[old]
            missing = wants.get(old, set()) - elves[new].versions_defined()
            missing |= (undefined & elves[old].symbols()[0]) - elves[new].symbols()[0]
            if missing:
                out.append(f"{dest} needs {', '.join(sorted(missing)[:5])} from {new}")
    return out


SYSTEM_DIRS = ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
               "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib")


def system_library(name: str) -> str | None:
    """Where the host keeps a library (for those PyInstaller never collects, e.g. libxcb.so.1)."""
    return next((str(Path(d) / name) for d in SYSTEM_DIRS if (Path(d) / name).is_file()), None)


def share(binaries: list, workdir: Path, left_to_host=lambda name: False) -> list:
    """The collected binaries with the wheels' private copies of FAMILIES replaced by the shared
    libraries: those among ``binaries`` at the top of the bundle (kept or left to the host later), or
    found on this machine when ``left_to_host(name)`` says the host provides them. Patched copies of
    the libraries that linked them go to ``workdir``."""
    top = {e[0]: e[1] for e in binaries if "/" not in e[0].replace("\\", "/")}
    for family in FAMILIES:
        for name in family:
            if name not in top and left_to_host(name) and system_library(name):
                top[name] = system_library(name)
    private = {}  # private name -> (shared name, source)
    for dest, src, _kind in binaries:
        m = PRIVATE.match(dest.replace("\\", "/"))
        if m and m["stem"] + m["major"] in top:
            private[Path(dest).name] = (m["stem"] + m["major"], src)
    elves: dict[str, Elf] = {}

    def elf_of(name: str, src: str) -> Elf | None:
        if name not in elves:
            try:
                elves[name] = Elf(Path(src).read_bytes())
            except (OSError, ValueError, StopIteration, KeyError):
                return None
        return elves[name]

    candidates = {}  # dest -> Elf of every binary that links a private copy
    for dest, src, kind in binaries:
        if kind in ("BINARY", "EXTENSION") and re.search(r"\.so(\.|$)", dest):
            elf = elf_of(dest, src)
            if elf is not None and set(elf.needed()) & set(private):
                candidates[dest] = elf
    renames, gone = {}, []
    for family in FAMILIES:
        links = {old: new for old, (new, _src) in private.items() if new in family}
        if not links:
            continue
        if {new for new in links.values()} != set(family):
            print(f"desk.spec: private copies kept: not all of {' '.join(family)} are here")  # noqa: T201
            continue
        for old, (new, src) in private.items():
            if new in family:
                elf_of(old, src)
                elf_of(new, top[new])
        users = {d: e for d, e in candidates.items() if Path(d).name not in links}
        problems = _problems(users, links, elves)
        if problems:
            print(f"desk.spec: private copies kept for {' '.join(family)}: {'; '.join(problems)}")  # noqa: T201
            continue
        renames.update(links)
        gone += sorted(links)
    if not renames:
        return binaries
    workdir.mkdir(parents=True, exist_ok=True)
    out, size, patched = [], 0, []
    for dest, src, kind in binaries:
        name = Path(dest).name
        if name in renames:
            size += Path(src).stat().st_size
            continue
        if dest in candidates and set(candidates[dest].needed()) & set(renames):
            target = workdir / name
            target.write_bytes(replace_needed(candidates[dest].data, renames))
            target.chmod(0o755)
            src = str(target)
            patched.append(dest)
        out.append((dest, src, kind))
    print(f"desk.spec: {' '.join(patched)} now link the shared {' '.join(sorted(set(renames.values())))}; "  # noqa: T201
          f"left out the private copies {' '.join(gone)} ({size / 2**20:.1f} MB)")
    return out
