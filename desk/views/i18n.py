"""Qt translations: the UI speaks Simplified Chinese; English comes from desk_en.qm."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desk import resources
from desk.views.platform_ui import install_qt_chinese


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the translation for ``language`` ('zh_CN' needs none). Returns it, or None."""
    if not language or language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        install_qt_chinese(app)  # the standard dialogs' buttons and file dialogs in Chinese
        return None
    translator = QTranslator(app)
    qm = resources.path("translations", f"desk_{language.split('_')[0]}.qm")
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    return None
