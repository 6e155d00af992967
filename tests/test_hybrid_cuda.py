"""hybridize(target="cuda") under Numba's CUDA simulator (a subprocess: the simulator must be
chosen by NUMBA_ENABLE_CUDASIM=1 before numba.cuda is first imported)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import sys, warnings
sys.path.insert(0, {tests!r})
import numpy as np
from numba import cuda
import astc, _hybrid_models as models
from astc.hybrid.cuda import CudaHybridized

net = models.mlp((16, 12, 8, 2))
hybrid = astc.hybridize(net, target="cuda")
assert isinstance(hybrid, CudaHybridized), hybrid.report.entries
assert hybrid.source.count("cuda.syncthreads()") == 3 and "def _astc_cuda_forward" in hybrid.source
for rows in (1, 3):
    x = np.random.default_rng(rows).standard_normal((rows, 16)).astype(np.float32)
    want = net(x)
    got = hybrid(x)  # NumPy in, NumPy out
    assert type(got) is np.ndarray and got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    d_got = hybrid(cuda.to_device(x))  # device in, device out
    assert not isinstance(d_got, np.ndarray)
    np.testing.assert_allclose(d_got.copy_to_host(), want, rtol=1e-5, atol=1e-6)
assert hybrid.gpu_checked is True

# parameters live on the device: a host update is seen after upload()
net.layers[0].weight *= 2.0
x = np.ones((1, 16), np.float32)
stale = hybrid(x)
hybrid.upload()
np.testing.assert_allclose(hybrid(x), net(x), rtol=1e-5, atol=1e-6)
assert not np.allclose(stale, net(x))

# other dtypes run the CPU code; non-chain models fall back to the CPU with a warning
x64 = np.ones((2, 16))
np.testing.assert_allclose(hybrid(x64), net(x64))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    other = astc.hybridize(models.ScaledByFloat(), target="cuda")
assert not isinstance(other, CudaHybridized)
assert any("not a chain of dense layers" in str(w.message) for w in caught)
print("ok")
"""


def test_cuda_target_under_the_simulator() -> None:
    env = dict(os.environ, NUMBA_ENABLE_CUDASIM="1")
    tests = str(Path(__file__).parent)
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(tests=tests)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.strip().endswith("ok")
