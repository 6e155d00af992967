"""``astc compile`` on a copy of the standard library: -W 1 vs -W 2, and a warm no-change run.

The corpus is :mod:`benchmarks._corpus`'s (stdlib without tests and site-packages, files
that compile), copied byte for byte into a temporary project (a ``.git`` marks its root),
so the real stdlib is never touched. Every run is a real subprocess
(``python -m astc compile src -o OUT -q``), timed wall-clock, startup included.

* cold ``-W 1`` (``--no-cache``) and cold ``-W 2`` (filling the cache) over the corpus
  (default: every N-th file, about ``--sample`` files, ~70k lines; ``--full``: the whole
  tree, 734 files, ~330k lines); their outputs must be identical. Wall and CPU seconds (of
  the child processes). Goal: ``-W 2`` >= 1.8x ``-W 1``.
* warm: the same command again with nothing changed; best of 3. Goal: under 2 s for the
  whole stdlib (``--full``).

The machine may be shared: besides the ratio of the two runs, the table gives what two
processes gain over one on plain Python arithmetic on this machine at that time (the
ceiling ``-W 2`` can reach), and the CPU-time ratio (the pool's overhead).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks._core import BenchConfig, BenchResult, Table, fmt_int, fmt_ratio
from benchmarks._corpus import candidate_paths, load, select, stdlib_root

GOAL_SPEEDUP = 1.8
GOAL_WARM_S = 2.0


def copy_corpus(paths: list[Path], root: Path, dest: Path) -> tuple[int, int]:
    """Copy the files that load (decode and compile) below ``dest``; (files, lines)."""
    files = lines = 0
    for path in paths:
        loaded = load(path, root)
        if loaded is None:
            continue
        target = dest / loaded.rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        files += 1
        lines += loaded.lines
    return files, lines


def astc_compile(project: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Wall seconds of one ``python -m astc compile ARGS`` run in ``project``."""
    env = {k: v for k, v in os.environ.items() if k != "ASTC_CACHE_DIR"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "astc", "compile", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    return time.perf_counter() - start, proc


def tree_bytes(directory: Path) -> dict[str, bytes]:
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in directory.rglob("*")
        if p.is_file()
    }


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_speedup(seconds: float = 1.0) -> float:
    """What 2 processes gain over 1 on this machine right now, on pure Python arithmetic.

    The ceiling for ``-W 2``: on a shared machine (other jobs running) it is well below 2.
    """
    n = 200_000
    start = time.perf_counter()
    _burn(n)
    n = max(n, int(n * seconds / 8 / max(time.perf_counter() - start, 1e-6)))
    jobs = [n] * 8
    start = time.perf_counter()
    for job in jobs:
        _burn(job)
    one = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_burn, [1]))  # workers started before timing
        start = time.perf_counter()
        list(pool.map(_burn, jobs))
        two = time.perf_counter() - start
    return one / two


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(config: BenchConfig) -> BenchResult:
    """Time cold -W 1 / -W 2 runs and a warm no-change run over the (sampled) stdlib copy."""
    result = BenchResult()
    root = stdlib_root()
    paths = candidate_paths(root)
    chosen = select(paths, config.sample, config.full)
    with tempfile.TemporaryDirectory(prefix="astc-cli-bench-") as tmp:
        project = Path(tmp)
        (project / ".git").mkdir()
        n_files, n_lines = copy_corpus(chosen, root, project / "src")
        ceiling_before = machine_speedup()
        wall: dict[int, float] = {}
        cpu: dict[int, float] = {}
        for workers, extra in ((1, ("--no-cache",)), (2, ())):
            before = cpu_seconds()
            wall[workers], proc = astc_compile(
                project, "src", "-o", f"out-w{workers}", "-W", str(workers), "-q", *extra
            )
            cpu[workers] = cpu_seconds() - before
            if proc.returncode != 0:
                result.problems.append(
                    f"-W {workers} exited {proc.returncode}: {proc.stderr[-2000:]}"
                )
        ceiling = (ceiling_before + machine_speedup()) / 2
        if tree_bytes(project / "out-w1") != tree_bytes(project / "out-w2"):
            result.problems.append("-W 1 and -W 2 wrote different outputs")
        warm_s = float("inf")
        for _ in range(3):  # the -W 2 run filled the cache; nothing changed since
            seconds, proc = astc_compile(
                project, "src", "-o", "out-w2", "-W", "2", "--output-format", "json"
            )
            warm_s = min(warm_s, seconds)
            summary = json.loads(proc.stdout)["summary"] if proc.stdout else {}
            if summary.get("compiled", 1) != 0 or proc.returncode != 0:
                result.problems.append(f"warm run was not a no-op: {summary}")
                break

    table = Table(
        "cli_stdlib: astc compile on a copy of the standard library (wall time)",
        ["run", "files", "lines", "wall s", "CPU s", "lines/s", "speedup"],
    )
    for workers in (1, 2):
        table.add_row(
            f"cold -W {workers}",
            n_files,
            fmt_int(n_lines),
            f"{wall[workers]:.2f}",
            f"{cpu[workers]:.2f}",
            fmt_int(n_lines / wall[workers]),
            fmt_ratio(wall[1] / wall[workers]),
        )
    table.add_row("warm, nothing changed", n_files, fmt_int(n_lines), f"{warm_s:.2f}", "", "", "")
    speedup = wall[1] / wall[2]
    table.notes.append(
        "corpus: "
        + ("the whole tree (--full)" if config.full else f"every N-th of {len(paths)} files")
        + f"; one cold run each (-W 2 fills the cache), warm best of 3; {os.cpu_count()} CPUs"
    )
    table.notes.append(
        f"this machine's own 2-process speedup on pure Python arithmetic, measured around "
        f"the cold runs: {ceiling:.2f}x (the ceiling for -W 2 here; 2.0x on 2 idle cores)"
    )
    table.notes.append(
        f"goal -W 2 >= {GOAL_SPEEDUP}x -W 1: {'met' if speedup >= GOAL_SPEEDUP else 'NOT met'} "
        f"({speedup:.2f}x; CPU s -W 2 / -W 1 = {cpu[2] / cpu[1]:.2f}: pool overhead); "
        f"goal warm < {GOAL_WARM_S:.0f} s{' (whole stdlib)' if config.full else ''}: "
        f"{'met' if warm_s < GOAL_WARM_S else 'NOT met'} ({warm_s:.2f} s)"
    )
    table.notes.append("each run is `python -m astc compile ... -q` (interpreter start included)")
    result.tables.append(table)
    return result
