"""What the person installing the desk relies on, read from the installer's files: the version
kept in one place, and the Inno Setup script's steps (per machine, database URL and key file asked
or given, self-check after installing, user data kept)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import desk

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "installer" / "desk.iss").read_text(encoding="utf-8")


def test_the_version_is_kept_in_pyproject_only():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert desk.__version__ == declared
    assert "__version__ = \"" not in (ROOT / "desk" / "__init__.py").read_text(encoding="utf-8")
    assert "/DAppVersion=" in (ROOT / "installer" / "README.md").read_text(encoding="utf-8")


def test_the_changelog_has_an_unreleased_section_and_the_current_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in text and f"## {desk.__version__}" in text


def test_the_installer_installs_for_every_user_with_start_menu_and_uninstaller():
    assert re.search(r"^PrivilegesRequired=admin$", ISS, re.M)
    assert "DefaultDirName={autopf}\\desk" in ISS
    assert re.search(r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', ISS, re.M)
    assert "{uninstallexe}" in ISS


def test_the_installer_asks_for_the_database_and_key_or_takes_them_from_the_command_line():
    assert "CreateInputQueryPage" in ISS and "CreateInputFilePage" in ISS
    assert "{param:DBURL|}" in ISS and "{param:KEYFILE|}" in ISS
    assert "settings.json" in ISS and "desk.key" in ISS and "FileCopy(KeyFile, KeyTarget" in ISS


def test_the_installer_runs_the_selftest_and_keeps_user_data():
    assert re.search(r"desk-cli\.exe.*selftest|CliExe.*selftest", ISS.replace("\n", " "))
    assert "uninsneveruninstall" in ISS
    uninstall = ISS.split("[UninstallDelete]", 1)[1].split("[Code]", 1)[0]
    assert "{localappdata}" not in uninstall and "{commonappdata}" not in uninstall
