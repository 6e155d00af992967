"""hybridize(target="cuda") under Numba's CUDA simulator (subprocesses: the simulator must be
chosen by NUMBA_ENABLE_CUDASIM=1 before numba.cuda is first imported).

The simulator runs a cooperative grid as one block, so the grid-sync kernels run with every
work item in block 0; the block-per-row-group kernels run with one block per row group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HYBRIDIZE = r"""
import sys, warnings
sys.path.insert(0, TESTS)
import numpy as np
from numba import cuda
import astc, _hybrid_models as models
from astc.hybrid.cuda import CudaHybridized

# widths that are not multiples of 32 (nor of the warps), batch sizes on both kernel shapes
net = models.mlp((40, 33, 70, 3))
hybrid = astc.hybridize(net, target="cuda")
assert isinstance(hybrid, CudaHybridized), hybrid.report.entries
assert "def _astc_cuda_forward" in hybrid.source and "grid.sync()" in hybrid.source
for rows in (1, 3, 64, 17):
    x = np.random.default_rng(rows).standard_normal((rows, 40)).astype(np.float32)
    want = net(x)
    got = hybrid(x)  # NumPy in, NumPy out
    assert hybrid.variant.startswith("grid-sync"), hybrid.variant
    assert type(got) is np.ndarray and got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    again = hybrid(x)  # cached plan and buffers: a new array each call, same values
    assert again is not got
    np.testing.assert_allclose(again, want, rtol=1e-5, atol=1e-5)
    d_got = hybrid(cuda.to_device(x))  # device in, device out
    assert not isinstance(d_got, np.ndarray)
    np.testing.assert_allclose(d_got.copy_to_host(), want, rtol=1e-5, atol=1e-5)
assert hybrid.device.checked is True
assert {s.rows_per_item for s in hybrid.device.checked_shapes} == {1, 8}
# a strided device view is read in place
wide = np.random.default_rng(5).standard_normal((3, 80)).astype(np.float32)
d_view = cuda.to_device(wide)[:, ::2]
assert not d_view.is_c_contiguous()
np.testing.assert_allclose(hybrid(d_view).copy_to_host(), net(wide[:, ::2]), rtol=1e-5, atol=1e-5)
hybrid(np.ones((1, 40), np.float32))  # a cached plan: .variant says what this call ran
assert hybrid.variant.endswith("1 row(s) x 32 units per work item"), hybrid.variant
assert "x 160 threads" in hybrid.variant  # 5 warps split 40/33/70-long dot products

# into(): device in, the caller's device array out, nothing allocated
x = np.random.default_rng(9).standard_normal((3, 40)).astype(np.float32)
d_out = cuda.device_array((3, 3), np.float32)
assert hybrid.into(cuda.to_device(x), d_out) is d_out
np.testing.assert_allclose(d_out.copy_to_host(), net(x), rtol=1e-5, atol=1e-5)
for bad in (np.ones((3, 40), np.float32), cuda.device_array((3, 40), np.float64)):
    try:
        hybrid.into(bad, d_out)
        raise AssertionError("no TypeError")
    except TypeError:
        pass
try:
    hybrid.into(cuda.to_device(x), cuda.device_array((2, 3), np.float32))
    raise AssertionError("no TypeError")
except TypeError as error:
    assert "(3, 3)" in str(error)

# parameters live on the device: a host update is seen after upload()
net.layers[0].weight *= 2.0
x = np.ones((1, 40), np.float32)
stale = hybrid(x)
hybrid.upload()
np.testing.assert_allclose(hybrid(x), net(x), rtol=1e-5, atol=1e-5)
assert not np.allclose(stale, net(x))

# other dtypes run the CPU code; a device input of another shape is an error
x64 = np.ones((2, 40))
np.testing.assert_allclose(hybrid(x64), net(x64))
try:
    hybrid(cuda.to_device(np.ones((2, 39), np.float32)))
    raise AssertionError("no TypeError")
except TypeError as error:
    assert "(rows, 40)" in str(error)

# no cooperative launch, no 1024-thread block: block-per-row-group kernels of <= 8 warps
fallback = astc.hybridize(models.mlp((200, 33, 3)), target="cuda")
real = fallback._cuda_kernel
def limited(shape):
    if shape.grid_sync or shape.warps > 8:
        raise RuntimeError("cooperative launch not supported / too many resources requested")
    return real(shape)
fallback._cuda_kernel = limited
with warnings.catch_warnings():
    warnings.simplefilter("error")  # falling back to a smaller kernel is silent
    for rows in (1, 20):
        x = np.random.default_rng(rows).standard_normal((rows, 200)).astype(np.float32)
        np.testing.assert_allclose(fallback(x), fallback.original(x), rtol=1e-5, atol=1e-5)
        assert fallback.variant.startswith("block-per-row-group"), fallback.variant
state = fallback.device
assert state.checked is True and state.grid_sync is False and state.max_warps == 8
assert [f.split(":")[0] for f in fallback.fallbacks] == [
    "grid-sync (<= 32 warps)", "block-per-row-group (<= 32 warps)"
], fallback.fallbacks
assert all("too many resources" in f for f in fallback.fallbacks)
assert "x 256 threads" in fallback.variant or "x 128 threads" in fallback.variant

# a kernel that cannot run at all: the CPU result, a warning, the CPU from then on
failing = astc.hybridize(models.mlp((40, 33, 70, 3)), target="cuda")
def never(shape):
    raise RuntimeError("CUDA_ERROR_LAUNCH_FAILED")
failing._cuda_kernel = never
x = np.ones((2, 40), np.float32)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    got = failing(x)
np.testing.assert_allclose(got, failing.original(x), rtol=1e-5, atol=1e-5)
assert failing.device.checked is False
assert any("CUDA_ERROR_LAUNCH_FAILED" in str(w.message) for w in caught)

# a wrong GPU result is caught by the first-call check: CPU result, warning, CPU from then on
broken = astc.hybridize(models.mlp((40, 33, 70, 3)), target="cuda")
broken.device.d_params = cuda.to_device(np.zeros(broken.device.d_params.shape, np.float32))
x = np.random.default_rng(0).standard_normal((2, 40)).astype(np.float32)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    got = broken(x)
np.testing.assert_allclose(got, broken.original(x), rtol=1e-5, atol=1e-5)
assert broken.device.checked is False
assert len(broken.fallbacks) == 3 and all("differs" in f for f in broken.fallbacks)
assert any("differs from NumPy" in str(w.message) for w in caught)

# non-chain models fall back to the CPU with a warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    other = astc.hybridize(models.ScaledByFloat(), target="cuda")
assert not isinstance(other, CudaHybridized)
assert any("not a chain of dense layers" in str(w.message) for w in caught)
print("ok")
"""

KERNELS = r"""
import numpy as np
from numba import cuda
from astc.hybrid.cuda_kernel import DenseChain, KernelShape, kernel_source

def forward(x, params, chain):
    for w, b, relu in chain:
        x = x @ params[w] + (params[b] if b else 0)
        x = np.maximum(x, 0) if relu else x
    return x

rng = np.random.default_rng(7)
cases = [  # (widths, dtype, shape, rows): remainder loops, k < warps * unroll, one layer
    ((37, 5, 65, 1), "float32", KernelShape(1, 3, unroll=2), 1),
    ((37, 5, 65, 1), "float32", KernelShape(3, 4, unroll=3, grid_sync=False), 7),
    ((9, 40), "float64", KernelShape(2, 2, grid_sync=True), 5),
    ((70, 33, 2), "float32", KernelShape(8, 8, grid_sync=False), 19),
]
for widths, dtype, shape, rows in cases:
    chain, params = [], {}
    for n, (k, m) in enumerate(zip(widths, widths[1:])):
        params[f"w{n}"] = rng.standard_normal((k, m)).astype(dtype)
        bias = None if n == 1 else f"b{n}"
        if bias:
            params[bias] = rng.standard_normal(m).astype(dtype)
        chain.append((f"w{n}", bias, n < len(widths) - 2))
    shapes = {name: p.shape for name, p in params.items()}
    dense = DenseChain(tuple(chain), shapes, dtype)
    source = kernel_source(dense, shape)
    namespace = {"cuda": cuda, dtype: getattr(np, dtype)}
    exec(source, namespace)
    kernel = cuda.jit(namespace["_astc_cuda_forward"])
    flat = dense.pack(params)
    hidden = sum(widths[1:-1])
    x = rng.standard_normal((rows, widths[0])).astype(dtype)
    out = np.full((rows, widths[-1]), np.nan, dtype)
    groups = -(-rows // shape.rows_per_item)
    d_out = cuda.to_device(out)
    grid = 1 if shape.grid_sync else groups
    kernel[grid, shape.threads](cuda.to_device(x), d_out, cuda.to_device(flat),
                                cuda.to_device(np.zeros(max(1, rows * hidden), dtype)))
    got = d_out.copy_to_host()
    want = forward(x, params, chain)
    assert got.dtype == want.dtype
    tol = 1e-5 if dtype == "float32" else 1e-12
    np.testing.assert_allclose(got, want, rtol=tol, atol=tol * 10)
try:
    kernel_source(DenseChain(tuple(chain), shapes, "float32"), KernelShape(4, 2))
    raise AssertionError("no ValueError")
except ValueError as error:
    assert "rows_per_item 4 exceeds warps 2" in str(error)
print("ok")
"""


def run_child(code: str) -> None:
    env = dict(os.environ, NUMBA_ENABLE_CUDASIM="1")
    done = subprocess.run(
        [sys.executable, "-c", f"TESTS = {str(Path(__file__).parent)!r}\n{code}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.strip().endswith("ok")


def test_cuda_target_under_the_simulator() -> None:
    run_child(HYBRIDIZE)


def test_kernel_variants_match_numpy_under_the_simulator() -> None:
    run_child(KERNELS)
