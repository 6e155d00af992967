"""The model zoo (``benchmarks/model_zoo_models.py``): eager NumPy vs ``astc.hybridize``.

Per-call time of ``net(x)`` at batch 1, 64 and 1024 for each model, eager and hybridized
(default options: up to 16 rows the faster of the Numba kernel and the fused NumPy code,
measured per batch size; the fused NumPy code above), timed side by
side in one run (min over interleaved repeats, benchmarks/_timing.py), each result checked
against eager (same dtype and shape, allclose) before timing. The last column says what the
hybridized callable runs at batch 1 (``kernel``, ``NumPy`` or ``original``) and what its
kernel lowered to loops.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from benchmarks._core import BenchConfig, BenchResult, Table, fmt_ratio
from benchmarks._timing import Variant, time_variants
from benchmarks.model_zoo_models import ZOO, Entry

BATCHES = (1, 64, 1024)


def lowered_summary(hybrid: Any) -> str:
    """What the kernel runs as loops (dense layers, matmuls, row reductions), briefly."""
    kernel = hybrid.generated.kernel if hybrid.generated is not None else None
    if kernel is None:
        return "-"
    kinds = {
        "dense": kernel.count("= _astc_dense_"),
        "matmul": kernel.count("= _astc_matmul("),
        "row reductions": kernel.count("= _astc_row_"),
    }
    return ", ".join(f"{n} {kind}" for kind, n in kinds.items() if n) or "Numba as written"


def path_at(hybrid: Any, x: np.ndarray) -> str:
    """Which code runs for ``x`` (after its first calls): ``kernel``, ``NumPy`` or
    ``original``."""
    if hybrid.source is None:
        return "original"
    return "kernel" if hybrid.choices.get(len(x)) == "kernel" else "NumPy"


def _check(entry: Entry, label: str, got: Any, want: Any, problems: list[str]) -> None:
    same = (
        type(got) is type(want)
        and got.dtype == want.dtype
        and got.shape == want.shape
        and np.allclose(got, want, rtol=1e-4, atol=1e-5 * max(1.0, float(np.abs(want).max())))
    )
    if not same:
        problems.append(f"{entry.name} {label}: result differs from eager")


def run(config: BenchConfig) -> BenchResult:
    """Time every zoo model eager and hybridized at every batch size."""
    import astc

    result = BenchResult()
    table = Table(
        "model zoo: microseconds per call of net(x), eager NumPy vs astc.hybridize(net)",
        [
            "model",
            *[f"eager @{b}" for b in BATCHES],
            *[f"hybrid @{b}" for b in BATCHES],
            *[f"x @{b}" for b in BATCHES],
            "@1 runs",
            "kernel loops",
        ],
    )
    for entry in ZOO:
        net = entry.build()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", astc.HybridizationWarning)  # data_dependent warns
            hybrid = astc.hybridize(net)
        eager_us, hybrid_us = [], []
        for batch in BATCHES:
            x = np.random.default_rng(batch).standard_normal((batch, entry.width))
            x = x.astype(np.float32)
            want = net(x)
            for call in ("first", "second"):  # the second runs the checked kernel
                _check(entry, f"batch {batch} ({call} call)", hybrid(x), want, result.problems)
            repeat = config.repeat if batch < 1024 else max(3, config.repeat // 2)
            timed = time_variants(
                [
                    Variant("eager", "f(x)", {"f": net, "x": x}),
                    Variant("hybrid", "f(x)", {"f": hybrid, "x": x}),
                ],
                repeat=repeat,
                target_s=config.target_s / 2,
            )
            eager_us.append(timed[0] / 1e3)
            hybrid_us.append(timed[1] / 1e3)
        x1 = np.zeros((1, entry.width), np.float32)  # the batch-1 calls above chose its code
        table.add_row(
            entry.name,
            *[f"{t:,.1f}" for t in eager_us],
            *[f"{t:,.1f}" for t in hybrid_us],
            *[fmt_ratio(e / h) for e, h in zip(eager_us, hybrid_us, strict=True)],
            path_at(hybrid, x1),
            lowered_summary(hybrid),
        )
        if config.verbose:
            result.details.append(
                f"--- {entry.name}: {entry.summary}\n"
                + "\n".join(e.format() for e in hybrid.report.entries)
            )
    table.notes.append(
        "x @B: eager time / hybridized time at batch B (above 1 is faster); every result "
        "checked against eager before timing; min over interleaved repeats; the machine "
        "may be shared, so compare ratios, not absolute times"
    )
    table.notes.append(
        "hybridized: up to max_rows=16 rows the faster of the Numba kernel and the fused "
        "NumPy code (measured on the first call at each batch size), the fused NumPy code "
        "above; 'original': not specializable, the original runs (data_dependent)"
    )
    result.tables.append(table)
    return result
