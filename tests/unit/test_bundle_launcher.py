"""desk (desk.exe), the program the Start menu opens, is a launcher of desk-cli beside it: the same
arguments reach the desk and its exit code comes back; a missing desk-cli is said plainly."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

LAUNCHER = Path(__file__).resolve().parents[2] / "installer" / "launcher.py"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the POSIX path of the launcher (exec)")


def test_the_launcher_hands_its_arguments_to_desk_cli_and_returns_its_exit_code(tmp_path):
    python = tmp_path / "python3"
    python.symlink_to(Path(sys.executable).resolve())
    cli = tmp_path / "desk-cli"
    cli.write_text('#!/bin/sh\necho "desk-cli got: $*"\nexit 3\n', encoding="utf-8")
    cli.chmod(0o755)
    done = subprocess.run([str(python), str(LAUNCHER), "selftest", "--only", "pdf"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 3
    assert done.stdout.strip() == "desk-cli got: selftest --only pdf"


def test_without_desk_cli_the_launcher_says_the_installation_is_incomplete(tmp_path):
    python = tmp_path / "python3"
    python.symlink_to(Path(sys.executable).resolve())
    done = subprocess.run([str(python), str(LAUNCHER)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "安装不完整" in done.stderr and "desk-cli" in done.stderr
