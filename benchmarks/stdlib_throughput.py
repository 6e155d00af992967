"""Compile throughput on the standard library, in lines per second on one core.

Four tools run over the same files, one after the other, each timed file by file with
``time.perf_counter`` (time spent on files a tool fails on still counts): ``ast.parse``
(CPython's own parser), ``libcst.parse_module`` (the concrete syntax tree astc works on),
the libcst round trip ``parse_module(...).code`` (parse plus code generation: the floor for
any libcst-based compiler that regenerates the module) and ``astc.compile_source`` with
default options (the whole pipeline: parse, analyses, every pass to a fixed point, code
generation). Goal: astc >= 10,000 lines/s.

The machine may be shared: the four tools run in turn, :data:`ROUNDS` times (once with
``--quick``), and each file counts with its best time of the rounds for each tool (as
``timeit`` takes the best of its repeats: a slower round measures the neighbours). Every
tool gets the same treatment, so the ratios between them stay side by side.

Besides speed, astc's outcome per file is tallied: changed (a transformation applied),
failed (``not res.ok``), crashed (an exception escaped ``compile_source``), timed out, and
invalid output (the compiled code does not ``compile()``; checked outside the timing).
"""

from __future__ import annotations

import ast
import collections
import signal
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from benchmarks._astc import AstcUnavailable, describe_failure, load_astc, make_options
from benchmarks._core import BenchConfig, BenchResult, Table, fmt_int, fmt_ratio
from benchmarks._corpus import Corpus, SourceFile, load_corpus

GOAL_LINES_PER_S = 10_000
#: Seconds one tool may spend on one file before it is counted as timed out.
FILE_TIMEOUT_S = 60.0
SHOW_EXAMPLES = 5
#: Rounds of all the tools; a file's time is its best round (see the module docstring).
ROUNDS = 3


class FileTimeout(Exception):
    """One file took longer than :data:`FILE_TIMEOUT_S`."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`FileTimeout` in the block after ``seconds`` (no-op without SIGALRM)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class ToolRun:
    """Timing and per-file outcomes of one tool over the corpus."""

    name: str
    seconds: float = 0.0
    per_file: dict[str, float] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # rel -> exception text
    timeouts: list[str] = field(default_factory=list)


def run_tool(name: str, fn: Callable[[SourceFile], Any], corpus: Corpus) -> ToolRun:
    """Apply ``fn`` to every file, timing each call separately."""
    run = ToolRun(name)
    for file in corpus.files:
        start = time.perf_counter()
        try:
            with time_limit(FILE_TIMEOUT_S), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                run.results[file.rel] = fn(file)
        except FileTimeout:
            run.timeouts.append(file.rel)
        except Exception as exc:  # noqa: BLE001 - a tool failing on a file is data
            run.errors[file.rel] = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        elapsed = time.perf_counter() - start
        run.per_file[file.rel] = elapsed
        run.seconds += elapsed
    return run


def best_of(runs: list[ToolRun]) -> ToolRun:
    """One tool's rounds as one: each file's best time (results and errors of the first)."""
    best = runs[0]
    for rel in best.per_file:
        best.per_file[rel] = min(r.per_file[rel] for r in runs)
    best.seconds = sum(best.per_file.values())
    return best


def tools(astc: Any | None) -> list[tuple[str, Callable[[SourceFile], Any]]]:
    """The tools to time, each a function of one corpus file; astc only when available."""
    import libcst

    chosen: list[tuple[str, Callable[[SourceFile], Any]]] = [
        ("ast.parse", lambda f: ast.parse(f.source, f.rel)),
        ("libcst.parse_module", lambda f: libcst.parse_module(f.source)),
        ("libcst parse + .code", lambda f: libcst.parse_module(f.source).code),
    ]
    if astc is not None:
        options = make_options(astc)

        def compile_one(f: SourceFile) -> Any:
            return astc.compile_source(f.source, filename=f.rel, options=options)

        chosen.append(("astc.compile_source", compile_one))
    return chosen


def warm_up(fns: list[tuple[str, Callable[[SourceFile], Any]]]) -> None:
    """Run each tool once on a tiny module so lazy imports and caches are not timed."""
    from pathlib import Path

    tiny = SourceFile(Path("warmup.py"), "warmup.py", "def f(x):\n    return x + 1\n", 2)
    for _, fn in fns:
        fn(tiny)


def throughput_table(corpus: Corpus, runs: list[ToolRun]) -> Table:
    """Lines/s per tool, relative cost against ``ast.parse``, and the astc goal."""
    table = Table(
        "stdlib_throughput: lines/second on one core",
        ["tool", "files", "lines", "seconds", "lines/s", "time vs ast.parse", "errors", "goal"],
    )
    base = runs[0].seconds if runs else 0.0
    for run in runs:
        rate = corpus.lines / run.seconds if run.seconds else None
        goal = ""
        if run.name == "astc.compile_source":
            met = rate is not None and rate >= GOAL_LINES_PER_S
            goal = f">= {GOAL_LINES_PER_S:,}: {'MET' if met else 'NOT MET'}"
        table.add_row(
            run.name,
            fmt_int(len(corpus.files)),
            fmt_int(corpus.lines),
            f"{run.seconds:.2f}",
            fmt_int(rate),
            fmt_ratio(run.seconds / base if base else None),
            fmt_int(len(run.errors) + len(run.timeouts)),
            goal,
        )
    return table


def check_output(code: str, rel: str) -> str | None:
    """Why ``code`` is not valid Python, or ``None`` when it compiles."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(code, rel, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def outcome_tables(corpus: Corpus, run: ToolRun) -> list[Table]:
    """What astc did to the files: changed, failed, crashed, invalid output; slowest files."""
    changed: list[str] = []
    failed: dict[str, str] = {}
    invalid: dict[str, str] = {}
    applied_by_pass: collections.Counter[str] = collections.Counter()
    for rel, res in run.results.items():
        if not res.ok:
            failed[rel] = describe_failure(res, limit=1)
            continue
        applied = list(res.report.applied)
        if applied:
            changed.append(rel)
            applied_by_pass.update(e.pass_name for e in applied)
        why = check_output(res.code, rel)
        if why is not None:
            invalid[rel] = why

    n = len(corpus.files)
    unchanged = n - len(changed) - len(failed) - len(run.errors) - len(run.timeouts)
    outcomes = Table("stdlib_throughput: astc outcomes per file", ["outcome", "files", "share"])
    for label, count in (
        ("changed (report.applied non-empty)", len(changed)),
        ("unchanged", unchanged),
        ("failed (not res.ok)", len(failed)),
        ("crashed (exception from compile_source)", len(run.errors)),
        (f"timed out (> {FILE_TIMEOUT_S:.0f}s)", len(run.timeouts)),
        ("ok but invalid output (res.code does not compile)", len(invalid)),
    ):
        outcomes.add_row(label, fmt_int(count), f"{100 * count / n:.1f}%" if n else "n/a")
    if applied_by_pass:
        listed = ", ".join(f"{name} {count:,}" for name, count in applied_by_pass.most_common())
        outcomes.notes.append(f"applied transformations by pass: {listed}")
    for title, examples in (
        ("failed", failed),
        ("crashed", run.errors),
        ("invalid output", invalid),
        ("timed out", dict.fromkeys(run.timeouts, "")),
    ):
        for rel, why in list(examples.items())[:SHOW_EXAMPLES]:
            outcomes.notes.append(f"{title}: {rel}{': ' + why if why else ''}")
        if len(examples) > SHOW_EXAMPLES:
            outcomes.notes.append(f"{title}: ... and {len(examples) - SHOW_EXAMPLES} more")

    lines = {f.rel: f.lines for f in corpus.files}
    slowest = sorted(run.per_file.items(), key=lambda item: item[1], reverse=True)
    slow = Table(
        "stdlib_throughput: slowest files for astc.compile_source",
        ["file", "lines", "ms", "lines/s"],
    )
    for rel, seconds in slowest[:SHOW_EXAMPLES]:
        slow.add_row(
            rel, fmt_int(lines[rel]), f"{seconds * 1e3:,.1f}", fmt_int(lines[rel] / seconds)
        )
    return [outcomes, slow]


def run(config: BenchConfig) -> BenchResult:
    """Time the three tools on the (sampled) stdlib and tally astc's per-file outcomes."""
    result = BenchResult()
    try:
        astc: Any | None = load_astc()
    except AstcUnavailable as exc:
        astc = None
        result.problems.append(f"astc.compile_source not timed: {exc}")
    corpus = load_corpus(sample=config.sample, full=config.full)
    chosen = tools(astc)
    warm_up(chosen)
    rounds = [
        [run_tool(name, fn, corpus) for name, fn in chosen]
        for _ in range(1 if config.quick else ROUNDS)
    ]
    runs = [best_of([r[i] for r in rounds]) for i in range(len(chosen))]

    table = throughput_table(corpus, runs)
    table.notes.append(
        f"corpus: {corpus.root}; {corpus.candidates:,} eligible files, "
        + ("all taken (--full)" if config.full else f"every N-th taken ({corpus.sampled})")
        + f", {len(corpus.skipped)} skipped (undecodable or rejected by compile())"
    )
    table.notes.append("time on files a tool fails on is included; errors counts them")
    for run_ in runs:
        if run_.name == "astc.compile_source":
            continue
        for rel, why in list(run_.errors.items())[:SHOW_EXAMPLES]:
            table.notes.append(f"{run_.name} error: {rel}: {why}")
    result.tables.append(table)
    if astc is not None:
        result.tables.extend(outcome_tables(corpus, runs[-1]))
    if config.verbose and corpus.skipped:
        result.details.append("skipped files:\n" + "\n".join(corpus.skipped))
    return result
