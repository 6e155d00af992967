"""``astc compile`` on a copy of the standard library: -W 1 vs -W 2, and a warm no-change run.

The corpus is :mod:`benchmarks._corpus`'s (stdlib without tests and site-packages, files
that compile), copied byte for byte into a temporary project (a ``.git`` marks its root),
so the real stdlib is never touched. Every run is a real subprocess
(``python -m astc compile src -o OUT -q``), timed wall-clock, startup included.

* cold ``-W 1`` and cold ``-W 2`` (``--no-cache``) over the sample (default: every N-th
  file, about ``--sample`` files; ``--full``: the whole tree), interleaved, best of
  ``min(--repeat, 2)``; their outputs must be identical. Goal: ``-W 2`` >= 1.8x ``-W 1``.
* warm: the whole tree (``--quick``: the sample) is compiled once with the cache, then
  compiled again with nothing changed; best of 3. Goal: under 2 s for the whole stdlib.

The machine may be shared: speedups are ratios of runs made side by side in this run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
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


def run(config: BenchConfig) -> BenchResult:
    """Time cold -W 1 / -W 2 runs over the sample and a warm run over the whole tree."""
    result = BenchResult()
    root = stdlib_root()
    paths = candidate_paths(root)
    sample = select(paths, config.sample, config.full)
    warm_paths = sample if config.quick else paths
    repeats = max(1, min(config.repeat, 2))
    with tempfile.TemporaryDirectory(prefix="astc-cli-bench-") as tmp:
        project = Path(tmp)
        (project / ".git").mkdir()
        n_files, n_lines = copy_corpus(sample, root, project / "sample")
        best: dict[int, float] = {}
        for _ in range(repeats):
            for workers in (1, 2):
                out = f"out-w{workers}"
                shutil.rmtree(project / out, ignore_errors=True)
                args = ("sample", "-o", out, "-W", str(workers), "--no-cache", "-q")
                seconds, proc = astc_compile(project, *args)
                if proc.returncode != 0:
                    result.problems.append(
                        f"-W {workers} exited {proc.returncode}: {proc.stderr[-2000:]}"
                    )
                best[workers] = min(best.get(workers, seconds), seconds)
        if tree_bytes(project / "out-w1") != tree_bytes(project / "out-w2"):
            result.problems.append("-W 1 and -W 2 wrote different outputs")

        w_files, w_lines = copy_corpus(warm_paths, root, project / "tree")
        fill_s, fill = astc_compile(project, "tree", "-o", "out-tree", "-W", "2", "-q")
        if fill.returncode != 0:
            result.problems.append(f"cache-filling run exited {fill.returncode}")
        warm_s = float("inf")
        for _ in range(3):
            seconds, proc = astc_compile(
                project, "tree", "-o", "out-tree", "-W", "2", "--output-format", "json"
            )
            warm_s = min(warm_s, seconds)
            summary = json.loads(proc.stdout)["summary"] if proc.stdout else {}
            if summary.get("compiled", 1) != 0 or proc.returncode != 0:
                result.problems.append(f"warm run was not a no-op: {summary}")
                break

    table = Table(
        "cli_stdlib: astc compile on a copy of the standard library (wall time)",
        ["run", "files", "lines", "seconds", "lines/s", "speedup"],
    )
    table.add_row(
        "cold -W 1", n_files, fmt_int(n_lines), f"{best[1]:.2f}", fmt_int(n_lines / best[1]), ""
    )
    table.add_row(
        "cold -W 2",
        n_files,
        fmt_int(n_lines),
        f"{best[2]:.2f}",
        fmt_int(n_lines / best[2]),
        fmt_ratio(best[1] / best[2]),
    )
    table.add_row(
        "cold -W 2, cache filling",
        w_files,
        fmt_int(w_lines),
        f"{fill_s:.2f}",
        fmt_int(w_lines / fill_s),
        "",
    )
    table.add_row("warm, nothing changed", w_files, fmt_int(w_lines), f"{warm_s:.2f}", "", "")
    speedup = best[1] / best[2]
    table.notes.append(
        f"sample: {'whole tree (--full)' if config.full else f'every N-th of {len(paths)} files'}"
        f"; warm run over {'the sample (--quick)' if config.quick else 'the whole tree'}; "
        f"cold runs best of {repeats}, warm best of 3; {os.cpu_count()} CPUs"
    )
    table.notes.append(
        f"goal -W 2 >= {GOAL_SPEEDUP}x -W 1: {'met' if speedup >= GOAL_SPEEDUP else 'NOT met'} "
        f"({speedup:.2f}x); goal warm < {GOAL_WARM_S:.0f} s: "
        f"{'met' if warm_s < GOAL_WARM_S else 'NOT met'} ({warm_s:.2f} s)"
    )
    table.notes.append("each run is `python -m astc compile ... -q` (interpreter start included)")
    result.tables.append(table)
    return result
