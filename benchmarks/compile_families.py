"""Compile time on generated modules of 1k, 10k and 100k lines: is the cost linear?

Six families, each generated at every size (``--quick``: 1k and 10k only):

* ``constants`` — ``V17 = 17 * 2 + 1`` lines (every one folded);
* ``functions`` — small functions each calling the one before (inlining chains);
* ``long_function`` — one function of that many statements;
* ``long_expressions`` — module-level sums of 40 products each;
* ``deep_nesting`` — functions of 18 nested ``if`` blocks;
* ``realistic`` — standard-library files concatenated (the first files of the sample,
  repeated to the size). Files differ in cost per line, so its smallest size is the same
  files as its second, compiled as separate modules of about 1,000 lines each (the
  time summed): the ratio then compares the same code in small and in large modules.

Each module is compiled once with :func:`astc.compile_source` (CPU time of this process,
best of 2 at 1k and 10k, one run at 100k). The table gives µs per line and the ratio of the
100k (or largest) size to 1k: the goal is at most 1.3x. A 50,000-line module compiling in
under 10 s is checked on the ``constants`` and ``realistic`` families.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmarks._astc import AstcUnavailable, load_astc
from benchmarks._core import BenchConfig, BenchResult, Table
from benchmarks._corpus import load_corpus

SIZES = (1_000, 10_000, 100_000)
GOAL_FLATNESS = 1.3
GOAL_50K_SECONDS = 10.0


def constants(n: int) -> str:
    return "".join(f"V{i} = {i} * 2 + 1\n" for i in range(n))


def functions(n: int) -> str:
    out = ["def f0(a, b):\n    return a + b\n\n"]
    for i in range(1, n // 4):
        out.append(f"def f{i}(a, b):\n    c = f{i - 1}(a, b)\n    return c * 2\n\n")
    return "".join(out)


def long_function(n: int) -> str:
    body = "".join(f"    x{i} = a * {i} + {i % 7}\n" for i in range(n - 2))
    return "def long(a):\n" + body + "    return a\n"


def long_expressions(n: int) -> str:
    return "".join(
        f"X{i} = " + " + ".join(f"{j} * k{i % 5}" for j in range(40)) + "\n" for i in range(n)
    )


def deep_nesting(n: int) -> str:
    blocks = []
    for b in range(n // 20):
        lines = [f"def g{b}(a):\n"]
        lines += ["    " * d + f"if a > {d}:\n" for d in range(1, 19)]
        lines += ["    " * 19 + "return 1 + 2\n", "    return 0\n"]
        blocks.append("".join(lines))
    return "".join(blocks)


def realistic_source(config: BenchConfig) -> Callable[[int, int], list[str]]:
    """``make(n, size)``: ``n`` lines of whole files, as modules of about ``size`` lines."""
    files = [f.source for f in load_corpus(min(config.sample, 40)).files]

    def make(n: int, size: int) -> list[str]:
        modules: list[str] = []
        current: list[str] = []
        count = total = 0
        while total < n:
            for text in files:
                current.append(text if text.endswith("\n") else text + "\n")
                lines = text.count("\n") + 1
                count, total = count + lines, total + lines
                if count >= size or total >= n:
                    modules.append("".join(current))
                    current, count = [], 0
                if total >= n:
                    break
        return modules

    return make


def _seconds(astc: object, source: str, repeat: int) -> float:
    compile_source = astc.compile_source  # type: ignore[attr-defined]
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        result = compile_source(source, filename="family.py")
        best = min(best, time.process_time() - start)
        if not result.ok:
            raise RuntimeError([d.format() for d in result.diagnostics][:1])
    return best


def run(config: BenchConfig) -> BenchResult:
    result = BenchResult()
    try:
        astc = load_astc()
    except AstcUnavailable as exc:
        result.problems.append(f"astc not available: {exc}")
        return result
    sizes = SIZES[:2] if config.quick else SIZES
    realistic = realistic_source(config)
    families: list[tuple[str, Callable[[int], list[str]]]] = [
        ("constants", lambda n: [constants(n)]),
        ("functions", lambda n: [functions(n)]),
        ("long_function", lambda n: [long_function(n)]),
        ("long_expressions", lambda n: [long_expressions(n)]),
        ("deep_nesting", lambda n: [deep_nesting(n)]),
        # the smallest size: the second size's code, as modules of the smallest size
        ("realistic", lambda n: realistic(sizes[1], n) if n == sizes[0] else realistic(n, n)),
    ]
    table = Table(
        "compile_families: µs per line by module size (CPU time of one process)",
        ["family", *(f"{n // 1000}k" for n in sizes), f"{sizes[-1] // 1000}k / 1k", "goal"],
    )
    for name, make in families:
        per_line = []
        for n in sizes:
            modules = make(n)
            lines = sum(m.count("\n") for m in modules)
            try:
                repeat = 1 if n >= 100_000 else 2
                seconds = sum(_seconds(astc, m, repeat) for m in modules)
            except RuntimeError as error:
                result.problems.append(f"{name} at {n} lines: {error}")
                per_line.append(float("nan"))
                continue
            per_line.append(seconds / lines * 1e6)
        ratio = per_line[-1] / per_line[0]
        verdict = "met" if ratio <= GOAL_FLATNESS else "NOT MET"
        table.add_row(
            name, *(f"{v:,.0f}" for v in per_line), f"{ratio:.2f}x", f"<= {GOAL_FLATNESS}x: {verdict}"
        )
    result.tables.append(table)
    fifty = Table(
        "compile_families: a 50,000-line module", ["family", "seconds", f"goal < {GOAL_50K_SECONDS}"]
    )
    for name, make in families:
        if name not in ("constants", "realistic"):
            continue
        source = constants(50_000) if name == "constants" else realistic(50_000, 50_000)[0]
        seconds = _seconds(astc, source, 1)
        fifty.add_row(name, f"{seconds:.2f}", "met" if seconds < GOAL_50K_SECONDS else "NOT MET")
    result.tables.append(fifty)
    return result
