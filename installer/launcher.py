"""desk.exe, the program the Start menu opens: a small launcher for desk-cli.exe beside it.

The bundle holds the desk once, in desk-cli (a console program: the command line, and the window
when started without a command). A windowed program of its own would carry a second copy of the
whole Python archive (15 MB), so desk.exe only starts desk-cli with the same arguments and returns
its exit code: on Windows with CREATE_NO_WINDOW, so that no console window appears beside the
desk's window; elsewhere it simply becomes desk-cli (exec).
"""
import os
import subprocess
import sys


def _tell(message: str) -> None:
    if os.name == "nt":  # a windowed program has no console to print to
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, message, "警网融合中心工作台", 0x10)
    else:
        sys.stderr.write(message + "\n")


def main() -> int:
    folder = os.path.dirname(os.path.abspath(sys.executable))
    program = os.path.join(folder, "desk-cli.exe" if os.name == "nt" else "desk-cli")
    if not os.path.isfile(program):
        _tell(f"安装不完整：找不到 {program}，请重新安装工作台。\n(The installation is incomplete: {program} is missing.)")
        return 1
    args = [program, *sys.argv[1:]]
    if os.name != "nt":
        os.execv(program, args)
    return subprocess.call(args, creationflags=subprocess.CREATE_NO_WINDOW)


if __name__ == "__main__":
    sys.exit(main())
