"""What the one-folder bundle leaves out, used by installer/desk.spec after PyInstaller's analysis.

PyInstaller collects generously: the QtWebEngine hook brings Qt Quick with every QML module, every
Qt plugin of every kind, the Python bindings of Qt modules the desk never imports, Pillow's image
codecs, and (on Linux) the system libraries all of those link to. Each rule below names what goes
and why; `desk-cli selftest`, run from the bundle by tools/build_bundle.sh, proves that what is left
is enough (window, map, PDF, pyqtgraph and numpy, dialogs, translations).

The rules work on destination paths with forward slashes, so one list serves Linux (PySide6/Qt/lib,
PySide6/Qt/plugins) and Windows (PySide6/, PySide6/plugins).
"""
from __future__ import annotations

import logging
import os
import re

log = logging.getLogger("desk.spec")

# Qt libraries of modules the desk does not use (QtWebEngine needs Quick, Qml, QmlModels, OpenGL,
# Positioning, WebChannel, PrintSupport and QuickWidgets: those stay).
UNUSED_QT_LIB = re.compile(
    r"Qt6?(3D|Charts|DataVisualization|Graphs|Location|Multimedia|Quick3D|SpatialAudio|Labs|QuickControls2|"
    r"QuickDialogs2|QuickTimeline|QuickParticles|QuickEffects|QuickVectorImage|QuickShapes|QuickLayouts|"
    r"Sensors|Scxml|StateMachine|TextToSpeech|VirtualKeyboard|RemoteObjects|Serial|Nfc|Bluetooth|HttpServer|"
    r"QmlDesignSupport|QmlLocalStorage|QmlXmlListModel|QmlNetwork|Designer|Help|UiTools|Sql|Test|"
    r"WaylandCompositor|WaylandClient|WlShellIntegration|EglFSDeviceIntegration|EglFsKmsSupport|"
    r"EglFsKmsGbmSupport|ShaderTools|WebView|WebSockets|Canvas|5Compat|Protobuf|Grpc|PdfQuick|"
    r"Quick3DXr|OpenXR|QuickTest|PositioningQuick|WebChannelQuick|WebEngineQuick|QuickTemplates2)", re.I)

# Python bindings (PySide6/QtX.abi3.so, PySide6/QtX.pyd) the desk never imports: the Qt libraries
# behind them stay where QtWebEngine needs them, only the Python wrappers go. (QtOpenGL stays:
# pyqtgraph's curves import it; QtPdf and QtPdfWidgets stay: the reports page's preview.)
UNUSED_BINDING = re.compile(
    r"^PySide6/(Qt(Quick|QuickWidgets|QuickControls2|Qml|Positioning|DBus|"
    r"Concurrent|Test|Xml)\.(abi3\.so|pyd)|(lib)?pyside6qml[^/]*)$", re.I)

# Qt plugins: the desk shows widgets on X11 (Linux) or Windows, and offscreen for the self-check.
UNUSED_PLUGIN = re.compile(
    r"plugins/(wayland-[^/]+|egldeviceintegrations|generic|position|sqldrivers|multimedia|qmltooling|"
    r"designer|sceneparser|geometryloaders|renderers|renderplugins|assetimporters|canbus|sensors|"
    r"texttospeech|webview|gamepads|virtualkeyboard|qmllint|qmlls|networkinformation)/"
    r"|plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc|wayland[^/]*|direct2d)\."
    r"|plugins/platformthemes/(lib)?qgtk3\."  # GTK dialogs: Qt's own are used, and GTK is not bundled
    r"|plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin\."
    # image formats the desk never reads (PNG is built into Qt; SVG, ICO, GIF and JPEG stay)
    r"|plugins/imageformats/(lib)?q(tiff|webp|icns|tga|wbmp|pdf|jp2|heif|macheif|macjp2)\.", re.I)

KEEP_LOCALES = re.compile(r"(zh[-_]CN|en[-_]US|en)\.(pak|qm)$|_(zh_CN|en)\.qm$")

OTHER_UNUSED = re.compile(
    r"qtwebengine_devtools_resources\.pak$"  # Chromium's developer tools: never opened
    # Pillow is needed by reportlab (it imports PIL.Image); the desk's PDFs draw no images, so
    # Pillow's optional codecs and its font and colour-management modules stay out.
    r"|^PIL/_(avif|webp|imagingft|imagingcms|imagingtk)\."
    r"|^numpy/_core/_(multiarray_tests|simd|umath_tests|rational_tests|struct_ufunc_tests|operand_flag_tests)\."
    r"|^reportlab/fonts/[^/]+\.sfd$"  # a font editor's source file
    # reportlab's Type 1 fonts (URW's standard-font look-alikes and the DarkGarden sample): for bitmap
    # output (renderPM) and for embedding Type 1 faces, neither of which the desk does; its PDFs embed
    # the CJK TrueType faces, and the standard fonts' metrics are built into reportlab. Vera*.ttf stays.
    r"|^reportlab/fonts/([^/]+\.(pfb|afm)|DarkGarden[^/]*)$"
    # pyqtgraph's own application icon (1 MB of PNGs): set only when pyqtgraph makes the QApplication
    # itself (mkQApp); the desk makes its own, with its own icon
    r"|^pyqtgraph/icons/peegee/"
    # East Asian codecs other than Chinese (GBK/GB18030 via _codecs_cn, Big5 via _codecs_tw/hk stay)
    r"|lib-dynload/_codecs_(jp|kr|iso2022)\."
    r"|lib-dynload/readline\.", re.I)  # the CLI reads no interactive lines


# Linux only: system libraries left to the host, as AppImage's excludelist does. The Linux bundle
# proves the Windows packaging in CI (Windows has none of these libraries: Qt links the OS's own); it
# runs where Qt's and QtWebEngine's Debian dependencies are installed (tools/setup.sh, DEBS), so these
# come from the host: X11/xcb/xkb, GL buffers (gbm), fontconfig/FreeType (and PNG, brotli, zlib, bzip2,
# expat, uuid), GLib (pcre2, libffi), D-Bus (systemd, lz4, xz, zstd, gcrypt, libcap), ALSA, NSS/NSPR
# (QtWebEngine's certificates and crypto: all of NSS from one place, never half bundled), CUPS (printing;
# with GnuTLS, Kerberos, Avahi and their dependencies), and the runtime Python and the wheels were built
# against on that same Debian generation: OpenSSL 3 (libssl3), SQLite (libsqlite3-0), the C++ runtime
# (libstdc++6, libgcc-s1); PyInstaller copied exactly those files from /lib. installer/README.md lists them.
# Kept in the bundle: libpython and every library under *.libs/ (the wheels' own copies, renamed by
# auditwheel), except a wheel's private OpenSSL 3, which installer/elf_needed.py points at the one here.
HOST_LIBRARY = re.compile(
    r"lib(X11|X11-xcb|Xau|Xdmcp|Xext|Xfixes|Xrender|Xrandr|Xcomposite|Xdamage|Xtst|Xi|Xcursor|Xinerama|xshmfence|"
    r"xcb(-[a-z0-9-]+)?|xkbcommon(-x11)?|xkbfile|gbm|drm|EGL|GL|GLX|GLdispatch|OpenGL|"
    r"fontconfig|freetype|png16|brotli(common|dec|enc)|z|bz2|expat|uuid|bsd|md|"
    r"glib-2\.0|gthread-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|pcre2?-8|ffi|"
    r"dbus-1|systemd|udev|lz4|lzma|zstd|gcrypt|gpg-error|cap|"
    r"asound|nss3|nssutil3|smime3|ssl3|softokn3|freebl3|freeblpriv3|nssckbi|nssdbm3|nspr4|plc4|plds4|"
    r"cups|gnutls|nettle|hogweed|gmp|p11-kit|idn2|unistring|tasn1|avahi-(client|common)|"
    r"gssapi_krb5|krb5|k5crypto|krb5support|com_err|keyutils|"
    r"ssl|crypto|sqlite3|stdc\+\+|gcc_s)\.so(\.[\d.]+)?$")


def left_to_host(dest: str) -> bool:
    """A system library at the top of the Linux bundle that the host provides (HOST_LIBRARY)."""
    dest = dest.replace("\\", "/")
    return "/" not in dest and bool(HOST_LIBRARY.match(dest))


def unwanted(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if re.search(r"(^|/)PySide6/(Qt/)?(qml|plugins/qmltooling)/", dest):  # Qt/ on Linux, none on Windows
        return True
    if ("PySide6/Qt/lib/" in dest or name.startswith(("Qt6", "libQt6"))) and UNUSED_QT_LIB.search(name):
        return True
    if re.search(r"PySide6/(Qt/)?translations/", dest) and not KEEP_LOCALES.search(name):
        return True
    return bool(UNUSED_BINDING.search(dest) or UNUSED_PLUGIN.search(dest) or OTHER_UNUSED.search(dest))


def _imports(src: str) -> set[str]:
    from PyInstaller.depend.bindepend import get_imports

    try:
        return {os.path.basename(name).lower() for name, _ in get_imports(src)}
    except Exception:  # noqa: BLE001 - not a binary the analyser reads: it imports nothing we track
        return set()


def _is_plain_library(entry) -> bool:
    """A shared library that is only there because another binary links to it (not a Python
    extension, not a Qt plugin, not a program): safe to drop once nothing left links to it."""
    dest, _src, kind = entry
    dest = dest.replace("\\", "/")
    if kind != "BINARY" or "/plugins/" in dest or "lib-dynload/" in dest:
        return False
    name = dest.rsplit("/", 1)[-1].lower()
    if ".cpython-" in name or name.endswith((".pyd", ".abi3.so")) or name.startswith(("libpython", "python3")):
        return False
    # loaded by name at run time, not linked: NSS's modules (QtWebEngine), OpenSSL (Qt's TLS
    # backend), the C++/GCC runtimes everything uses
    return not re.match(r"(lib)?(softokn3|freebl|nssckbi|nssdbm3|ssl|crypto|libssl|libcrypto|stdc\+\+|gcc_s)", name)


def trim(binaries: list, datas: list) -> tuple[list, list]:
    """The entries to collect: the rules above, then every plain library that only a dropped file
    linked to (repeated until nothing more goes), then symbolic links whose target went."""
    drop = {e[0] for e in binaries + datas if unwanted(e[0])}
    host = {e[0] for e in binaries if left_to_host(e[0])}  # not "unwanted": they are used, from the host
    while True:
        kept = [e for e in binaries if e[0] not in drop and e[2] != "SYMLINK"]
        needed = set()
        for _dest, src, _kind in kept:
            needed |= _imports(src)
        orphans = {e[0] for e in kept if _is_plain_library(e) and os.path.basename(e[0]).lower() not in needed
                   and _linked_by_dropped(e, binaries, drop)}
        if not orphans:
            break
        drop |= orphans
    # a symbolic link (Linux: libQt6Core.so.6 -> PySide6/Qt/lib/libQt6Core.so.6) goes with its target
    drop |= {e[0] for e in binaries + datas if e[2] == "SYMLINK" and e[1].replace("\\", "/") in drop}
    size = sum(os.path.getsize(e[1]) for e in binaries + datas
               if e[0] in drop and e[2] != "SYMLINK" and os.path.isfile(e[1]))
    print(f"desk.spec: {len(drop)} unused files left out ({size / 2**20:.0f} MB)")  # noqa: T201
    host -= drop
    host_size = sum(os.path.getsize(e[1]) for e in binaries if e[0] in host and os.path.isfile(e[1]))
    print(f"desk.spec: {len(host)} system libraries left to the host ({host_size / 2**20:.0f} MB): "  # noqa: T201
          + " ".join(sorted(host)))
    drop |= host
    return [e for e in binaries if e[0] not in drop], [e for e in datas if e[0] not in drop]


_linked_cache: dict = {}


def _linked_by_dropped(entry, binaries, drop) -> bool:
    """Only libraries that some dropped binary linked to are candidates: a library nothing links to
    at all may be loaded by name at run time (dlopen), so it stays."""
    name = os.path.basename(entry[0]).lower()
    for dest, src, kind in binaries:
        if dest in drop and kind != "SYMLINK":
            if src not in _linked_cache:
                _linked_cache[src] = _imports(src)
            if name in _linked_cache[src]:
                return True
    return False
