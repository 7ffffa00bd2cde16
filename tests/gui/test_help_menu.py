"""Help menu: the duty staff's guide opens inside the program; About says the version, the
database, the data folder, the log file and the licences of the bundled components."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

import desk
from desk.views.help import AboutDialog, AboutInfo, GuideDialog, guide_path, install_help_menu

pytestmark = pytest.mark.gui

INFO = AboutInfo("PostgreSQL desk@10.0.0.5/street", Path("/data/desk"), Path("/data/desk/logs/desk.log"),
                 Path("/config/desk/settings.json"))


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    install_help_menu(w, INFO)
    w.show()
    yield w
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, (AboutDialog, GuideDialog)):
            dialog.close()


def _open(qtbot, window, key, kind):
    window.help_actions[key].trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_about_says_version_database_folders_log_file_and_licences(qtbot, window):
    about = _open(qtbot, window, "about", AboutDialog)
    text = about.browser.toPlainText()
    assert f"desk {desk.__version__}" in text
    for shown in ("PostgreSQL desk@10.0.0.5/street", str(Path("/data/desk")), str(Path("/data/desk/logs/desk.log"))):
        assert shown in text
    assert "PySide6" in text and "LGPL-3.0" in text
    assert "Leaflet 1.9.4" in text and "BSD-2-Clause" in text
    assert "Microsoft YaHei UI" in text


def test_the_guide_opens_from_the_help_menu_with_the_days_routine(qtbot, window):
    assert window.help_actions["guide"].shortcut().toString() == "F1"
    guide = _open(qtbot, window, "guide", GuideDialog)
    text = guide.browser.toPlainText()
    for step in ("登录", "登记事件", "派单", "跟踪时限", "记录会商", "打印值班日报"):
        assert step in text, step


def test_the_guide_is_a_file_in_docs_that_the_bundle_carries():
    assert guide_path().name == "guide.md" and guide_path().parent.name == "docs"
    assert guide_path().exists()
    spec = (Path(desk.__file__).resolve().parent.parent / "installer" / "desk.spec").read_text(encoding="utf-8")
    assert '"docs" / "guide.md"' in spec
