"""The machine a benchmark ran on, printed with its results: figures from a loaded or a smaller
machine are not comparable with README's, and a reader must be able to tell."""

import datetime
import os
import platform


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:  # not available on this platform
        return "load average unknown"
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min)"


def describe() -> str:
    """One line: date, cores, memory, Python and the load average at this moment."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        memory_text = f", {memory:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        memory_text = ""
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"machine: {today}, {os.cpu_count()} cores{memory_text}, {platform.machine()}, "
            f"Python {platform.python_version()}, {load_average()}")


def print_machine(when: str = "start") -> None:
    """Print the machine line (``when``: "start" or "end" of the run, whose load also counts)."""
    print(describe() if when == "start" else f"machine at the end: {load_average()}", flush=True)
