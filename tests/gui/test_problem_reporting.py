"""A worker's exception is never lost: it is in the log file with its traceback, and the
person sees a plain message that says where the details are."""
from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtWidgets import QMainWindow

from desk import logfile
from desk.services.errors import ValidationError
from desk.views.problems import install_problem_reporting
from desk.views.workers import DbWorker, run_in_pool

pytestmark = pytest.mark.gui


@pytest.fixture
def log_path(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)  # as in the program: no harness's hook
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    logger = logging.getLogger(logfile.LOGGER)
    before, level = list(logger.handlers), logger.level
    path = logfile.configure(path=tmp_path / "logs" / "desk.log")
    yield path
    for h in logger.handlers:
        if h not in before:
            h.close()
    logger.handlers[:] = before
    logger.setLevel(level)


def _read(path):
    for h in logging.getLogger(logfile.LOGGER).handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    worker = DbWorker()
    reporter = install_problem_reporting(w, worker)
    yield w, worker, reporter
    reporter.detach()
    if reporter.box is not None:
        reporter.box.close()
    worker.stop()


def test_a_failed_database_job_nobody_handles_is_logged_and_shown_as_a_plain_message(qtbot, log_path, window):
    w, worker, reporter = window

    def count_households():
        raise ZeroDivisionError("division by zero in the household count")

    worker.submit(count_households)
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible(), timeout=5000)
    text = reporter.box.text()
    assert "ZeroDivisionError: division by zero in the household count" in text
    assert str(log_path) in text and "Traceback" not in text
    log = _read(log_path)
    assert "Traceback (most recent call last)" in log and "in count_households" in log
    assert "ZeroDivisionError: division by zero in the household count" in log
    assert w.statusBar().currentMessage().startswith("ZeroDivisionError")


def test_a_failed_job_with_its_own_error_message_is_still_logged_with_its_traceback(qtbot, log_path, window):
    _w, worker, reporter = window
    got = []

    def save_event():
        raise ValidationError("地址不能为空 (address is required)")

    worker.submit(save_event, on_error=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], ValidationError)
    assert reporter.box is None  # the screen said it; no second message
    log = _read(log_path)
    assert "INFO desk.views.workers" in log and "in save_event" in log


def test_a_failed_background_job_is_logged_with_its_traceback(qtbot, log_path, window):
    w, _worker, _reporter = window
    errors = []

    def draw_map():
        raise OSError("disk full while writing the map page")

    run_in_pool(draw_map, lambda _v: None, errors.append, w)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    log = _read(log_path)
    assert "ERROR desk.views.workers" in log and "in draw_map" in log and "disk full" in log


@pytest.mark.qt_no_exception_capture  # the program's own hook, not pytest-qt's, must catch it
def test_an_exception_in_a_button_handler_is_logged_and_shown(qtbot, log_path, window):
    from PySide6.QtWidgets import QPushButton

    w, _worker, reporter = window
    button = QPushButton("打印", w)

    def on_click():
        raise KeyError("sheet")

    button.clicked.connect(on_click)
    button.show()
    button.click()
    qtbot.waitUntil(lambda: reporter.box is not None, timeout=5000)
    assert "KeyError" in reporter.box.text()
    assert "in on_click" in _read(log_path)


def test_many_failures_make_one_message_that_counts_them(qtbot, log_path, window):
    _w, worker, reporter = window
    for _ in range(3):
        worker.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: reporter.count == 3, timeout=5000)
    boxes = [b for b in _w.findChildren(type(reporter.box)) if b.isVisible()]
    assert len(boxes) == 1
    assert "3" in reporter.box.text()
