"""``python -m benchmarks [NAME...]``: run the registered benchmarks and print their tables.

To add a benchmark, write ``benchmarks/<name>.py`` with a function
``run(config: BenchConfig) -> BenchResult`` and append a :class:`Benchmark` to
:data:`REGISTRY`. Modules are imported only when their benchmark runs, so an expensive
import (Numba) or a broken module costs nothing to the others.

Exit status: 0 when every selected benchmark ran without problems, 1 when one reported a
problem (a compile error or wrong result on its input) or raised, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks._core import BenchConfig, BenchResult


@dataclass(frozen=True)
class Benchmark:
    """A registry entry: ``module`` (under ``benchmarks``) provides ``run(config)``."""

    name: str
    module: str
    summary: str

    def load(self) -> Callable[[BenchConfig], BenchResult]:
        """Import the benchmark's module and return its ``run`` function."""
        mod = importlib.import_module(f"benchmarks.{self.module}")
        run: Callable[[BenchConfig], BenchResult] = mod.run
        return run


#: Every benchmark, in the order ``python -m benchmarks`` runs them. Extension point:
#: planned entries include import-hook overhead, Numba kernels and the MLP example.
REGISTRY: list[Benchmark] = [
    Benchmark(
        "fancy_func",
        "fancy_func",
        "seed example: per-call and module-level time, original vs compiled vs hand-inlined",
    ),
    Benchmark(
        "mlp",
        "mlp",
        "the chapter's MLP: net(x) per call at batch 1/64/1024, eager vs astc.hybridize vs Numba",
    ),
    Benchmark(
        "model_zoo",
        "model_zoo",
        "models users write (MLPs, residual, layer norm, softmax, attention, conv1d, "
        "containers): eager vs astc.hybridize at batch 1/64/1024",
    ),
    Benchmark(
        "kernels",
        "kernels",
        "numeric kernels: CPython vs astc (auto Numba kernels) vs numba.njit vs NumPy",
    ),
    Benchmark(
        "stdlib_throughput",
        "stdlib_throughput",
        "lines/s on the standard library: ast.parse, libcst.parse_module, astc.compile_source",
    ),
    Benchmark(
        "compile_families",
        "compile_families",
        "compile time per line on generated 1k/10k/100k-line modules (linear?), a 50k module",
    ),
    Benchmark(
        "cli_stdlib",
        "cli_stdlib",
        "astc compile on a stdlib copy: wall time -W 1 vs -W 2, warm no-change run",
    ),
    Benchmark(
        "import_overhead",
        "import_overhead",
        "import hook: warm-cache import of ~50 generated modules vs plain, cold compile per module",
    ),
]


def parse_args(argv: Sequence[str] | None) -> tuple[list[Benchmark], BenchConfig]:
    """Selected benchmarks (all by default, registry order) and the run configuration."""
    names = [b.name for b in REGISTRY]
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Run astc's benchmarks; speed is reported as ratios measured in one run.",
        epilog="benchmarks: " + ", ".join(names),
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument(
        "--full", action="store_true", help="use whole corpora instead of deterministic samples"
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer/shorter repeats and small samples (smoke test)"
    )
    parser.add_argument(
        "--sample", type=int, default=None, metavar="N", help="corpus sample size (default 150)"
    )
    parser.add_argument(
        "--repeat", type=int, default=None, metavar="N", help="timing repeats (default 7)"
    )
    parser.add_argument(
        "--cases",
        default="",
        metavar="A,B",
        help="only these cases, for benchmarks that have named cases (kernels)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also print details such as compiled code"
    )
    args = parser.parse_args(argv)
    if args.list:
        for bench in REGISTRY:
            print(f"{bench.name:20}  {bench.summary}")
        raise SystemExit(0)
    unknown = [n for n in args.names if n not in names]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)} (known: {', '.join(names)})")
    chosen = [b for b in REGISTRY if not args.names or b.name in args.names]
    quick: bool = args.quick
    config = BenchConfig(
        quick=quick,
        full=args.full,
        sample=args.sample if args.sample is not None else (20 if quick else 150),
        repeat=args.repeat if args.repeat is not None else (3 if quick else 7),
        target_s=0.02 if quick else 0.1,
        verbose=args.verbose,
        cases=tuple(c for c in args.cases.split(",") if c),
    )
    if config.sample < 1 or config.repeat < 1:
        parser.error("--sample and --repeat must be at least 1")
    return chosen, config


def run_one(bench: Benchmark, config: BenchConfig) -> BenchResult:
    """Run one benchmark; an exception becomes a problem instead of ending the run."""
    try:
        return bench.load()(config)
    except Exception:  # noqa: BLE001 - report and go on with the other benchmarks
        return BenchResult(problems=[f"raised:\n{traceback.format_exc().rstrip()}"])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected benchmarks, print each result as it completes; return the status."""
    chosen, config = parse_args(argv)
    print(
        f"astc benchmarks: Python {platform.python_version()} "
        f"({platform.python_implementation()}) on {platform.machine()}, "
        f"{'full corpora' if config.full else f'sample={config.sample}'}, "
        f"repeat={config.repeat}{', quick' if config.quick else ''}",
        flush=True,
    )
    failed: list[str] = []
    for bench in chosen:
        print(f"\n### {bench.name}: {bench.summary}", flush=True)
        start = time.perf_counter()
        result = run_one(bench, config)
        for table in result.tables:
            print()
            print(table.render())
        if config.verbose and result.details:
            print()
            print("\n\n".join(result.details))
        if result.problems:
            failed.append(bench.name)
            print(f"\nPROBLEMS in {bench.name}:")
            for problem in result.problems:
                print(f"  - {problem}")
        print(f"\n({bench.name} took {time.perf_counter() - start:.1f}s)", flush=True)
    if failed:
        print(f"\nbenchmarks with problems: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
