"""The real program on a virtual X screen: Xvfb, the installed ``desk`` entry point as its own
process (xcb, not offscreen), and a person's keyboard through xdotool (XTEST)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

DESK = Path(sys.executable).with_name("desk")
NOISE = ("vulkan", "Vulkan", "GPU vendor", "DRI3", "dbus", "bus.cc")


def missing_tools() -> list[str]:
    return [t for t in ("Xvfb", "xdotool") if shutil.which(t) is None]


class VirtualScreen:
    """An Xvfb server on a free display number (``-displayfd``)."""

    def __init__(self, size: str = "1600x1000x24"):
        read, write = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                                     pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.proc.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        out = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display},
                             capture_output=True, text=True, timeout=timeout)
        return out.stdout

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)

    def key(self, name: str) -> None:
        self.xdotool("key", name)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class DeskProcess:
    """``desk`` started as a user starts it; its stderr and stdout are collected line by line."""

    def __init__(self, screen: VirtualScreen, env: dict, args: tuple[str, ...] = ()):
        self.screen = screen
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self.proc = subprocess.Popen([str(DESK), *args], env={**env, "DISPLAY": screen.display,
                                                                "QT_QPA_PLATFORM": "xcb"},
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     encoding="utf-8", errors="replace")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._lock:
                self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        with self._lock:
            return "\n".join(self.lines)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.output:
                return
            if self.proc.poll() is not None:
                time.sleep(0.3)  # the reader may still be catching up
                if text in self.output:
                    return
                raise AssertionError(f"desk ended (exit {self.proc.returncode}) before {text!r}:\n{self.output}")
            time.sleep(0.1)
        raise AssertionError(f"no {text!r} within {timeout} s:\n{self.output}")

    def sign_in(self, username: str, password: str, timeout: float = 30) -> None:
        """Types the user name and password into the sign-in window, as a person does."""
        deadline = time.monotonic() + timeout
        window = ""
        while not window and time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"desk ended (exit {self.proc.returncode}) before signing in:\n{self.output}")
            window = self.screen.xdotool("search", "--onlyvisible", "--name", "登录").split("\n")[0].strip()
            time.sleep(0.2)
        assert window, f"no sign-in window within {timeout} s:\n{self.output}"
        time.sleep(0.5)
        self.screen.xdotool("windowfocus", "--sync", window)
        self.screen.type(username)
        self.screen.key("Tab")
        self.screen.type(password)
        self.screen.key("Return")

    def finish(self, timeout: float = 60) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError(f"desk did not end within {timeout} s:\n{self.output}") from None

    def meaningful_output(self) -> str:
        return "\n".join(line for line in self.output.splitlines() if not any(n in line for n in NOISE))
