"""Windows readiness, checked cheaply on Linux: the command room's PCs run Windows.

- no POSIX-only call (os.geteuid, fork, fcntl, pwd, ...) outside a guard that tests for it;
- no hard-coded POSIX folders (/tmp, /home, ~/.local): paths come from pathlib, tempfile, platformdirs;
- every text file is opened with an explicit encoding (Windows' default is the ANSI code page, GBK on
  a Chinese Windows: a UTF-8 file read without one garbles Chinese or fails);
- CSV written for people is UTF-8 with a BOM (Excel on Windows reads it as Chinese);
- Chinese file names (what a file dialog returns) are written and read back.
"""
from __future__ import annotations

import ast
import csv
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for p in (ROOT / "desk").rglob("*.py"))

POSIX_ONLY = re.compile(r"\bos\.(geteuid|getuid|getegid|getgid|fork|forkpty|setsid|killpg|getpgid|setuid|"
                        r"getpwnam|sync|nice)\b|^\s*(import|from)\s+(fcntl|pwd|grp|termios|resource|posix)\b|"
                        r"signal\.(SIGKILL|SIGUSR1|SIGUSR2|SIGHUP|SIGALRM|SIGCHLD)\b|\bos\.uname\b")
GUARD = re.compile(r"hasattr\(os|sys\.platform|os\.name|platform\.system|is_windows\(\)")
POSIX_FOLDERS = re.compile(r"^/tmp\b|^/home/|^~/|^/var/")

# Text files that may go without an explicit encoding, and why.
ENCODING_EXEMPT = {
    "desk/services/pii.py": "the key file holds base64, plain ASCII in every code page",
    "desk/db.py": "/proc/mounts is read on Linux only (OSError elsewhere)",
}


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_no_posix_only_call_outside_a_guard():
    found = []
    for path in SOURCES:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if POSIX_ONLY.search(line.split("#", 1)[0]):
                context = "\n".join(lines[max(0, i - 3):i + 1])
                if not GUARD.search(context):
                    found.append(f"{_rel(path)}:{i + 1}: {line.strip()}")
    assert not found, "POSIX-only calls without a Windows guard:\n" + "\n".join(found)


def test_no_hard_coded_posix_folders_in_the_code():
    found = []
    for path in SOURCES:
        with tokenize.open(path) as f:
            for tok in tokenize.generate_tokens(f.readline):
                if tok.type == tokenize.STRING:
                    try:
                        value = ast.literal_eval(tok.string)
                    except (ValueError, SyntaxError):
                        continue
                    if isinstance(value, str) and POSIX_FOLDERS.search(value):
                        found.append(f"{_rel(path)}:{tok.start[0]}: {value[:60]}")
    assert not found, "hard-coded POSIX folders (use tempfile/platformdirs):\n" + "\n".join(found)


def _text_opens_without_encoding(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in ("open", "read_text", "write_text", "fdopen"):
            continue
        if name == "open" and isinstance(func, ast.Attribute) and not node.args and not node.keywords:
            continue  # a dialog's or a driver's open(), not a file
        if any("QIODevice" in ast.unparse(a) for a in node.args):
            continue  # a Qt buffer or device
        if isinstance(func, ast.Attribute) and ast.unparse(func.value).endswith("zf"):
            continue  # a zip member: bytes (wrapped in a TextIOWrapper with an encoding where text)
        keywords = {k.arg: k.value for k in node.keywords}
        if "encoding" in keywords:
            continue
        mode_at = 1 if name in ("fdopen",) or (name == "open" and isinstance(func, ast.Name)) else 0
        mode = keywords.get("mode") or (node.args[mode_at] if len(node.args) > mode_at else None)
        if isinstance(mode, ast.Constant) and isinstance(mode.value, str) and "b" in mode.value:
            continue
        if name in ("read_text", "write_text") and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ("resources", "files"):
            continue  # desk.resources.read_text and desk.services.files.write_text use UTF-8 themselves
        out.append(f"{_rel(path)}:{node.lineno}: {name}()")
    return out


def test_every_text_file_is_opened_with_an_explicit_encoding():
    found = [hit for path in SOURCES if _rel(path) not in ENCODING_EXEMPT
             for hit in _text_opens_without_encoding(path)]
    assert not found, "text files opened in the code page of the PC (give encoding=):\n" + "\n".join(found)


def test_the_exemptions_are_still_needed():
    for rel in ENCODING_EXEMPT:
        assert _text_opens_without_encoding(ROOT / rel), f"{rel} no longer needs its exemption"


def test_the_audit_export_writes_utf8_with_bom_to_a_chinese_file_name(ctx, tmp_path):
    from desk.services import audit_log

    with ctx.unit() as u:
        u.audit("selftest.probe", "database", None, after={"说明": "中文内容"})
    target = tmp_path / "审计记录 十一月.csv"
    audit_log.export_csv(ctx, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["编号", "时间", "操作人"]
    assert any("中文内容" in cell for row in rows for cell in row)


def test_on_windows_the_interface_font_is_microsoft_yahei_ui_when_installed(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    from desk.views import platform_ui

    monkeypatch.setattr(platform_ui, "is_windows", lambda: True)
    monkeypatch.setattr(QFontDatabase, "families", staticmethod(lambda *a: ["Arial", "Microsoft YaHei UI", "SimSun"]))
    font = platform_ui.ui_font()
    assert font.family() == "Microsoft YaHei UI" and font.pointSize() == platform_ui.UI_POINT_SIZE


@pytest.mark.parametrize("name", ["日报 2026年11月25日.pdf", "院岭街道 网格.geojson"])
def test_paths_with_chinese_names_round_trip_through_pathlib(tmp_path, name):
    target = tmp_path / "导出" / name
    target.parent.mkdir()
    target.write_text("内容", encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == [name]
    assert target.read_text(encoding="utf-8") == "内容"
