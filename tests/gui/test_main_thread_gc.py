"""Garbage is collected on the UI thread only: a collection started on the database worker
thread freed Qt objects of the UI thread and crashed the program (segfault while "Garbage-collecting")."""
from __future__ import annotations

import gc
import threading
import weakref

from desk.views.main_thread_gc import MainThreadCollector


class _Node:
    def __init__(self):
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_cycles_made_on_a_worker_thread_are_collected_on_the_ui_thread(qapp, qtbot):
    gc.enable()  # as in a program before the collector is installed
    collector = MainThreadCollector(interval_ms=20)
    threads: list[str] = []

    def note(phase, info):
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        assert not gc.isenabled(), "automatic collection must be off while the collector runs"
        refs: list[weakref.ref] = []

        def make_garbage():
            for _ in range(20 * gc.get_threshold()[0]):
                node = _Node()
                refs.append(weakref.ref(node))

        worker = threading.Thread(target=make_garbage, name="worker")
        worker.start()
        worker.join()
        assert threads == [], "nothing may be collected on the worker thread"
        qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=5000)
        assert threads and set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(note)
        collector.stop()
        gc.disable()  # the test session collects between tests (conftest)
    assert not gc.isenabled()
