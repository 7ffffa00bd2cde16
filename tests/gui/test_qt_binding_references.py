"""A duty seat stays open all day: every tooltip set and every signal emitted must leave Python's ``None`` and
``True`` as they were. PySide6 6.12.0 on CPython 3.11 dropped one reference per call, so the desk aborted
("Fatal Python error: none_dealloc / bool_dealloc") after some thousands of calls; pyproject keeps it out.
This test catches such a binding before it reaches a seat."""
from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


class _Flag(QObject):
    changed = Signal(bool)


def test_a_day_of_tooltips_and_signals_leaves_none_and_true_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    flag = _Flag()
    got = []
    flag.changed.connect(got.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        label.setToolTip(f"#{i}")
        flag.changed.emit(True)
    got.clear()
    assert sys.getrefcount(None) - none_before > -100
    assert sys.getrefcount(True) - true_before > -100
