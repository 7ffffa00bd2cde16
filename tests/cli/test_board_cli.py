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


def _write(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_skip_bad_that_imports_nothing_exits_non_zero_and_points_to_the_full_list(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'd.db'}"
    bad = _write(tmp_path / "bad.csv", [["工单编号", "来电时间", "诉求内容"],
                                        *[[f"B{i}", "昨天", "看不懂的时间"] for i in range(45)]])
    assert main(["import", "events", str(bad), "--skip-bad", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "没有一行可以导入" in err and "第21行" in err and "第22行" not in err and "另有 25 个问题" in err
    assert "bad-导入问题.txt" in err and (tmp_path / "bad-导入问题.txt").exists()


def test_a_history_file_with_us_dates_says_how_many_became_history(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'd.db'}"
    rows = _write(tmp_path / "311.csv", [["Unique Key", "Created Date", "Closed Date", "Descriptor"],
                                         ["1", "03/01/2011 02:27:57 PM", "03/02/2011 10:00:00 AM", "Loud Music"],
                                         ["2", "03/01/2011 03:00:00 PM", "", "Street Light Out"]])
    assert main(["import", "events", str(rows), "--source", "other_system", "--history", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "导入事件 2 件（其中已办结历史件 2 件）" in out
    assert main(["import", "events", str(rows), "--map", "description=Complaint", "--db", db]) == 1
    err = capsys.readouterr().err
    assert "Complaint" in err and "Unique Key、Created Date、Closed Date、Descriptor" in err
