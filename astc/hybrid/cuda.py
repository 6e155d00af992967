"""``hybridize(net, target="cuda")``: the whole forward pass as one CUDA kernel launch.

Supported: forward passes that lower to a chain of dense layers (``x @ W (+ b)
(-> relu)``, see :meth:`astc.hybrid.lower.Lowered.chain`). The kernel runs one thread block
per input row: the row and every intermediate activation stay in shared memory, each
thread computes output units ``j, j + blockDim, ...`` of a layer (reading the weights
coalesced), and ``syncthreads`` separates the layers. The parameters are copied to the
device once, at hybridization; after changing the host arrays call ``.upload()``.

Inputs: NumPy arrays (copied in, result copied back as NumPy) or objects with
``__cuda_array_interface__`` (used in place; the result is a device array). Other inputs,
dtypes or ranks run the CPU code. The first GPU call is checked against NumPy like the CPU
kernel is. Anything else falls back to the CPU result with a warning saying why.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from astc.diagnostics import Code, Report, ReportEntry
from astc.hybrid._runtime import HybridizationWarning, _same
from astc.hybrid.codegen import Generated
from astc.hybrid.result import Hybridized

_THREADS_MAX = 256


def kernel_source(
    chain: list[tuple[str, str | None, bool]], shapes: dict[str, tuple[int, ...]], dtype: str
) -> str:
    """Source of ``_astc_cuda_forward(x, out, <params>)`` for ``chain`` (sizes baked in)."""
    widths = [shapes[chain[0][0]][0]] + [shapes[w][1] for w, _, _ in chain]
    width = max(widths)
    names = list(dict.fromkeys(n for w, b, _ in chain for n in (w, b) if n is not None))
    lines = [
        f"def _astc_cuda_forward(x, out, {', '.join(names)}):",
        "    row = cuda.blockIdx.x",
        "    t = cuda.threadIdx.x",
        "    nt = cuda.blockDim.x",
        f"    buf_a = cuda.shared.array({width}, {dtype})",
        f"    buf_b = cuda.shared.array({width}, {dtype})",
        f"    for i in range(t, {widths[0]}, nt):",
        "        buf_a[i] = x[row, i]",
        "    cuda.syncthreads()",
    ]
    src, dst = "buf_a", "buf_b"
    for n, (w, b, relu) in enumerate(chain):
        k, m = widths[n], widths[n + 1]
        last = n == len(chain) - 1
        target = "out[row, j]" if last else f"{dst}[j]"
        lines += [
            f"    # layer {n}: {k} -> {m}" + (" (relu)" if relu else ""),
            f"    for j in range(t, {m}, nt):",
            f"        acc = {dtype}(0)",
            f"        for i in range({k}):",
            f"            acc += {src}[i] * {w}[i, j]",
        ]
        if b is not None:
            lines.append(f"        acc += {b}[j]")
        if relu:
            lines += ["        if acc < 0:", f"            acc = {dtype}(0)"]
        lines.append(f"        {target} = acc")
        if not last:
            lines.append("    cuda.syncthreads()")
            src, dst = dst, src
    return "\n".join(lines) + "\n"


def d_x_host(cuda: Any, x: Any) -> np.ndarray:
    """A host copy of a device array (Numba's, or any ``__cuda_array_interface__``)."""
    device = x if getattr(x, "__cuda_ndarray__", False) else cuda.as_cuda_array(x)
    return np.asarray(device.copy_to_host())


class CudaHybridized(Hybridized):
    """A :class:`Hybridized` whose call runs one CUDA kernel launch (see module docstring)."""

    cuda: Any
    launch: Any
    device_params: list[Any]
    param_names: list[str]
    out_width: int
    in_width: int
    threads: int
    gpu_checked: bool | None

    def upload(self) -> None:
        """Copy the host parameters to the device again (after updating them)."""
        index = {f"p{i}": p for i, p in enumerate(self.params)}
        self.device_params = [self.cuda.to_device(index[name]) for name in self.param_names]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) != 1 or kwargs or self.gpu_checked is False:
            return super().__call__(*args, **kwargs)
        x = args[0]
        on_device = True
        if getattr(x, "__cuda_ndarray__", False):  # Numba's own device arrays
            d_x = x
        elif hasattr(x, "__cuda_array_interface__"):  # CuPy, PyTorch, ...: a view, no copy
            d_x = self.cuda.as_cuda_array(x)
        elif type(x) is np.ndarray:
            on_device = False
            d_x = x
        else:
            return super().__call__(*args)
        if d_x.dtype != self.dtype or d_x.ndim != 2 or d_x.shape[1] != self.in_width:
            if on_device:
                raise TypeError(
                    f"device input of dtype {d_x.dtype} and shape {d_x.shape}: expected "
                    f"{self.dtype} of shape (rows, {self.in_width})"
                )
            return super().__call__(*args)
        rows = d_x.shape[0]
        if rows == 0:
            return super().__call__(*args)
        if not on_device:
            d_x = self.cuda.to_device(np.ascontiguousarray(d_x))
        d_out = self.cuda.device_array((rows, self.out_width), dtype=self.dtype)
        self.launch[rows, self.threads](d_x, d_out, *self.device_params)
        if self.gpu_checked is None:
            return self._check(x, d_out, on_device)
        return d_out if on_device else d_out.copy_to_host()

    def _check(self, x: Any, d_out: Any, on_device: bool) -> Any:
        host_x = d_x_host(self.cuda, x) if on_device else x
        want = self.python(host_x, *self.params)
        got = d_out.copy_to_host()
        self.gpu_checked = _same(got, want)
        if not self.gpu_checked:
            warnings.warn(
                "the CUDA kernel's result differs from NumPy's: running on the CPU",
                HybridizationWarning,
                stacklevel=3,
            )
            return self.cuda.to_device(want) if on_device else want
        return d_out if on_device else got


def hybridize_cuda(obj: Any, generated: Generated, report: Report) -> Hybridized:
    """The CUDA version of ``generated``, or the CPU one with a warning saying why not."""
    from astc.hybrid import _finish

    def cpu(why: str) -> Hybridized:
        report.add(ReportEntry("hybridize", Code.HYBRID_NO_KERNEL, False, 0, f"no CUDA: {why}"))
        warnings.warn(
            f"hybridized {generated.title} for the CPU, not CUDA: {why}",
            HybridizationWarning,
            stacklevel=3,
        )
        return _finish(obj, generated, report)

    if generated.chain is None:
        return cpu("the forward pass is not a chain of dense layers over one input")
    dtypes = {p.dtype for p in generated.params}
    if len(dtypes) != 1 or next(iter(dtypes)) not in (np.float32, np.float64):
        return cpu("the parameters do not share one float32/float64 dtype")
    try:
        from numba import cuda
    except Exception as error:  # noqa: BLE001 - no CUDA support installed
        return cpu(f"numba.cuda cannot be imported ({error})")
    if not cuda.is_available():  # type: ignore[no-untyped-call]
        return cpu("no CUDA device (numba.cuda.is_available() is false)")
    shapes = {f"p{i}": p.shape for i, p in enumerate(generated.params)}
    dtype = next(iter(dtypes)).name
    source = kernel_source(generated.chain, shapes, dtype)
    namespace: dict[str, Any] = {"cuda": cuda, dtype: getattr(np, dtype)}
    exec(compile(source, f"<astc.hybridize cuda {generated.title}>", "exec"), namespace)
    kernel = cuda.jit(namespace["_astc_cuda_forward"])  # type: ignore[no-untyped-call]
    # CPU dispatcher with the NumPy path only: the GPU handles what it can, this the rest.
    cpu_spec = dict(generated.spec, kernel=None)
    cpu_gen = Generated(generated.title, generated.source, cpu_spec, generated.params)
    base = _finish(obj, cpu_gen, report)
    result = CudaHybridized(base.python, None, base.params)
    result.original, result.report, result.generated = obj, report, generated
    result.source = f"{generated.source}\n\n# ---- CUDA kernel (one launch per call) ----\n{source}"
    result.cuda, result.launch = cuda, kernel
    result.param_names = list(dict.fromkeys(n for w, b, _ in generated.chain for n in (w, b) if n))
    result.in_width = shapes[generated.chain[0][0]][0]
    result.out_width = shapes[generated.chain[-1][0]][1]
    widest = max(shapes[w][1] for w, _, _ in generated.chain)
    result.threads = min(_THREADS_MAX, -(-widest // 32) * 32)
    result.gpu_checked = None
    result.upload()
    report.add(
        ReportEntry(
            "hybridize",
            Code.HYBRID_KERNEL,
            True,
            0,
            f"CUDA kernel: {len(generated.chain)} dense layer(s) in one launch, "
            f"{result.threads} threads per row",
        )
    )
    return result
