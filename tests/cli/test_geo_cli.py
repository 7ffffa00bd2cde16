"""The geometry commands as an administrator types them."""
import json

from desk.cli import main


def test_demo_street_balance_lists_grids_outside_the_standard_with_suggestions(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    assert main(["demo", "--db", db]) == 0
    capsys.readouterr()
    assert main(["grids", "balance", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "偏大" in out and "建议" in out and "共 41 个网格" in out
    assert main(["geo", "assign", "--db", db]) == 0
    assert "调整网格 0 户" in capsys.readouterr().out


def test_a_broken_grid_file_is_refused_with_each_feature_named(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    main(["demo", "--db", db])
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "无代码"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}]}))
    capsys.readouterr()
    assert main(["import", "grids", str(path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "未导入任何数据" in err and "第 1 个要素" in err and "不是面" in err


def test_the_demo_grids_exported_and_imported_again_pass_every_check_and_change_nothing(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    main(["demo", "--db", db])
    out = tmp_path / "grids.geojson"
    assert main(["geo", "export", "grids", str(out), "--db", db]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 41
    capsys.readouterr()
    assert main(["import", "grids", str(out), "--db", db]) == 0
    assert "未变 41 个" in capsys.readouterr().out
