"""desk: the desktop program of a street's police-grid fusion command centre."""

__version__ = "0.1.0"
APP_NAME = "desk"
