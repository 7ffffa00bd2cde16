"""desk: the desktop program of a street's police-grid fusion command centre."""


def _version() -> str:
    """The version is kept in one place, pyproject.toml; the installed package's metadata
    (also copied into the PyInstaller bundle) carries it here."""
    from importlib import metadata

    try:
        return metadata.version("desk")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.M)
        except OSError:
            found = None
        return found.group(1) if found else "0+unknown"


__version__ = _version()
APP_NAME = "desk"
