"""`desk import events` from the command line: one readable line, exit 1 with line numbers on bad rows."""
from __future__ import annotations

import csv

from desk.cli import main


def test_import_events_prints_what_it_did_and_refuses_a_bad_file(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'd.db'}"
    good = tmp_path / "hotline.csv"
    with good.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["工单编号", "来电时间", "诉求内容"], ["A1", "2024-01-02 08:00", "路灯不亮"],
                                 ["A2", "2024-01-02 09:00", "楼道堆物"]])
    assert main(["import", "events", str(good), "--db", db]) == 0
    out = capsys.readouterr().out
    assert "导入事件 2 件" in out
    assert main(["import", "events", str(good), "--db", db]) == 0
    assert "已存在 2 件" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([["工单编号", "来电时间", "诉求内容"], ["B1", "昨天", "看不懂的时间"]])
    assert main(["import", "events", str(bad), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "第2行" in err and "未导入" in err
