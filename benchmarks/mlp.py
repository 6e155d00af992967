"""The chapter's MLP (512 -> 256 relu -> 128 relu -> 2, float32): eager vs hybridized.

Per-call time of ``net(x)`` at batch 1, 64 and 1024 for: the NumPy layer objects as a user
writes them (eager), ``astc.hybridize(net)`` (default: the faster of the loop kernel and
NumPy's BLAS, measured per batch size up to 16 rows; BLAS above), the same with ``fastmath``
(fused multiply-add), the loop kernel at every batch size (``max_rows=None``, shows the
crossover), a hand-fused ``numba.njit`` forward (the plain triple loop one writes by hand;
``np.dot`` in Numba needs SciPy), and PyTorch eager and ``torch.jit.script`` when torch is
installed (``pip install -e '.[bench]'``). All variants are timed side by side in one run
(min over interleaved repeats) and checked against eager. A second table breaks a batch-1
call down: the dispatcher, Numba's call, the loops, and the time to read the weights once
(the memory floor), next to an empty model and Numba's own dispatch.
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


def breakdown(net: Sequential, config: BenchConfig) -> Table:
    """Where a batch-1 call goes: each layer of the hybridized call timed on its own, side by
    side (min over interleaved repeats)."""
    import numba

    import astc

    hybrid = astc.hybridize(net)
    empty = astc.hybridize(_Identity())
    empty_kernel = astc.hybridize(_Identity(), max_rows=None)  # the kernel, never NumPy
    x = np.random.default_rng(1).standard_normal((1, SIZES[0])).astype(np.float32)
    for f in (hybrid, empty, empty_kernel):
        for _ in range(4):  # the check, the measurement, then the fast path
            f(x)
    helpers = hybrid.kernel.py_func.__globals__  # type: ignore[union-attr]
    relu, last = helpers["_astc_dense_b1_r1"], helpers["_astc_dense_b1_r0"]

    @numba.njit
    def body(n: int, x: Any, p0: Any, p1: Any, p2: Any, p3: Any, p4: Any, p5: Any) -> float:
        total = 0.0
        for _ in range(n):
            total += last(relu(relu(x, p0, p1), p2, p3), p4, p5)[0, 0]
        return total

    @numba.njit(fastmath=True)
    def stream(n: int, p0: Any, p2: Any, p4: Any) -> float:
        total = np.float32(0)
        for _ in range(n):
            for w in (p0.ravel(), p2.ravel(), p4.ravel()):
                for i in range(w.size):
                    total += w[i]
        return total

    @numba.njit
    def identity(x: Any) -> Any:
        return x

    @numba.njit
    def seven(p0: Any, p1: Any, p2: Any, p3: Any, p4: Any, p5: Any, x: Any) -> Any:
        return np.empty((1, 2), np.float32)

    p = hybrid.params
    n = 100
    body(1, x, *p), stream(1, p[0], p[2], p[4]), identity(x), seven(*p, x)
    rows = [
        ("NumPy eager (layer objects)", "net(x)", {"net": net}),
        ("fused NumPy code alone (no kernel)", "f(x)", {"f": hybrid._python}),
        ("astc.hybridize(net)", "f(x)", {"f": hybrid}),
        ("  its kernel called directly (no dispatcher)", "f(x)", {"f": hybrid._kernel}),
        (
            f"  kernel body in a Numba loop (1/{n} of {n} calls)",
            "f(n, x, *p)",
            {"f": body, "n": n, "p": p},
        ),
        (
            f"  reading the weights once, fastmath sum (1/{n})",
            "f(n, *p[::2])",
            {"f": stream, "n": n, "p": p},
        ),
        ("empty model (return x), hybridized: runs NumPy", "f(x)", {"f": empty}),
        ("  the same, kernel forced (max_rows=None)", "f(x)", {"f": empty_kernel}),
        ("  numba.njit identity(x): Numba's dispatch", "f(x)", {"f": identity}),
        ("  numba.njit of 7 arrays -> new (1, 2) array", "f(*p, x)", {"f": seven, "p": p}),
    ]
    timed = time_variants(
        [Variant(label, stmt, {**ns, "x": x}) for label, stmt, ns in rows],
        repeat=config.repeat,
        target_s=config.target_s / 2,
    )
    us = [
        t / 1e3 / (n if "Numba loop" in r[0] or "weights once" in r[0] else 1)
        for t, r in zip(timed, rows, strict=True)
    ]
    table = Table("mlp breakdown at batch 1: microseconds per call", ["part", "us/call"])
    for (label, _, _), t in zip(rows, us, strict=True):
        table.add_row(label, f"{t:,.2f}")
    weights = sum(w.nbytes for w in p[::2])
    table.notes.append(
        f"the hybridized callable's own overhead (empty model, kernel forced, minus Numba's "
        f"dispatch) = {us[7] - us[8]:.2f} us; the empty model picks its NumPy code (faster "
        "than any Numba call)"
    )
    table.notes.append(
        f"dispatcher (checks, partial call) = {us[2] - us[3]:.2f} us; Numba's call "
        f"(argument unboxing, boxing the result) = {us[3] - us[4]:.2f} us; loops = "
        f"{us[4]:.2f} us, of which reading {weights / 1024:.0f} KiB of weights from L2 "
        f"bounds {us[5]:.2f} us ({weights / us[5] / 1e3:.0f} GB/s)"
    )
    return table


class _Identity:
    def __call__(self, x: Any) -> Any:
        return x


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
            fn(arg)  # the second call measures kernel vs NumPy at this batch size
            fn(arg)
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
    result.tables.append(breakdown(net, config))
    return result
