"""The chapter's MLP (512 -> 256 relu -> 128 relu -> 2, float32): eager vs hybridized.

Per-call time of ``net(x)`` at batch 1, 64 and 1024 for: the NumPy layer objects as a user
writes them (eager), ``astc.hybridize(net)`` (default: loop kernel up to 4 rows, NumPy's
BLAS above), the same with ``fastmath`` (fused multiply-add), the loop kernel at every batch
size (``max_rows=None``, shows the crossover), a hand-fused ``numba.njit`` forward (the
plain triple loop one writes by hand; ``np.dot`` in Numba needs SciPy), and PyTorch eager and
``torch.jit.script`` when torch is installed (``pip install -e '.[bench]'``). All variants
are timed side by side in one run (min over interleaved repeats) and checked against eager.
"""

from __future__ import annotations

import importlib.util
import warnings
from typing import Any

import numpy as np

from benchmarks._core import BenchConfig, BenchResult, Table, fmt_ratio
from benchmarks._timing import Variant, time_variants

BATCHES = (1, 64, 1024)
SIZES = (512, 256, 128, 2)


class Dense:
    def __init__(self, n_in: int, n_out: int, rng: np.random.Generator) -> None:
        scale = np.float32(1.0 / np.sqrt(n_in))
        self.weight = (rng.standard_normal((n_in, n_out)) * scale).astype(np.float32)
        self.bias = np.zeros(n_out, dtype=np.float32)

    def __call__(self, x: Any) -> Any:
        return x @ self.weight + self.bias


class ReLU:
    def __call__(self, x: Any) -> Any:
        return np.maximum(x, 0)


class Sequential:
    def __init__(self, *layers: Any) -> None:
        self.layers = list(layers)

    def __call__(self, x: Any) -> Any:
        for layer in self.layers:
            x = layer(x)
        return x


def get_net() -> Sequential:
    rng = np.random.default_rng(0)
    return Sequential(
        Dense(512, 256, rng), ReLU(), Dense(256, 128, rng), ReLU(), Dense(128, 2, rng)
    )


def hand_fused(net: Sequential) -> Any:
    """A forward written by hand for Numba: one loop nest per layer, bias and relu fused."""
    import numba

    @numba.njit
    def dense(x: Any, w: Any, b: Any, relu: bool) -> Any:
        n, k = x.shape
        m = w.shape[1]
        out = np.empty((n, m), np.float32)
        for r in range(n):
            for j in range(m):
                out[r, j] = 0
            for i in range(k):
                xi = x[r, i]
                for j in range(m):
                    out[r, j] += xi * w[i, j]
            for j in range(m):
                v = out[r, j] + b[j]
                out[r, j] = v if v > 0 or not relu else 0
        return out

    @numba.njit
    def forward(x: Any, w0: Any, b0: Any, w1: Any, b1: Any, w2: Any, b2: Any) -> Any:
        h = dense(x, w0, b0, True)
        h = dense(h, w1, b1, True)
        return dense(h, w2, b2, False)

    params = [a for layer in net.layers[::2] for a in (layer.weight, layer.bias)]
    return lambda x: forward(x, *params)


def torch_model(net: Sequential) -> Any:
    """The same network as a ``torch.nn.Sequential`` with the same weights (torch required)."""
    import torch

    layers: list[Any] = []
    for layer in net.layers:
        if isinstance(layer, Dense):
            lin = torch.nn.Linear(*layer.weight.shape)
            with torch.no_grad():
                lin.weight.copy_(torch.from_numpy(layer.weight.T.copy()))
                lin.bias.copy_(torch.from_numpy(layer.bias))
            layers.append(lin)
        else:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers).eval()
    return model


def torch_variants(net: Sequential) -> list[tuple[str, Any, Any]]:
    """``(label, callable, input converter)`` for torch eager and TorchScript, if installed."""
    if importlib.util.find_spec("torch") is None:
        return []
    import torch

    torch.set_num_threads(1)
    model = torch_model(net)
    scripted = torch.jit.script(model)

    def run(m: Any) -> Any:
        def call(x: Any) -> Any:
            with torch.no_grad():
                return m(x)

        return call

    return [
        ("PyTorch eager (CPU, 1 thread)", run(model), torch.from_numpy),
        ("torch.jit.script (CPU, 1 thread)", run(scripted), torch.from_numpy),
    ]


def run(config: BenchConfig) -> BenchResult:
    """Time every variant at every batch size; check each against eager."""
    import astc

    result = BenchResult()
    net = get_net()
    with warnings.catch_warnings():
        warnings.simplefilter("error", astc.HybridizationWarning)  # a fallback is a problem
        variants: list[tuple[str, Any, Any]] = [
            ("NumPy eager (layer objects)", net, None),
            ("astc.hybridize(net)", astc.hybridize(net), None),
            ("astc.hybridize(net, fastmath=True)", astc.hybridize(net, fastmath=True), None),
            ("  loop kernel at every batch size", astc.hybridize(net, max_rows=None), None),
        ]
    try:
        variants.append(("hand-fused numba.njit (plain loops)", hand_fused(net), None))
    except ImportError as error:
        result.problems.append(f"numba unavailable: {error}")
    variants += torch_variants(net)

    table = Table(
        "mlp: microseconds per call of net(x), float32 512-256-128-2",
        ["variant", *[f"batch {b}" for b in BATCHES], *[f"x eager @{b}" for b in BATCHES]],
    )
    per_batch: list[list[float]] = []
    for batch in BATCHES:
        x = np.random.default_rng(batch).standard_normal((batch, SIZES[0])).astype(np.float32)
        want = net(x)
        timed = []
        for label, fn, convert in variants:
            arg = convert(x) if convert is not None else x
            got = np.asarray(fn(arg))
            fn(arg)  # the second call runs the checked kernel
            if got.shape != want.shape or not np.allclose(got, want, rtol=1e-4, atol=1e-5):
                result.problems.append(f"{label} at batch {batch}: result differs from eager")
            timed.append(Variant(label, "f(x)", {"f": fn, "x": arg}))
        repeat = config.repeat if batch < 1024 else max(3, config.repeat // 2)
        per_batch.append(
            [ns / 1e3 for ns in time_variants(timed, repeat=repeat, target_s=config.target_s)]
        )
    for i, (label, _, _) in enumerate(variants):
        cells = [f"{per_batch[b][i]:,.1f}" for b in range(len(BATCHES))]
        ratios = [fmt_ratio(per_batch[b][0] / per_batch[b][i]) for b in range(len(BATCHES))]
        table.add_row(label, *cells, *ratios)
    eager_1, hybrid_1 = per_batch[0][0], per_batch[0][1]
    table.notes.append(
        f"the chapter's 1000 calls at batch 1: Without hybridization: {eager_1 * 1e-3:.4f} sec, "
        f"With hybridization: {hybrid_1 * 1e-3:.4f} sec"
    )
    table.notes.append(
        "min over interleaved repeats (benchmarks/_timing.py); every variant checked against "
        "eager (allclose rtol=1e-4) before timing"
    )
    if not importlib.util.find_spec("torch"):
        table.notes.append("torch not installed: pip install -e '.[bench]' adds its rows")
    result.tables.append(table)
    return result
