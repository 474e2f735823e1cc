"""Peak resident memory per stage of a run, sampled from /proc (Linux).

`ru_maxrss` only gives a process's high-water mark over its whole life, and nothing for the
worker processes. A thread here samples, every few tens of milliseconds, the resident size of
this process and of its children (the local engine's workers) and keeps the largest seen
while each named stage was running.

    peaks = StagePeaks()
    with peaks.stage("derive"):
        ...
    peaks.stop()   # {"derive": (main MB, main + workers MB), ...}
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0   # gone, or not Linux


def _children(pid: int) -> list[int]:
    out = []
    for name in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    # the command may hold spaces and brackets: fields follow the last ")"
                    fields = fh.read().rsplit(b")", 1)[1].split()
                if int(fields[1]) == pid:
                    out.append(int(name))
            except (OSError, IndexError, ValueError):
                continue
    return out


class StagePeaks:
    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.current = "other"   # before the first stage
        self.peaks: dict[str, tuple[int, int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        pid, kids, tick = os.getpid(), [], 0
        while not self._stop.is_set():
            if tick % 20 == 0:       # the worker list changes rarely: rescan about once a second
                kids = _children(pid)
            tick += 1
            own = _rss(pid)
            total = own + sum(_rss(k) for k in kids)
            name = self.current
            old = self.peaks.get(name, (0, 0))
            self.peaks[name] = (max(old[0], own), max(old[1], total))
            time.sleep(self.interval)

    @contextmanager
    def stage(self, name: str):
        """Samples taken while the block runs count for `name`. Afterwards they count for
        "after NAME" (left out of `stop()`'s answer): a process keeps much of what a stage
        allocated, so the enclosing stage's peak would otherwise show it."""
        self.current = name
        try:
            yield
        finally:
            self.current = f"after {name}"

    def stop(self) -> dict[str, tuple[float, float]]:
        """Peaks in MB: stage -> (this process, this process and its children). A stage
        entered after another still holds what the earlier left in the process."""
        self._stop.set()
        self._thread.join()
        return {k: (a / 2 ** 20, b / 2 ** 20) for k, (a, b) in self.peaks.items()
                if not k.startswith("after ") and k != "other"}
