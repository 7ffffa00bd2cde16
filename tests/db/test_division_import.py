"""`desk import divisions`: the street's communities from the national division codes."""
import pytest
from sqlalchemy import func, select

from desk.models import AuditRecord, Community, Street
from desk.services.divisions import import_divisions
from desk.services.errors import ValidationError


def _communities(ctx):
    with ctx.read() as s:
        return {(c.code, c.name, c.kind.value) for c in s.scalars(select(Community))}


def test_the_real_pingdingshan_file_creates_yuanling_and_its_nine_communities(ctx, shared_data):
    result = import_divisions(ctx, shared_data / "divisions/4104-pingdingshan-villages.csv", "410481004")
    assert (result.street_name, result.created, result.street_created) == ("院岭街道", 9, True)
    got = _communities(ctx)
    assert ("410481004001", "兴钢社区", "community") in got
    assert ("410481004201", "李辉庄村", "village") in got
    assert len(got) == 9


def test_importing_the_same_file_again_changes_nothing(ctx, shared_data):
    path = shared_data / "divisions/4104-pingdingshan-villages.csv"
    import_divisions(ctx, path, "410481004")
    again = import_divisions(ctx, path, "410481004")
    assert (again.created, again.renamed, again.unchanged) == (0, 0, 9)


def test_a_plain_code_name_file_with_one_street_needs_no_street_option(ctx, tmp_path):
    f = tmp_path / "d.csv"
    f.write_text("code,name\n410481004,院岭街道\n410481004001,兴钢社区居民委员会\n410481004201,李辉庄村民委员会\n",
                 encoding="utf-8")
    r = import_divisions(ctx, f)
    assert r.street_code == "410481004" and r.created == 2


def test_a_gbk_encoded_file_from_a_chinese_office_is_read(ctx, tmp_path):
    f = tmp_path / "gbk.csv"
    f.write_bytes("代码,名称\n410481004,院岭街道\n410481004002,工业园社区居民委员会\n".encode("gbk"))
    assert import_divisions(ctx, f).created == 1
    assert ("410481004002", "工业园社区", "community") in _communities(ctx)


def test_a_broken_file_names_its_bad_lines_and_imports_nothing(ctx, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("code,name\n410481004,院岭街道\n410481004001,兴钢社区\n4104810X4002,坏\n410481004001,重复\n",
                 encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        import_divisions(ctx, f)
    text = str(err.value)
    assert "line 4" in text and "line 5" in text and "nothing imported" in text
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Street)) == 0
        assert s.scalar(select(func.count()).select_from(AuditRecord)) == 0


def test_a_community_whose_street_is_unknown_is_refused(ctx, tmp_path):
    f = tmp_path / "orphan.csv"
    f.write_text("code,name\n410481004,院岭街道\n410481004001,兴钢社区\n410481005001,别处社区\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="line 4: unknown parent street 410481005"):
        import_divisions(ctx, f)
    assert _communities(ctx) == set()
    assert import_divisions(ctx, f, "410481004").created == 1  # the other street's row does not block it


def test_a_file_with_many_streets_asks_which_one(ctx, shared_data):
    with pytest.raises(ValidationError, match="--street"):
        import_divisions(ctx, shared_data / "divisions/4104-pingdingshan-villages.csv")


def _excel_copy(src, dst, street: str):
    """The village table as Excel saves it after opening: the 12-digit codes of ``street``'s
    rows shown, and saved, in scientific notation."""
    import csv

    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        for row in csv.reader(f):
            if row[2] == street:
                row[0] = f"{float(row[0]):.5E}"
            w.writerow(row)
    return dst


def test_codes_excel_turned_into_scientific_notation_are_named_with_the_fix(ctx, shared_data, tmp_path):
    f = _excel_copy(shared_data / "divisions/4104-pingdingshan-villages.csv", tmp_path / "v.csv", "410481004")
    with pytest.raises(ValidationError) as err:
        import_divisions(ctx, f, "410481004")
    assert "4.10481E+11" in err.value.problems[0] and "科学计数法" in err.value.problems[0]
    assert "文本" in err.value.problems[0]
    assert _communities(ctx) == set()


def test_rows_of_other_streets_do_not_block_the_chosen_street(ctx, shared_data, tmp_path):
    f = _excel_copy(shared_data / "divisions/4104-pingdingshan-villages.csv", tmp_path / "v.csv", "410402001")
    result = import_divisions(ctx, f, "410481004")
    assert (result.street_name, result.created) == ("院岭街道", 9)


def test_village_names_keep_their_official_form(ctx, shared_data, tmp_path):
    import csv

    rows = list(csv.reader(open(shared_data / "divisions/4104-pingdingshan-villages.csv", encoding="utf-8")))
    header, yuanling = rows[0], [r for r in rows if r[2] == "410481004"]
    yuanling[-1][1] = "大坦村村委会"        # how a county's table writes it
    yuanling[-2][1] = "前村村民委员会"
    f = tmp_path / "v.csv"
    with open(f, "w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([header, *yuanling])
    import_divisions(ctx, f, "410481004")
    names = {name for _code, name, _kind in _communities(ctx)}
    assert {"大坦村", "前村", "李辉庄村", "兴钢社区"} <= names
    assert not any(n.endswith("村村") for n in names)
