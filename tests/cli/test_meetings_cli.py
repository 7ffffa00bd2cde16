"""`desk meetings`: what is due, the list of meetings, the action items and the minutes and sign-in
sheet printed as PDFs in Chinese with the street's header (read back with pdftotext)."""
from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest

from desk.cli import main
from desk.services.meetings import AttendeeRow
from tests.meetings_support import item, people, record_daily

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_minutes_and_sign_in_sheet_print_in_chinese_with_the_streets_header(ctx, db_url, tmp_path, capsys):
    p = people(ctx)
    m = record_daily(ctx, p, date(2026, 11, 25), attendees=(
        AttendeeRow(p.officer, "陈民警", "社区民警"), AttendeeRow(p.secretary, "刘书记", "书记", "absent"),
        AttendeeRow(p.auxiliary, "孙辅警", "辅警", "substitute", substitute_for="刘书记")),
        items=(item("清理3号楼楼道杂物", date(2026, 11, 28), owner_department_id=p.city),))
    out = tmp_path / "纪要.pdf"
    assert main(["meetings", "print", str(m.id), "--out", str(out), "--db", db_url]) == 0
    text = pdf_text(out)
    flat = "".join(text.split())
    for words in ("院岭街道警网融合中心", "日见面会议纪要", "2026年11月25日", "陈民警", "缺席：刘书记", "孙辅警（代刘书记）",
                  "楼道杂物三日内清理", "清理3号楼楼道杂物", "城管", "2026-11-28"):
        assert words in flat, words
    sheet = tmp_path / "签到表.pdf"
    assert main(["meetings", "print", str(m.id), "--sign-in", "--out", str(sheet), "--db", db_url]) == 0
    flat = "".join(pdf_text(sheet).split())
    assert "日见面会议签到表" in flat and "本人签名" in flat and "孙辅警" in flat
    capsys.readouterr()
    assert main(["meetings", "print", "999", "--out", str(tmp_path / "x.pdf"), "--db", db_url]) == 1
    assert "不存在" in capsys.readouterr().err


def test_due_list_and_items_on_the_command_line(ctx, db_url, capsys):
    p = people(ctx)
    record_daily(ctx, p, date(2026, 11, 23), items=(item("修路灯", date(2026, 11, 24), owner_staff_id=p.secretary),))
    assert main(["meetings", "due", "--date", "2026-11-23", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "未召开" in out and "李辉庄村" in out
    assert main(["meetings", "list", "--from", "2026-11-01", "--to", "2026-11-30", "--kind", "daily",
                 "--format", "json", "--db", db_url]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["day"], r["kind"], r["scope"]) for r in rows] == [("2026-11-23", "日见面", "兴钢社区")]
    assert main(["meetings", "items", "--open", "--format", "csv", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "修路灯" in out and "已逾期" in out
    assert main(["meetings", "list", "--from", "2026-11-30", "--to", "2026-11-01", "--db", db_url]) == 1
