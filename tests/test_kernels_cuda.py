"""target="cuda" under Numba's CUDA simulator (CI has no GPU): map and reduce kernels.

The simulator must be enabled before ``numba.cuda`` is imported, so each check runs the
compiled module in a subprocess with ``NUMBA_ENABLE_CUDASIM=1``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import astc
from astc import Code, Options

SOURCE = """\
import math
import numpy as np
import astc


@astc.kernel(target="cuda")
def saxpy(a, x, y, out):
    n = x.shape[0]
    for i in range(n):
        out[i] = a * x[i] + math.sqrt(y[i])


@astc.kernel(target="cuda")
def dot(x, y):
    n = x.shape[0]
    s = 1.5
    for i in range(n):
        s += x[i] * y[i]
    return s


@astc.kernel(target="cuda")
def prefix(a, out):
    for i in range(1, a.shape[0]):
        out[i] = out[i - 1] + a[i]
"""

CHECK = """\
import sys, runpy
sys.modules["astc"] = None  # the compiled module must not need astc
ns = runpy.run_path(sys.argv[1])
import numpy as np
x = np.arange(700, dtype=np.float64)
y = np.linspace(0.0, 4.0, 700)
out = np.zeros(700)
ns["saxpy"](2.0, x, y, out)
assert np.allclose(out, 2.0 * x + np.sqrt(y)), out[:5]
got = ns["dot"](x, y)
assert abs(got - (1.5 + float(x @ y))) <= 1e-9 * abs(got), got
a = np.ones(50); o = np.zeros(50)
ns["prefix"](a, o)
assert o[-1] == 49.0, o[-1]
live = ns["_astc_kernel_bind"].__globals__  # run_path returns a copy of the globals
on_gpu = hasattr(live["saxpy"]._astc_dispatcher, "_astc_cuda_kernel")
print("cuda" if on_gpu else "cpu")
"""


def _compile(tmp_path: Path) -> tuple[Path, astc.CompileResult]:
    result = astc.compile_source(SOURCE, filename="cudamod.py", options=Options())
    out = tmp_path / "cudamod.py"
    out.write_text(result.code or "")
    return out, result


def _run(path: Path, sim: bool) -> str:
    env = {**os.environ, "NUMBA_ENABLE_CUDASIM": "1" if sim else "0"}
    proc = subprocess.run(
        [sys.executable, "-c", CHECK, str(path)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout.strip()


def test_cuda_forms_in_report_and_code(tmp_path: Path) -> None:
    _, result = _compile(tmp_path)
    code = result.code or ""
    assert "range(_astc_cuda.grid(1), n, _astc_cuda.gridsize(1))" in code
    assert "_astc_cuda.atomic.add(_astc_result, 0, _astc_sh[0])" in code
    kernels = [e for e in result.report.entries if e.code is Code.KERNEL]
    assert {e.function: "CUDA" in e.message for e in kernels} == {
        "saxpy": True,
        "dot": True,
        "prefix": False,  # loop-carried: refused for CUDA, runs as a CPU kernel
    }
    assert any(
        e.code is Code.KERNEL_NO_CUDA and e.function == "prefix" for e in result.report.entries
    )


def test_cuda_kernels_under_simulator(tmp_path: Path) -> None:
    path, _ = _compile(tmp_path)
    assert _run(path, sim=True) == "cuda"


def test_without_gpu_the_cpu_kernel_runs(tmp_path: Path) -> None:
    path, _ = _compile(tmp_path)
    assert _run(path, sim=False) in ("cpu", "cuda")  # "cuda" only on a machine with a GPU


AUTO = """\
import numpy as np


def scale(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * 2.5


def fused(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * 2.5 + 1.0


def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s
"""

AUTO_CHECK = """\
import sys, runpy
sys.modules["astc"] = None
ns = runpy.run_path(sys.argv[1])
import numpy as np
a = np.linspace(-3.0, 3.0, 1000)
out = np.zeros(1000)
ns["scale"](a, out)
assert np.array_equal(out, a * 2.5)
live = ns["_astc_kernel_bind"].__globals__
print(hasattr(live["scale"]._astc_dispatcher, "_astc_cuda_kernel"))
"""


def test_auto_kernels_for_cuda_under_simulator(tmp_path: Path) -> None:
    """``--kernels auto --target cuda``: an element-wise loop becomes a CUDA map kernel
    when the GPU computes what the CPU does; ``a * b + c`` (which CUDA fuses into one
    multiply-add) and a reduction (which reorders float additions) stay CPU kernels."""
    result = astc.compile_source(
        AUTO, filename="cudaauto.py", options=Options(kernels="auto", target="cuda")
    )
    codes = {(e.function, e.code) for e in result.report.entries if e.pass_name == "kernels"}
    assert ("scale", Code.KERNEL) in codes and ("dot", Code.KERNEL_NO_CUDA) in codes
    assert ("fused", Code.KERNEL_NO_CUDA) in codes and ("fused", Code.KERNEL) in codes
    out = tmp_path / "cudaauto.py"
    out.write_text(result.code or "")
    env = {**os.environ, "NUMBA_ENABLE_CUDASIM": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", AUTO_CHECK, str(out)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip() == "True"
