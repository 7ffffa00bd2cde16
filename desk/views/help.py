"""The Help menu: the duty staff's guide (docs/guide.md, shown in the program) and the About
dialog (version, database, data folder, log file, licences of the bundled components).

``install_help_menu(window, info)`` adds the menu to a main window; ``run_guide()`` shows the
guide on its own (the Start menu's 值班员使用指南 entry: ``desk --guide``, no sign-in, no data)."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout

import desk

# (component, licence, where the licence text is) — shown in the About dialog.
LICENCES = [
    ("Qt 6 / PySide6 (Qt for Python)", "LGPL-3.0", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("Qt WebEngine (Chromium)", "LGPL-3.0；Chromium 组件为 BSD 等许可", "https://doc.qt.io/qt-6/qtwebengine-licensing.html"),
    ("Leaflet 1.9.4", "BSD-2-Clause", "desk/resources/web/leaflet/LICENSE"),
    ("Leaflet.markercluster 1.5.3", "MIT", "desk/resources/web/markercluster/MIT-LICENCE.txt"),
    ("jQuery 3.7.1", "MIT", "desk/resources/web/jquery/LICENSE.txt"),
    ("folium, branca", "MIT", "https://github.com/python-visualization/folium"),
    ("SQLAlchemy, Alembic", "MIT", "https://www.sqlalchemy.org"),
    ("psycopg 3", "LGPL-3.0", "https://www.psycopg.org"),
    ("ReportLab", "BSD-3-Clause", "https://www.reportlab.com"),
    ("pyqtgraph, shapely, openpyxl, platformdirs, pypinyin, argon2-cffi, cryptography",
     "MIT / BSD / Apache-2.0", "各软件包随附的许可文件"),
    ("Python 3", "PSF License", "https://docs.python.org/3/license.html"),
    ("界面字体：微软雅黑 Microsoft YaHei UI (Windows)", "Windows 系统字体，随 Windows 授权使用，本程序不分发",
     "https://learn.microsoft.com/typography/font-list/microsoft-yahei"),
    ("界面字体：文泉驿微米黑 WenQuanYi Micro Hei (Linux)", "Apache-2.0 或 GPL-3.0（含字体例外），系统安装，本程序不分发",
     "http://wenq.org"),
]


@dataclass(frozen=True)
class AboutInfo:
    database: str
    data_folder: Path
    log_file: Path | None
    settings_file: Path


def guide_path() -> Path:
    """docs/guide.md: next to the package in a source tree, in the bundle's data folder when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(desk.__file__).resolve().parent.parent))
    return base / "docs" / "guide.md"


def guide_text() -> str:
    try:
        return guide_path().read_text(encoding="utf-8")
    except OSError:
        return QApplication.translate("Help", "# 使用指南\n\n找不到指南文件：") + str(guide_path())


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle(self.tr("值班员使用指南"))
        self.resize(760, 680)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text())
        self.browser.setStyleSheet("QTextBrowser { font-size: 15px; }")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def about_html(info: AboutInfo) -> str:
    rows = [
        (QApplication.translate("Help", "版本"), f"desk {desk.__version__}"),
        (QApplication.translate("Help", "数据库"), info.database),
        (QApplication.translate("Help", "数据目录"), str(info.data_folder)),
        (QApplication.translate("Help", "日志文件"), str(info.log_file) if info.log_file
         else QApplication.translate("Help", "（无法写入）")),
        (QApplication.translate("Help", "设置文件"), str(info.settings_file)),
    ]
    table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    licences = "".join(f"<tr><td>{escape(name)}</td><td>{escape(lic)}</td><td>{escape(where)}</td></tr>"
                       for name, lic, where in LICENCES)
    title = escape(QApplication.translate("Help", "警网融合中心工作台"))
    return (f"<h2>{title}</h2><table cellspacing='6'>{table}</table>"
            f"<h3>{escape(QApplication.translate('Help', '随附组件及其许可'))}</h3>"
            f"<table cellspacing='4'>{licences}</table>"
            f"<p>{escape(QApplication.translate('Help', '出现问题时，请将日志文件交给系统管理员。'))}</p>")


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent=None):
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("关于 desk"))
        self.resize(760, 560)
        self.browser = QTextBrowser()
        self.browser.setHtml(about_html(info))
        self.browser.setTextInteractionFlags(Qt.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


def install_help_menu(window: QMainWindow, info: AboutInfo) -> None:
    """帮助 → 值班员使用指南 (F1), 关于 desk."""
    menu = window.menuBar().addMenu(QApplication.translate("Help", "帮助(&H)"))
    guide = menu.addAction(QApplication.translate("Help", "值班员使用指南"))
    guide.setShortcut(QKeySequence.HelpContents)
    about = menu.addAction(QApplication.translate("Help", "关于 desk"))

    def show(dialog_type, *args):
        dialog = dialog_type(*args, window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    guide.triggered.connect(lambda: show(GuideDialog))
    about.triggered.connect(lambda: show(AboutDialog, info))
    window.help_actions = {"guide": guide, "about": about}


def run_guide() -> int:
    """The guide alone (the Start menu entry): no database, no sign-in."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    dialog = GuideDialog()
    dialog.show()
    dialog.finished.connect(app.quit)
    return app.exec()
