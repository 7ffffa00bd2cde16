"""The real program, started as a user starts it: the installed ``desk`` entry point on a
virtual X screen with the real settings file, the sign-in window typed into through the X
server, the idle lock, the change feed and the map. A scripted tour inside the process
(``DESK_TOUR``) visits every page the role has, opens an event dialog and the dispatch dialog,
then waits for the idle lock; the password is typed into the lock as a person would.

Fails on a non-zero exit, a crash, a Python traceback in the output or a page not shown.
Needs Xvfb and xdotool (tools/setup.sh installs them); without them the tests skip, except in
CI (DESK_REQUIRE_E2E=1), where they fail.
"""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.e2e.xsession import DESK, DeskProcess, VirtualScreen, missing_tools

PASSWORD = "Demo-Pass-2026"
ROLES = ["duty", "leader", "liaison", "grid", "ops", "admin", "audit"]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def screen():
    missing = missing_tools()
    if missing:
        if os.environ.get("DESK_REQUIRE_E2E") == "1":
            pytest.fail(f"the end-to-end tour needs {', '.join(missing)}")
        pytest.skip(f"the end-to-end tour needs {', '.join(missing)}")
    s = VirtualScreen()
    yield s
    s.close()


def user_env(home, db_url: str | None = None) -> dict:
    """A user's environment: their own data and settings folders, the real settings file and key file."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DESK_", "QT_QPA")) and k not in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"), LANG="C.UTF-8")
    settings = home / "config" / "desk" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"db_url": db_url} if db_url else {}), encoding="utf-8")
    return env


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    """A user's folders with the demo street in the default SQLite database, made by ``desk demo``."""
    home = tmp_path_factory.mktemp("user")
    env = user_env(home)
    done = subprocess.run([str(DESK), "demo", "--seed", "1", "--households", "3000", "--days", "60",
                           "--accounts", "--if-empty"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return home


def tour(screen, env, username: str) -> DeskProcess:
    desk = DeskProcess(screen, {**env, "DESK_TOUR": "3"})
    desk.sign_in(username, PASSWORD)
    desk.wait_for("desk-tour: locked", timeout=150)
    desk.screen.type(PASSWORD)
    desk.screen.key("Return")
    code = desk.finish(timeout=60)
    out = desk.meaningful_output()
    assert code == 0, f"desk exited with {code}:\n{out}"
    assert "Traceback" not in out and "Fatal Python error" not in out and "FAILED" not in out, out
    return desk


def pages_of(out: str) -> list[str]:
    line = next(x for x in out.splitlines() if "desk-tour: signed in as" in x)
    return line.rsplit("pages ", 1)[1].split(",")


@pytest.mark.parametrize("username", ROLES)
def test_each_role_signs_in_visits_every_page_is_locked_when_idle_and_unlocks(screen, demo_home, username):
    desk = tour(screen, user_env(demo_home), username)
    out = desk.meaningful_output()
    pages = pages_of(out)
    assert pages, out
    for key in pages:
        assert f"desk-tour: page {key} shown" in out, out
    assert "desk-tour: live feed connected" in out
    assert "desk-tour: unlocked" in out and "desk-tour: closing the window" in out
    if "board" in pages:
        assert "event dialog #" in out or "the board is empty" in out, out
    if username in ("duty", "leader"):
        assert "map" in pages and "dispatch dialog shown" in out, out
        assert "locked (3 windows covered)" in out, out  # the main window, the event and the dispatch dialogs


def test_the_duty_seat_on_postgresql_opens_the_map_and_the_live_feed(screen, tmp_path, pg_empty_url):
    env = user_env(tmp_path, pg_empty_url)
    done = subprocess.run([str(DESK), "demo", "--seed", "2", "--households", "2000", "--days", "30", "--accounts"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = tour(screen, env, "duty").meaningful_output()
    assert "desk-tour: page map shown" in out and "desk-tour: live feed connected" in out, out
    assert "desk-tour: unlocked" in out, out
