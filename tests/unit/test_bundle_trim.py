"""What the one-folder bundle leaves out (installer/trim.py) and the ICU data cut to Chinese and
English (installer/icu_data.py): the map, the PDF preview, the charts and printing keep what they
need on Linux and Windows; the build itself (tools/build_bundle.sh) proves it with `desk selftest`."""
from __future__ import annotations

import importlib.util
import re
import struct
import sys
from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "installer"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


trim = load("trim")
icu_data = load("icu_data")

KEPT = [
    # the map: QtWebEngine, its helper process, resources and the two locales (Linux, then Windows)
    "PySide6/Qt/lib/libQt6WebEngineCore.so.6", "PySide6/Qt/libexec/QtWebEngineProcess",
    "PySide6/Qt/resources/qtwebengine_resources.pak", "PySide6/Qt/resources/icudtl.dat",
    "PySide6/Qt/translations/qtwebengine_locales/zh-CN.pak", "PySide6/Qt/translations/qtwebengine_locales/en-US.pak",
    "PySide6/Qt6WebEngineCore.dll", "PySide6/QtWebEngineProcess.exe", "PySide6/resources/icudtl.dat",
    "PySide6/translations/qtwebengine_locales/zh-CN.pak", "PySide6/translations/qtbase_zh_CN.qm",
    # what QtWebEngine links to, the PDF preview, the charts (pyqtgraph imports QtOpenGL), printing
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/QtPdf.abi3.so", "PySide6/QtPdfWidgets.pyd", "PySide6/QtOpenGL.abi3.so", "PySide6/QtOpenGLWidgets.pyd",
    "PySide6/QtPrintSupport.abi3.so", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    # the screens the desk shows on, and the images it reads
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/plugins/platforms/qwindows.dll", "PySide6/plugins/imageformats/qsvg.dll",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    # reportlab needs Pillow's core; Chinese codecs
    "PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "python3.11/lib-dynload/_codecs_cn.cpython-311-x86_64-linux-gnu.so",
    "reportlab/fonts/Vera.ttf", "reportlab/fonts/VeraBd.ttf",
]
LEFT_OUT = [
    "PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so", "PySide6/qml/QtQml/qmldir",
    "PySide6/Qt/lib/libQt6Quick3D.so.6", "PySide6/Qt63DCore.dll", "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/translations/qtwebengine_locales/de.pak", "PySide6/translations/qtbase_ja.qm",
    "PySide6/Qt/resources/qtwebengine_devtools_resources.pak",
    "PySide6/QtQuick.abi3.so", "PySide6/QtQml.pyd", "PySide6/QtDBus.abi3.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/plugins/imageformats/qpdf.dll", "PySide6/Qt/plugins/networkinformation/libqglib.so",
    "PIL/_avif.cpython-311-x86_64-linux-gnu.so", "PIL/_webp.pyd",
    "python3.11/lib-dynload/_codecs_jp.cpython-311-x86_64-linux-gnu.so",
    "reportlab/fonts/_a______.pfb", "reportlab/fonts/_ab_____.afm", "reportlab/fonts/DarkGardenMK.pfb",
    "reportlab/fonts/DarkGarden-copying-gpl.txt", "pyqtgraph/icons/peegee/peegee_512px@2x.png",
]


@pytest.mark.parametrize("dest", KEPT)
def test_what_the_map_the_preview_the_charts_and_printing_need_stays_in_the_bundle(dest):
    assert not trim.unwanted(dest)
    assert not trim.unwanted(dest.replace("/", "\\"))  # Windows separators


@pytest.mark.parametrize("dest", LEFT_OUT)
def test_qt_modules_plugins_locales_and_codecs_the_desk_never_uses_are_left_out(dest):
    assert trim.unwanted(dest)


HOST = ["libX11.so.6", "libxcb.so.1", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libfontconfig.so.1",
        "libfreetype.so.6", "libglib-2.0.so.0", "libdbus-1.so.3", "libasound.so.2", "libnss3.so", "libsoftokn3.so",
        "libfreeblpriv3.so", "libnspr4.so", "libcups.so.2", "libgnutls.so.30", "libgbm.so.1", "libz.so.1",
        # what Python and the wheels were built for on that Debian generation: OpenSSL 3, SQLite, C++
        "libssl.so.3", "libcrypto.so.3", "libsqlite3.so.0", "libstdc++.so.6", "libgcc_s.so.1"]
BUNDLED = ["libpython3.11.so.1.0", "libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
           "numpy.libs/libgfortran-040039e1.so.5", "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
           "psycopg_binary.libs/libpq-e9b5c9ac.so.5.18", "PySide6/Qt/lib/libicudata.so.73",
           "python3.11/lib-dynload/zlib.cpython-311-x86_64-linux-gnu.so", "PySide6/Qt6Gui.dll", "zlib1.dll"]


@pytest.mark.parametrize("dest", HOST)
def test_linux_system_libraries_of_qts_debian_dependencies_are_left_to_the_host(dest):
    assert trim.left_to_host(dest)


@pytest.mark.parametrize("dest", BUNDLED)
def test_python_qt_icu_and_the_wheels_own_libraries_stay_in_the_bundle(dest):
    assert not trim.left_to_host(dest)
    assert not trim.left_to_host(dest.replace("/", "\\"))


def test_every_library_left_to_the_host_is_installed_by_the_setup_script():
    """What the bundle leaves to the host must be what tools/setup.sh installs (or what that pulls in)."""
    setup = (INSTALLER.parent / "tools" / "setup.sh").read_text(encoding="utf-8")
    for package in ("libx11-6", "libxcb1", "libxcb-cursor0", "libfontconfig1", "libfreetype6", "libglib2.0-0",
                    "libdbus-1-3", "libasound2", "libnss3", "libnspr4", "libcups2", "libgbm1", "libxkbcommon-x11-0",
                    "libssl3", "libsqlite3-0", "libstdc++6", "libgcc-s1"):
        assert re.search(rf"[\s\"]{re.escape(package)}[\s\"]", setup), package


def package(items: dict[str, bytes]) -> bytes:
    """An ICU common data package ("CmnD") as ICU's tools write it, for the items given."""
    header = bytearray(32)
    struct.pack_into("<HBB", header, 0, 32, 0xDA, 0x27)
    header[12:16] = b"CmnD"
    names = [f"icudt73l/{n}".encode() for n in sorted(items)]
    table = 4 + 8 * len(names)
    name_block = b"".join(n + b"\0" for n in names)
    pos = table + len(name_block)
    pos += -pos % 16
    offsets, body, name_pos = [], bytearray(), table
    for name, key in zip(names, sorted(items)):
        offsets.append((name_pos, pos + len(body)))
        name_pos += len(name) + 1
        body += items[key] + b"\0" * (-len(items[key]) % 16)
    toc = struct.pack("<I", len(names)) + b"".join(struct.pack("<II", *o) for o in offsets)
    return bytes(header) + toc + name_block + b"\0" * (pos - table - len(name_block)) + bytes(body)


def unpack(data: bytes) -> dict[str, bytes]:
    head, = struct.unpack_from("<H", data, 0)
    count, = struct.unpack_from("<I", data, head)
    toc = [struct.unpack_from("<II", data, head + 4 + 8 * i) for i in range(count)]
    out = {}
    for i, (name_off, data_off) in enumerate(toc):
        start = head + name_off
        name = data[start:data.index(b"\0", start)].decode().split("/", 1)[1]
        end = toc[i + 1][1] if i + 1 < count else len(data) - head
        out[name] = data[head + data_off:head + end]
    return out


def test_the_icu_data_keeps_chinese_english_and_shared_items_and_drops_other_languages():
    items = {
        "root.res": b"r" * 40, "pool.res": b"p" * 16, "res_index.res": b"i" * 20, "zh.res": b"z" * 33,
        "zh_Hans_CN.res": b"c" * 8, "en_GB.res": b"e" * 8, "fr.res": b"f" * 50, "ja.res": b"j" * 50,
        "coll/zh.res": b"Z" * 64, "coll/de.res": b"D" * 64, "coll/ucadata.icu": b"u" * 48,
        "brkitr/cjdict.dict": b"d" * 32, "translit/root.res": b"t" * 16, "nfc.nrm": b"n" * 16,
        "gb18030.cnv": b"g" * 30_000, "ibm-943_P15A-2003.cnv": b"s" * 30_000, "iso-8859_1.cnv": b"l" * 100,
    }
    shrunk, kept, total = icu_data.shrink(package(items))
    result = unpack(shrunk)
    assert set(result) == {"root.res", "pool.res", "res_index.res", "zh.res", "zh_Hans_CN.res", "en_GB.res",
                           "coll/zh.res", "coll/ucadata.icu", "brkitr/cjdict.dict", "nfc.nrm", "gb18030.cnv",
                           "iso-8859_1.cnv"}
    assert (kept, total) == (len(result), len(items))
    for name, blob in result.items():  # each kept item intact (padding to 16 bytes aside)
        assert blob.rstrip(b"\0") == items[name]
    assert list(result) == sorted(result)  # ICU finds items by binary search over the names


def test_the_icu_data_drops_south_east_asian_dictionaries_and_character_names_but_keeps_chinese_words():
    for item in ("brkitr/thaidict.dict", "brkitr/laodict.dict", "brkitr/khmerdict.dict", "brkitr/burmesedict.dict",
                 "unames.icu"):
        assert not icu_data.keep(item), item
    for item in ("brkitr/cjdict.dict", "brkitr/word.brk", "brkitr/line.brk", "coll/zh.res", "nfkc.nrm"):
        assert icu_data.keep(item), item


def test_qts_icu_keeps_collation_converters_and_time_zone_names_and_drops_what_qt_never_asks():
    """Qt links only ICU's collation, converters and calendar (ucol_, ucnv_, ucal_): Chromium's copy
    keeps word breaking, Qt's does not need it."""
    items = {"root.res": b"r", "zh.res": b"z", "coll/zh.res": b"Z", "coll/ucadata.icu": b"u", "zone/zh.res": b"t",
             "zoneinfo64.res": b"i", "cnvalias.icu": b"a", "gb18030.cnv": b"g", "brkitr/cjdict.dict": b"d",
             "brkitr/zh.res": b"b", "curr/zh.res": b"c", "lang/zh.res": b"l", "unit/zh.res": b"n",
             "rbnf/zh.res": b"s"}
    result = unpack(icu_data.shrink(package(items), unused_trees=icu_data.QT_UNUSED_TREES)[0])
    assert set(result) == {"root.res", "zh.res", "coll/zh.res", "coll/ucadata.icu", "zone/zh.res", "zoneinfo64.res",
                           "cnvalias.icu", "gb18030.cnv"}
    assert "brkitr/cjdict.dict" in unpack(icu_data.shrink(package(items))[0])  # Chromium's keeps it


def test_what_is_not_an_icu_package_is_refused():
    with pytest.raises(ValueError):
        icu_data.shrink(b"\0" * 64)


def test_the_size_table_counts_each_file_once_in_its_part_and_links_not_at_all(tmp_path):
    spec = importlib.util.spec_from_file_location("bundle_sizes", INSTALLER.parent / "tools" / "bundle_sizes.py")
    sizes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sizes)
    files = {"desk-cli": 3000, "desk": 100, "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6": 5000,
             "_internal/PySide6/Qt/lib/libQt6Gui.so.6": 700, "_internal/PySide6/Qt/lib/libicudata.so.73": 400,
             "_internal/numpy.libs/libscipy_openblas.so": 900, "_internal/libX11.so.6": 50,
             "_internal/desk/resources/web/leaflet.js": 20}
    for rel, size in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x" * size)
    (tmp_path / "_internal" / "libQt6Gui.so.6").symlink_to(tmp_path / "_internal/PySide6/Qt/lib/libQt6Gui.so.6")
    table = sizes.sizes(tmp_path)
    assert table["QtWebEngine (Chromium: the map)"] == 5000
    assert table["Qt libraries, plugins, translations"] == 700
    assert table["ICU for Qt (zh/en data)"] == 400
    assert table["numpy (+OpenBLAS)"] == 900
    assert table["system libraries"] == 50
    assert table["programs: desk-cli (the Python archive) and desk"] == 3100
    assert table["desk (its own files)"] == 20
    assert sum(table.values()) == sum(files.values())
