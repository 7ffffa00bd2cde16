"""Kill a fault_writer process with SIGKILL at random moments (shared by the test and the bench)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

WRITER = Path(__file__).resolve().parent / "fault_writer.py"
ROOT = WRITER.parent.parent


def run_and_kill(url: str, seed: int, rng: random.Random, after_at_least: int) -> int:
    """Start a writer, let it commit ``after_at_least`` writes, then kill -9 it mid-flight.
    Returns how many writes it reported committed."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, str(WRITER), url, "--seed", str(seed)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    done = 0
    try:
        while done < after_at_least:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("writer stopped early: " + proc.stderr.read()[-2000:])
            done = int(line)
        time.sleep(rng.uniform(0, 0.02))  # land somewhere inside the next transaction
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    return done
