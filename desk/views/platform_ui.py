"""What the window does differently on the command room's Windows PCs: high-DPI scaling that
follows the display's own factor (150 % screens are common), Microsoft YaHei UI as the interface
font, and Qt's own Chinese for the standard dialogs (file dialogs, message box buttons).

``before_app()`` runs before the QApplication exists; ``after_app(app)`` right after; the
translations (desk.views.i18n) install Qt's Chinese with the desk's language."""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QTranslator, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

WINDOWS_UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei")
OTHER_UI_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC")
UI_POINT_SIZE = 10
CJK_CHECK_TEXT = "警网融合中心值班"
# The taskbar identity shared by the window and the Start-menu shortcut (installer/desk.iss): the
# shortcut opens desk.exe, a launcher, and the window belongs to desk-cli.exe; with one ID Windows
# groups them as one program and a pinned desk stays one button.
APP_USER_MODEL_ID = "PoliceGridFusion.Desk"


def is_windows() -> bool:
    return sys.platform == "win32"


def before_app() -> None:
    """Fractional scale factors pass through (Qt would otherwise round 150 % to 200 %); on Windows,
    the taskbar identity of the Start-menu shortcut."""
    if QApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    if is_windows():
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
        except (AttributeError, OSError):  # an old Windows: the taskbar groups by program instead
            log.debug("no AppUserModelID", exc_info=True)


def ui_font() -> QFont | None:
    """The interface font: Microsoft YaHei UI on Windows; elsewhere a CJK sans face if installed."""
    families = set(QFontDatabase.families())
    candidates = WINDOWS_UI_FONTS + OTHER_UI_FONTS if is_windows() else OTHER_UI_FONTS
    for family in candidates:
        if family in families:
            font = QFont(family)
            font.setPointSize(UI_POINT_SIZE if is_windows() else QApplication.font().pointSize())
            return font
    return None


def after_app(app: QApplication) -> None:
    """Set the interface font (on Windows; elsewhere the desktop's own font stays)."""
    font = ui_font()
    if font is not None and is_windows():
        app.setFont(font)


def install_qt_chinese(app: QApplication) -> QTranslator | None:
    """Qt's own Simplified Chinese (OK/Cancel, the file dialog), shipped with PySide6."""
    translator = QTranslator(app)
    if translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)
        return translator
    log.warning("Qt's Chinese translation (qtbase_zh_CN.qm) not found")
    return None
