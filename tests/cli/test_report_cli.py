"""`desk report`: the sheets made on the demo street carry the figures a count over the raw events
gives (read back with pdftotext), embed a CJK font, are numbered per year and kind, are audited, and
refuse a malformed or future period with exit code 2."""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desk.cli import main
from desk.clock import LOCAL_TZ
from desk.demo import DemoOptions, build_demo
from desk.models import AuditRecord, Community, Event, ReportIssue

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def local_month(dt: datetime) -> str:
    return dt.astimezone(LOCAL_TZ).strftime("%Y-%m")


def counted_events(ctx, month: str) -> list:
    """The month's events, counted straight from the rows in Python (not through the figures layer)."""
    with ctx.read() as s:
        rows = s.execute(select(Event.id, Event.reported_at, Event.status, Event.community_id, Event.kind)).all()
        names = {i: n for i, n in s.execute(select(Community.id, Community.name))}
    return [(r, names.get(r.community_id, "未定位")) for r in rows
            if local_month(r.reported_at) == month and r.status not in ("merged", "cancelled")]


def test_the_monthly_report_prints_the_figures_a_plain_count_of_the_events_gives(ctx, db_url, tmp_path):
    build_demo(ctx, DemoOptions(seed=5, households=2000, days=70))
    out = tmp_path / "月讲评.pdf"
    assert main(["report", "monthly", "--db", db_url, "--month", "2026-10", "--out", str(out)]) == 0
    text = pdf_text(out)
    events = counted_events(ctx, "2026-10")
    closed = sum(r.status in ("closed", "called_back") for r, _ in events)
    assert len(events) > 20
    summary = re.sub(r"\s+", "", text)
    assert f"共上报事件{len(events)}件，已办结{closed}件" in summary
    per_community = Counter(name for _, name in events)
    for name, n in per_community.items():  # each community's row starts with its name and its count
        assert re.search(rf"^\s*{name}\s+{n}\s", text, re.M), name
    assert "院岭街道警网融合中心" in text and "2026年第1期" in text and "第 1 页 共" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"(UMing|MicroHei|Sim)\S*\s+TrueType\s+\S+\s+yes", fonts)
    with ctx.read() as s:
        audit = s.scalars(select(AuditRecord).where(AuditRecord.action == "data.export")).all()
    assert [a.entity for a in audit] == ["report.monthly"]


def test_the_daily_report_counts_the_day_by_kind_and_issue_numbers_run_per_kind(ctx, db_url, tmp_path):
    build_demo(ctx, DemoOptions(seed=2, households=2000, days=20))
    with ctx.read() as s:
        rows = s.execute(select(Event.reported_at, Event.status, Event.kind)).all()
    day = [r for r in rows if r.reported_at.astimezone(LOCAL_TZ).date().isoformat() == "2026-11-20"
           and r.status not in ("merged", "cancelled")]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert main(["report", "daily", "--db", db_url, "--date", "2026-11-20", "--out", str(first)]) == 0
    assert main(["report", "daily", "--db", db_url, "--date", "2026-11-20", "--out", str(second)]) == 0
    assert main(["report", "weekly", "--db", db_url, "--week", "2026-W47", "--out", str(tmp_path / "w.pdf")]) == 0
    flat = re.sub(r"\s+", "", pdf_text(first))
    assert f"全街道共上报事件{len(day)}件" in flat
    from desk.services.incidents.codes import KINDS

    table = pdf_text(first)
    for kind, n in Counter(r.kind for r in day).items():
        assert re.search(rf"^\s*{KINDS[kind]}\s+{n}\s", table, re.M), kind
    assert "2026年第2期" in pdf_text(second)
    with ctx.read() as s:
        numbers = s.execute(select(ReportIssue.kind, ReportIssue.number).order_by(ReportIssue.id)).all()
    assert [tuple(n) for n in numbers] == [("daily", 1), ("daily", 2), ("weekly", 1)]


def test_a_day_with_no_events_makes_a_sheet_that_says_so(db_url, tmp_path):
    out = tmp_path / "空.pdf"
    assert main(["report", "daily", "--db", db_url, "--date", "2026-01-05", "--out", str(out)]) == 0
    text = re.sub(r"\s+", "", pdf_text(out))
    assert "无上报事件" in text and "本期无紧急事件" in text


@pytest.mark.parametrize("args", [["weekly", "--week", "2026-W54"], ["monthly", "--month", "2026-13"],
                                  ["monthly", "--month", "2999-01"], ["daily", "--date", "2026-11-31"],
                                  ["daily", "--date", "2026-11-24", "--out-fmt"]])
def test_a_malformed_or_future_period_exits_2_and_writes_nothing(db_url, tmp_path, capsys, args):
    out = tmp_path / "x.pdf"
    with pytest.raises(SystemExit) if args[-1] == "--out-fmt" else _nothing():
        code = main(["report", *args, "--db", db_url, "--out", str(out)])
        assert code == 2
    assert not out.exists()
    assert "错误" in capsys.readouterr().err or args[-1] == "--out-fmt"


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_an_event_sheet_masks_the_reporter_and_the_xlsx_holds_numbers_and_dates(ctx, db_url, tmp_path):
    build_demo(ctx, DemoOptions(seed=1, households=2000, days=10))
    with ctx.read() as s:
        e = s.scalars(select(Event).where(Event.reporter_name != "", Event.phone_enc.is_not(None))
                      .order_by(Event.id)).first()
        phone = ctx.cipher.decrypt(e.phone_enc)
    out = tmp_path / "e.pdf"
    assert main(["report", "event", str(e.id), "--db", db_url, "--out", str(out)]) == 0
    text = pdf_text(out)
    assert e.title in re.sub(r"\s+", "", text) or e.title in text
    assert phone not in text and phone[-4:] in text
    assert e.reporter_name not in text and e.reporter_name[0] + "*" in text
    book = tmp_path / "m.xlsx"
    assert main(["report", "monthly", "--db", db_url, "--month", "2026-11", "--out", str(book)]) == 0
    wb = load_workbook(book)
    ws = wb["各社区事件情况"]
    assert ws.freeze_panes == "A2" and ws["A1"].value == "社区" and ws["B1"].value == "事件数(件)"
    assert isinstance(ws["B2"].value, int)
    ws = wb["各部门按时办结与退单情况"]
    rate_col = [c.value for c in ws[1]].index("按时签收率") + 1
    cell = ws.cell(2, rate_col)
    assert cell.value is None or (isinstance(cell.value, (int, float)) and cell.number_format == "0.0%")


def test_on_the_first_of_the_month_desk_report_monthly_alone_makes_last_months_pdf_here(ctx, db_url, tmp_path,
                                                                                      monkeypatch, capsys):
    from desk.services.figures.periods import last_complete_month, local_today

    build_demo(ctx, DemoOptions(seed=5, households=2000, days=40))
    monkeypatch.chdir(tmp_path)
    assert main(["report", "monthly", "--db", db_url]) == 0
    month = last_complete_month(local_today(datetime.now(timezone.utc)))   # the command runs on today's clock
    out = tmp_path / f"月讲评通报-{month.start:%Y-%m}.pdf"
    assert out.exists() and f"{month.start.year}年{month.start.month}月" in pdf_text(out)
    assert out.name in capsys.readouterr().out
