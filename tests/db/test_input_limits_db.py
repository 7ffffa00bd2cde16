"""No input makes the desk hang or fail with an internal error (security issue, part 5): the cases
seen in the assessment, each as its own test, on both engines. Over-long or unstorable text is
refused with a message naming the field and the limit, and nothing is written."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from board_support import WANG, new, small_street  # noqa: E402

from desk.models import AuditRecord, Event  # noqa: E402
from desk.services import incidents as inc  # noqa: E402
from desk.services import limits  # noqa: E402
from desk.services.errors import ValidationError  # noqa: E402
from desk.services.incidents.importer import import_events  # noqa: E402


@pytest.fixture
def duty(ctx):
    small_street(ctx)
    return ctx.as_actor(WANG)


def counts(ctx) -> tuple[int, int]:
    with ctx.read() as s:
        return (s.scalar(select(func.count()).select_from(Event)),
                s.scalar(select(func.count()).select_from(AuditRecord)))


def test_a_five_megabyte_description_is_refused_at_once_naming_the_limit(duty):
    before = counts(duty)
    started = time.monotonic()
    with pytest.raises(ValidationError) as exc:
        new(duty, description="张三家纠纷邻里噪音扰民" * 500_000)  # 5.5 million characters, no punctuation
    assert time.monotonic() - started < 10
    assert any(f"内容不超过{limits.DESCRIPTION.max}字" in p for p in exc.value.problems)
    assert counts(duty) == before


def test_a_description_at_the_limit_is_kept_whole_and_found_by_its_pinyin_initials(duty):
    text = ("邻里噪音" * (limits.DESCRIPTION.max // 4))[:limits.DESCRIPTION.max]
    row = new(duty, title="噪音", description=text)
    assert inc.event_detail(duty, row.id).description == text
    assert len(row.initials) == len(row.text)
    assert row.id in [r.id for r in inc.search_events(duty, "llzy")]


def test_a_lone_surrogate_in_an_event_title_is_refused_when_reported_and_nothing_is_written(duty):
    before = counts(duty)
    with pytest.raises(ValidationError) as exc:
        new(duty, title="路灯\ud800不亮")
    assert any("标题含无效字符 U+D800" in p for p in exc.value.problems)
    assert counts(duty) == before


@pytest.mark.parametrize("field, value, words", [
    ("title", "标" * 121, "标题不超过120字"),
    ("address", "地" * 201, "地址不超过200字"),
    ("reporter_name", "名" * 33, "报告人不超过32字"),
    ("title", "路灯\x00不亮", "标题含控制字符 U+0000"),
    ("description", "第一行\x1b[31m", "内容含控制字符 U+001B"),
])
def test_text_over_its_limit_or_with_forbidden_characters_is_refused_naming_the_field(duty, field, value, words):
    before = counts(duty)
    with pytest.raises(ValidationError) as exc:
        new(duty, **{field: value})
    assert any(words in p for p in exc.value.problems), exc.value.problems
    assert counts(duty) == before


def test_a_description_keeps_its_line_breaks_and_tabs(duty):
    row = new(duty, description="第一行\n\t第二行")
    assert inc.event_detail(duty, row.id).description == "第一行\n\t第二行"


@pytest.mark.parametrize("query", ["\x00", "路灯\x00", "\ud800", "\x00\x00 zs"])
def test_a_search_holding_a_nul_or_a_lone_surrogate_gives_an_answer_not_an_error(duty, query):
    new(duty, title="路灯不亮", description="北街路灯坏了")
    found = inc.search_events(duty, query)
    words = [w for w in query.replace("\x00", " ").replace("\ud800", " ").split() if w]
    if not words:
        assert found == ()
    else:
        assert all(all(w in r.text or w == "zs" for w in words) for r in found)


def test_a_cancel_reason_over_its_limit_is_refused_not_cut(duty):
    row = new(duty)
    with pytest.raises(ValidationError) as exc:
        inc.transition(duty, row.id, "cancel", reason="原" * 201)
    assert any("原因不超过200字" in p for p in exc.value.problems)
    assert inc.event_detail(duty, row.id).row.status == row.status


def _csv(tmp_path, text: str) -> Path:
    path = tmp_path / "hotline.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_import_row_over_a_limit_is_named_by_its_line_and_nothing_is_imported(duty, tmp_path):
    before = counts(duty)
    path = _csv(tmp_path, "工单编号,诉求内容,地址\nA1,路灯不亮,兴钢社区1号楼\nA2," + "长" * 5001 + ",兴钢社区\n"
                          "A3,楼道堆物," + "址" * 201 + "\n")
    with pytest.raises(ValidationError) as exc:
        import_events(duty, path)
    assert any(p.startswith("第3行") and "内容不超过5000字" in p for p in exc.value.problems)
    assert any(p.startswith("第4行") and "地址不超过200字" in p for p in exc.value.problems)
    assert counts(duty) == before


def test_with_skip_bad_the_good_rows_are_imported_and_each_overlong_row_is_reported(duty, tmp_path):
    path = _csv(tmp_path, "工单编号,诉求内容\nB1,路灯不亮\nB2," + "长" * 5001 + "\nB3\x00x,楼道堆物\n")
    r = import_events(duty, path, skip_bad=True)
    assert r.imported == 1
    assert any(b.startswith("第3行") for b in r.bad) and any(b.startswith("第4行") and "工单编号含控制字符" in b
                                                            for b in r.bad)


def test_a_hotline_file_with_thousands_of_bad_rows_lists_twenty_counts_the_rest_and_writes_them_all(
        duty, tmp_path):
    rows = "".join(f"C{i},路灯不亮,not-a-date\n" for i in range(300))
    path = _csv(tmp_path, "工单编号,诉求内容,来电时间\n" + rows)
    with pytest.raises(ValidationError) as exc:
        import_events(duty, path)
    assert len(exc.value.problems) == 20 + 2
    assert "另有 280 个问题" in exc.value.problems[-2]
    report = tmp_path / "hotline-导入问题.txt"
    assert str(report) in exc.value.problems[-1]
    assert report.read_text(encoding="utf-8-sig").count("not-a-date") == 300


def test_a_write_the_database_account_may_not_make_is_a_plain_refusal(db, db_url, clock):
    if db.sqlite:
        pytest.skip("database roles are a PostgreSQL matter")
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from desk.config import Settings
    from desk.db import Database
    from desk.services.context import Context
    from desk.services.errors import DatabaseError

    weak = f"desk_ro_{uuid.uuid4().hex[:8]}"
    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE ROLE "{weak}" LOGIN'))
        c.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{weak}"'))
    ro = Database(make_url(db_url).set(username=weak).render_as_string(hide_password=False))
    try:
        ctx = Context(db=ro, settings=Settings(), clock=clock)
        with pytest.raises(DatabaseError, match="权限不足"):
            with ctx.unit() as u:
                u.audit("fuzz.note", "note", None, after={"text": "x"})
        assert counts(ctx) == (0, 0)
    finally:
        ro.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP OWNED BY "{weak}"'))
            c.execute(text(f'DROP ROLE IF EXISTS "{weak}"'))
        admin.dispose()
