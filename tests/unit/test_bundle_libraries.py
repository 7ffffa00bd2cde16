"""The Linux bundle's libraries: a wheel's private copy of a library the bundle already has is
replaced by the shared one only when that provides everything (installer/elf_needed.py), and a
library is stripped only when the stripped copy still loads (tools/strip_bundle.py). Built with the
C compiler on real shared libraries; skipped where there is none."""
from __future__ import annotations

import ctypes
import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(path: Path):
    spec = importlib.util.spec_from_file_location(f"bundle_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


elf_needed = load(ROOT / "installer" / "elf_needed.py")
strip_bundle = load(ROOT / "tools" / "strip_bundle.py")

needs_cc = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("cc") is None,
                              reason="needs Linux and a C compiler")


def cc(folder: Path, name: str, source: str, *links: str) -> Path:
    (folder / f"{name}.c").write_text(source, encoding="ascii")
    out = folder / name
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(out), str(folder / f"{name}.c"), f"-Wl,-soname,{name}",
                    "-Wl,-rpath,$ORIGIN", f"-L{folder}", *[f"-l:{lib}" for lib in links]], check=True)
    return out


def wheel_and_bundle(tmp_path: Path, shared_source: str) -> tuple[Path, list]:
    """A wheel whose extension links its private libfoo (auditwheel's name) and the bundle's libfoo."""
    wheel, top = tmp_path / "pkg.libs", tmp_path / "top"
    wheel.mkdir()
    top.mkdir()
    private = cc(wheel, "libfoo-0123abcd.so.1", "int foo(void){return 1;} int bar(void){return 10;}")
    ext = cc(wheel, "ext.so", "int foo(void); int bar(void); int answer(void){return foo() + bar();}",
             private.name)
    shared = cc(top, "libfoo.so.1", shared_source)
    binaries = [("pkg.libs/libfoo-0123abcd.so.1", str(private), "BINARY"), ("pkg/ext.so", str(ext), "EXTENSION"),
                ("libfoo.so.1", str(shared), "BINARY")]
    return shared, binaries


@needs_cc
def test_a_wheels_private_copy_goes_when_the_bundles_library_gives_every_symbol(tmp_path, monkeypatch):
    monkeypatch.setattr(elf_needed, "FAMILIES", [("libfoo.so.1",)])
    shared, binaries = wheel_and_bundle(tmp_path, "int foo(void){return 2;} int bar(void){return 20;}")
    result = elf_needed.share(binaries, tmp_path / "work")
    assert [dest for dest, _src, _kind in result] == ["pkg/ext.so", "libfoo.so.1"]
    patched = Path(result[0][1])
    assert elf_needed.Elf(patched.read_bytes()).needed().keys() >= {"libfoo.so.1"}
    shutil.copy(patched, shared.parent / "ext.so")  # beside the shared library, as in the bundle
    assert ctypes.CDLL(str(shared.parent / "ext.so")).answer() == 22  # the shared library's foo and bar


@needs_cc
def test_a_wheels_private_copy_stays_when_the_bundles_library_lacks_a_symbol_it_uses(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(elf_needed, "FAMILIES", [("libfoo.so.1",)])
    _shared, binaries = wheel_and_bundle(tmp_path, "int foo(void){return 2;}")
    assert elf_needed.share(binaries, tmp_path / "work") == binaries
    assert "needs bar from libfoo.so.1" in capsys.readouterr().out


@needs_cc
def test_a_family_goes_only_as_a_whole(tmp_path, monkeypatch):
    """libssl of one OpenSSL and libcrypto of another would meet in one process: never half."""
    monkeypatch.setattr(elf_needed, "FAMILIES", [("libfoo.so.1", "libbar.so.1")])
    _shared, binaries = wheel_and_bundle(tmp_path, "int foo(void){return 2;} int bar(void){return 20;}")
    assert elf_needed.share(binaries, tmp_path / "work") == binaries


def program_headers(*loads: tuple[int, int, int]) -> bytes:
    """An ELF64 header with PT_LOAD entries (offset, address, alignment), padded to cover them."""
    head = bytearray(64)
    head[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", head, 0x20, 64)
    struct.pack_into("<HH", head, 0x36, 56, len(loads))
    table = b"".join(struct.pack("<IIQQQQQQ", 1, 5, off, addr, addr, 16, 16, align) for off, addr, align in loads)
    return bytes(head) + table + b"\0" * 0x3000


def test_a_stripped_library_whose_segments_the_loader_would_refuse_is_not_used():
    assert strip_bundle.loadable(program_headers((0, 0, 0x1000), (0x2000, 0x202000, 0x1000)))
    # what binutils' strip made of numpy's OpenBLAS: the offset no longer matches the address
    assert not strip_bundle.loadable(program_headers((0, 0, 0x1000), (0x2010, 0x202000, 0x1000)))


@needs_cc
def test_stripping_keeps_a_library_loadable_and_smaller(tmp_path):
    lib = cc(tmp_path, "libplain.so", "int plain(void){return 7;}")
    before = lib.stat().st_size
    work = tmp_path / "work"
    work.mkdir()
    saved, refused = strip_bundle.strip(lib, work)
    assert (saved > 0, refused) == (True, False)
    assert lib.stat().st_size == before - saved
    assert ctypes.CDLL(str(lib)).plain() == 7
