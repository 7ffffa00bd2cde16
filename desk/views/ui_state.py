"""What the window remembers per seat between runs (dialog sizes, the font size): Qt's own settings
store (an INI file in the user's config folder), separate from the desk's settings.json, which
holds what an administrator sets. Nothing here is security-relevant."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget


def store() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "desk", "desk-ui")


def restore_geometry(widget: QWidget, key: str) -> bool:
    """Give a window the size and place it had when last closed; False when there is none."""
    value = store().value(f"geometry/{key}")
    if isinstance(value, QByteArray) and not value.isEmpty():
        return widget.restoreGeometry(value)
    return False


def save_geometry(widget: QWidget, key: str) -> None:
    store().setValue(f"geometry/{key}", widget.saveGeometry())


def value(key: str, default):
    v = store().value(key, default)
    try:
        return type(default)(v)
    except (TypeError, ValueError):
        return default


def set_value(key: str, v) -> None:
    store().setValue(key, v)
