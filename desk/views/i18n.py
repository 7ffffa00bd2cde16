"""Qt translations: the UI speaks Simplified Chinese; English comes from desk_en.qm.

Qt's own words (the Cancel/OK/Yes/No of its dialogs, the context menus of its fields) come from
the qtbase translation that ships with Qt, for Chinese as for English. When desk_en.qm has not
been built (a checkout where nobody ran the setup), it is compiled from desk_en.ts on first use
into the user data folder, so ``DESK_LANG=en_US`` works from a fresh clone."""
from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desk import resources
from desk.views.platform_ui import install_qt_chinese

log = logging.getLogger(__name__)


class DeskTranslator(QTranslator):
    """The desk's translations. A module's own ``tr(text)`` (``QCoreApplication.translate("Ctx", text)``
    inside) is found by lupdate without its context: such words sit in the .ts under the empty context.
    They are looked up there when the named context has no translation."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102 - Qt's virtual
        found = super().translate(context, source, disambiguation, n)
        if not found and context:
            found = super().translate("", source, disambiguation, n)
        return found


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the translations for ``language`` ('zh_CN' needs none of its own). Returns the desk's
    translator, or None."""
    chinese = not language or language.startswith("zh")
    _install_qt_own(app, "zh_CN" if chinese else language)
    if chinese:
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
        install_qt_chinese(app)  # the standard dialogs' buttons and file dialogs in Chinese
        return None
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
    translator = DeskTranslator(app)
    qm = _compiled(language.split("_")[0])
    if qm is not None and translator.load(str(qm)):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for %s: the interface stays in Chinese", language)
    return None


def _install_qt_own(app: QApplication, language: str) -> None:
    """Qt's own dialogs' words (qtbase_zh_CN.qm, qtbase_en.qm from the Qt installation)."""
    folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    previous = app.property("desk_qt_translator")
    if isinstance(previous, QTranslator):
        app.removeTranslator(previous)
    qt = QTranslator(app)
    for name in (f"qtbase_{language}", f"qtbase_{language.split('_')[0]}"):
        if qt.load(name, folder):
            app.installTranslator(qt)
            app.setProperty("desk_qt_translator", qt)  # keep it alive with the application
            return


def _compiled(code: str) -> Path | None:
    qm = resources.path("translations", f"desk_{code}.qm")
    if qm.exists():
        return qm
    ts = resources.path("translations", f"desk_{code}.ts")
    if not ts.exists():
        return None
    from desk.config import data_dir

    target = data_dir() / "translations" / f"desk_{code}.qm"
    if target.exists() and target.stat().st_mtime >= ts.stat().st_mtime:
        return target
    lrelease = Path(__import__("PySide6").__file__).with_name("lrelease.exe" if os.name == "nt" else "lrelease")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(target)], check=True, timeout=60,
                       capture_output=True)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("cannot compile %s: %s", ts, exc)
        return None
    return target if target.exists() else None
