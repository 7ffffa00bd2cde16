"""The log file: one set-up, a rotating file in the user data folder, no personal data,
uncaught exceptions kept with their traceback, --verbose for the command line."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desk import logfile


@pytest.fixture
def log_to(tmp_path, monkeypatch):
    """Configure the log into tmp_path; undo every handler and hook afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)  # as in the program: no harness's hook
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    logger = logging.getLogger(logfile.LOGGER)
    before, level = list(logger.handlers), logger.level
    path = tmp_path / "logs" / "desk.log"
    yield lambda verbose=False: logfile.configure(verbose=verbose, path=path)
    for h in logger.handlers:
        if h not in before:
            h.close()
    logger.handlers[:] = before
    logger.setLevel(level)


def _text(path: Path) -> str:
    for h in logging.getLogger(logfile.LOGGER).handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_the_log_file_is_made_in_the_folder_asked_and_says_which_version_started(log_to, tmp_path):
    path = log_to()
    assert path == (tmp_path / "logs" / "desk.log").absolute()
    assert logfile.current_path() == path
    from desk import __version__

    assert f"desk {__version__} started" in _text(path)


def test_configuring_twice_writes_each_line_once(log_to):
    path = log_to()
    log_to()
    logging.getLogger("desk.test").warning("only once please")
    assert _text(path).count("only once please") == 1


def test_phone_and_id_numbers_and_url_passwords_never_reach_the_log(log_to):
    path = log_to()
    log = logging.getLogger("desk.test")
    log.warning("caller 13812345678 about 410481199001011234 at 0375-6123456")
    try:
        raise ValueError("bad number 15900001111 in postgresql+psycopg://desk:s3cret@db/street")
    except ValueError:
        log.exception("failed")
    text = _text(path)
    for secret in ("13812345678", "410481199001011234", "6123456", "15900001111", "s3cret"):
        assert secret not in text
    assert "138****5678" in text and "410481********1234" in text and "desk:***@db" in text


def test_an_uncaught_exception_is_logged_with_its_traceback_and_told_to_the_listener(log_to):
    path = log_to()
    told = []
    logfile.add_listener(told.append)
    try:
        try:
            raise RuntimeError("the printer went away")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        logfile.remove_listener(told.append)
    text = _text(path)
    assert "uncaught exception" in text and "Traceback (most recent call last)" in text
    assert "RuntimeError: the printer went away" in text
    assert told == ["RuntimeError: the printer went away"]


def test_an_exception_in_a_thread_is_logged_with_its_traceback(log_to):
    path = log_to()

    def boom():
        raise LookupError("no such grid in thread")

    t = threading.Thread(target=boom, name="desk-test-thread")
    t.start()
    t.join()
    text = _text(path)
    assert "uncaught exception in thread desk-test-thread" in text
    assert "LookupError: no such grid in thread" in text and "in boom" in text


def test_the_log_rotates_instead_of_growing_without_end(log_to, monkeypatch):
    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    path = log_to()
    log = logging.getLogger("desk.test")
    for i in range(200):
        log.info("line %d %s", i, "x" * 50)
    folder = path.parent
    assert (folder / "desk.log.1").exists()
    assert len(list(folder.glob("desk.log.*"))) <= logfile.KEEP
    assert path.stat().st_size <= 2000 + 200


def test_an_unwritable_log_folder_leaves_the_program_running_without_a_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logfile.install(blocker / "logs" / "desk.log") is None


def _run(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESK_")}
    env.update(DESK_DATA_KEY=os.environ["DESK_DATA_KEY"], **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_verbose_shows_the_log_on_the_screen_and_the_file_keeps_it(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    db = f"sqlite:///{tmp_path / 'a.db'}"
    quiet = _run("db", "status", "--db", db, env_extra=env)
    loud = _run("db", "status", "--db", db, "--verbose", env_extra=env)
    assert quiet.returncode == 0 and loud.returncode == 0
    assert "started" not in quiet.stderr
    assert "desk: INFO desk: desk" in loud.stderr and "started" in loud.stderr
    log = (tmp_path / "data" / "desk" / "logs" / "desk.log").read_text(encoding="utf-8")
    assert log.count("started: db status") == 2
    assert "a.db" not in log  # option values (a URL may hold a password) are not written


def test_without_verbose_the_screen_gets_one_line_and_never_a_traceback(log_to, capsys):
    path = log_to()
    try:
        raise RuntimeError("the scanner jammed\nsecond line")
    except RuntimeError:
        logging.getLogger("desk.test").error("scan failed for 13812345678", exc_info=True)
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["desk: ERROR desk.test: scan failed for 138****5678 "
                                        "(RuntimeError: the scanner jammed)"]
    assert "Traceback (most recent call last)" in _text(path)


def test_the_command_passed_in_is_logged_without_option_values(log_to, tmp_path):
    path = logfile.configure(path=tmp_path / "logs" / "desk.log",
                             argv=["db", "status", "--db", "postgresql://desk:pw@h/street"])
    text = _text(path)
    assert "started: db status --db …" in text and "pw@" not in text
