"""``hybridize(net, target="cuda")``: the whole forward pass as one CUDA kernel launch.

Supported: forward passes that lower to a chain of dense layers (``x @ W (+ b)
(-> relu)``, see :meth:`astc.hybrid.lower.Lowered.chain`); the kernel and its two variants
are described in :mod:`astc.hybrid.cuda_kernel`. The parameters live on the device as one
flat array, copied at hybridization (after changing the host arrays, call ``.upload()``).
Launch configurations, the scratch buffer for the hidden activations and (for NumPy inputs)
device input/output buffers are cached per batch size (the last 8 sizes).

Inputs: NumPy arrays (copied in, result copied back as NumPy) or objects with
``__cuda_array_interface__`` (used in place; the result is a new device array, or, with
:meth:`CudaHybridized.into`, a device array of the caller's: no allocation at all). Other
inputs, dtypes or ranks run the CPU code. The first GPU call of each kernel variant is checked
against NumPy like the CPU kernel is. Anything else falls back to the CPU result with a
warning saying why.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from astc import generated
from astc.backends.runtime import _astc_close
from astc.diagnostics import Code, Report
from astc.hybrid._runtime import HybridizationWarning
from astc.hybrid.codegen import Generated, entry
from astc.hybrid.cuda_kernel import (
    TILE,
    DenseChain,
    KernelShape,
    kernel_shape,
    kernel_source,
)
from astc.hybrid.result import Hybridized

_PLANS_KEPT = 8  # batch sizes whose buffers and launch configuration stay cached


def d_x_host(cuda: Any, x: Any) -> np.ndarray:
    """A host copy of a device array (Numba's, or any ``__cuda_array_interface__``)."""
    device = x if getattr(x, "__cuda_ndarray__", False) else cuda.as_cuda_array(x)
    return np.asarray(device.copy_to_host())


@dataclass
class Plan:
    """What one batch size launches with: the kernel, its grid, and buffers kept across calls."""

    shape: KernelShape
    launch: Any  # launch(x, out, P, S): the configured kernel
    grid: int
    scratch: Any
    checked: bool  # its kernel's first result agreed with NumPy (at this or another batch size)
    description: str
    d_in: Any = None  # device copies for NumPy inputs, made on first use
    d_out: Any = None


@dataclass
class DeviceState:
    """What the GPU side keeps between calls (all of it built or reset in one place)."""

    d_params: Any
    grid_sync: bool = True  # False once cooperative launch failed: block-per-row-group
    max_warps: int = 32  # 8 once a 1024-thread block failed to launch
    checked: bool | None = None  # None: not run yet; False: given up (CPU from then on)
    fallbacks: list[str] = field(default_factory=list)  # each variant given up, and why
    kernels: dict[KernelShape, Any] = field(default_factory=dict)
    plans: dict[int, Plan] = field(default_factory=dict)
    checked_shapes: set[KernelShape] = field(default_factory=set)
    variant: str = "not run yet"  # the last plan's description (what the last call ran)


class CudaHybridized(Hybridized):
    """A :class:`Hybridized` whose call runs one CUDA kernel launch (see module docstring)."""

    def __init__(
        self,
        cpu: Hybridized,
        chain: DenseChain,
        cuda: Any,
        *,
        generated: Generated,
    ) -> None:
        super().__init__(
            cpu.python,
            None,
            cpu.params,
            original=cpu.original,
            generated=generated,
            report=cpu.report,
            arg_names=generated.spec.get("arg_names"),
        )
        self.cuda = cuda
        self.chain = chain
        self.device = DeviceState(d_params=self._packed())
        example = kernel_source(chain, kernel_shape(1, chain.widest_in))
        self._source = (
            f"{generated.python}\n\n# ---- CUDA kernel (one launch per call; this one for "
            f"batch 1) ----\n{example}"
        )

    # -- what users and tests read --------------------------------------------------------
    @property
    def source(self) -> str | None:
        return self._source

    @property
    def variant(self) -> str:
        """What the last call ran (``grid-sync: 8 block(s) x 1024 threads, ...``)."""
        return self.device.variant

    @property
    def fallbacks(self) -> list[str]:
        """Each kernel variant given up, and why."""
        return self.device.fallbacks

    def upload(self) -> None:
        """Copy the host parameters to the device again (after updating them)."""
        self.device.d_params = self._packed()

    def _packed(self) -> Any:
        params = {f"p{i}": p for i, p in enumerate(self.params)}
        return self.cuda.to_device(self.chain.pack(params))

    # -- calls ----------------------------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) != 1 or kwargs or self.device.checked is False:
            return super().__call__(*args, **kwargs)
        d_x, on_device = self._device_input(args[0])
        if d_x is None:
            return super().__call__(*args)
        rows = d_x.shape[0]
        plan = self.device.plans.get(rows)
        if plan is None or not plan.checked:
            return self._first_gpu_call(args[0], d_x, rows, on_device)
        return self._run(plan, d_x, rows, on_device)

    def into(self, x: Any, out: Any) -> Any:
        """One launch from device array ``x`` into device array ``out`` (rows x out width, the
        chain's dtype): nothing is allocated. Returns ``out``. The first call for a batch size
        is checked as ``__call__`` checks it; ``TypeError`` for host arrays or wrong shapes."""
        d_x, on_device = self._device_input(x)
        if d_x is None or not on_device:
            raise TypeError("into() takes device arrays (use the call for NumPy arrays)")
        rows = d_x.shape[0]
        if tuple(out.shape) != (rows, self.chain.out_width) or out.dtype != self.dtype:
            raise TypeError(f"out must be {self.dtype} of shape ({rows}, {self.chain.out_width})")
        plan = self.device.plans.get(rows)
        if plan is None or not plan.checked:
            out[:] = self._first_gpu_call(x, d_x, rows, True)
            return out
        plan.launch(d_x, out, self.device.d_params, plan.scratch)
        self.device.variant = plan.description
        return out

    def _device_input(self, x: Any) -> tuple[Any, bool]:
        """``(array the kernel reads, whether it is on the device)``, or ``(None, False)``
        when the CPU code should run; ``TypeError`` for a device array of the wrong kind."""
        if getattr(x, "__cuda_ndarray__", False):  # Numba's own device arrays
            d_x, on_device = x, True
        elif hasattr(x, "__cuda_array_interface__"):  # CuPy, PyTorch, ...: a view, no copy
            d_x, on_device = self.cuda.as_cuda_array(x), True
        elif type(x) is np.ndarray:
            d_x, on_device = x, False
        else:
            return None, False
        width = self.chain.in_width
        if d_x.dtype != self.dtype or d_x.ndim != 2 or d_x.shape[1] != width:
            if on_device:
                raise TypeError(
                    f"device input of dtype {d_x.dtype} and shape {d_x.shape}: expected "
                    f"{self.dtype} of shape (rows, {width})"
                )
            return None, False
        return (d_x, on_device) if d_x.shape[0] > 0 else (None, False)

    def _run(self, plan: Plan, d_x: Any, rows: int, on_device: bool) -> Any:
        """One launch; the result as a device array (``on_device``) or a NumPy array."""
        self.device.variant = plan.description
        params = self.device.d_params
        if on_device:
            d_out = self.cuda.device_array((rows, self.chain.out_width), dtype=self.dtype)
            plan.launch(d_x, d_out, params, plan.scratch)
            return d_out
        if plan.d_in is None:
            plan.d_in = self.cuda.device_array((rows, self.chain.in_width), dtype=self.dtype)
            plan.d_out = self.cuda.device_array((rows, self.chain.out_width), dtype=self.dtype)
        plan.d_in.copy_to_device(np.ascontiguousarray(d_x))
        plan.launch(plan.d_in, plan.d_out, params, plan.scratch)
        return plan.d_out.copy_to_host()

    def _first_gpu_call(self, x: Any, d_x: Any, rows: int, on_device: bool) -> Any:
        """Plan, launch and check against NumPy. A failure or a wrong result moves to a safer
        setting (no grid sync: no cooperative launch here; then at most 8 warps: a block too
        large for the kernel's registers), recorded in ``.fallbacks``; then the CPU."""
        want = self._python(d_x_host(self.cuda, x) if on_device else x)
        state = self.device
        while True:
            try:
                plan = self._plan(rows)
                got = self._run(plan, d_x, rows, on_device)
                if not _astc_close(got.copy_to_host() if on_device else got, want):
                    raise _Mismatch("gave a result that differs from NumPy's")
                break
            except Exception as error:  # noqa: BLE001 - any CUDA failure: a safer setting
                why = str(error) if isinstance(error, _Mismatch) else f"failed ({error})"
                variant = "grid-sync" if state.grid_sync else "block-per-row-group"
                state.fallbacks.append(f"{variant} (<= {state.max_warps} warps): {why}")
                if state.grid_sync:
                    state.grid_sync = False
                elif state.max_warps > 8:
                    state.max_warps = 8
                else:
                    return self._to_cpu(want, on_device, f"the CUDA kernel {why}")
                state.plans.clear()
        state.checked_shapes.add(plan.shape)
        plan.checked = state.checked = True
        return got

    def _to_cpu(self, want: Any, on_device: bool, why: str) -> Any:
        self.device.checked = False
        self.report.add(entry(Code.HYBRID_NO_KERNEL, why, applied=False))
        warnings.warn(f"{why}: running on the CPU", HybridizationWarning, stacklevel=4)
        return self.cuda.to_device(want) if on_device else want

    # -- kernels and launch plans ---------------------------------------------------------
    def _cuda_kernel(self, shape: KernelShape) -> Any:
        """The compiled kernel for ``shape`` (built once)."""
        kernel = self.device.kernels.get(shape)
        if kernel is None:
            source = kernel_source(self.chain, shape)
            kernel = _compile(self.cuda, source, self.chain.dtype, shape)
            self.device.kernels[shape] = kernel
        return kernel

    def _plan(self, rows: int) -> Plan:
        """The launch for ``rows`` rows: grid-sync over co-resident blocks, else a block per
        row group."""
        state = self.device
        shape = kernel_shape(rows, self.chain.widest_in, state.max_warps)
        shape = replace(shape, grid_sync=state.grid_sync)
        groups = -(-rows // shape.rows_per_item)
        kernel = self._cuda_kernel(shape)
        items = groups * self.chain.most_tiles
        grid = _cooperative_grid(kernel, shape, items) if shape.grid_sync else groups
        name = "grid-sync" if shape.grid_sync else "block-per-row-group"
        plan = Plan(
            shape,
            _configure(kernel, grid, shape.threads),
            grid,
            self.cuda.device_array(max(1, rows * self.chain.hidden), dtype=self.dtype),
            shape in state.checked_shapes,
            f"{name}: {grid} block(s) x {shape.threads} threads, "
            f"{shape.rows_per_item} row(s) x {TILE} units per work item",
        )
        if len(state.plans) >= _PLANS_KEPT:
            del state.plans[next(iter(state.plans))]
        state.plans[rows] = plan
        return plan


class _Mismatch(Exception):
    """A kernel's first result disagreed with NumPy's."""


def _compile(cuda: Any, source: str, dtype: str, shape: KernelShape) -> Any:
    namespace: dict[str, Any] = {"cuda": cuda, dtype: np.dtype(dtype).type}
    exec(compile(source, f"<astc.hybridize cuda {dtype} {shape}>", "exec"), namespace)
    signature = f"void({dtype}[:, :], {dtype}[:, :], {dtype}[::1], {dtype}[::1])"
    # A block must fit the SM's 64K registers (1024 threads: 64 each, which the R = 1 kernel
    # uses without spilling, ptxas says); the simulator takes no such option.
    limit = {"max_registers": 65536 // shape.threads} if shape.threads > 256 else {}
    try:
        decorate = cuda.jit(signature, **limit)
    except TypeError:
        decorate = cuda.jit(signature)
    return decorate(namespace[generated.CUDA_FORWARD])


def _cooperative_grid(kernel: Any, shape: KernelShape, items: int) -> int:
    """At most as many blocks as can be co-resident (what a grid sync needs)."""
    overloads = kernel.overloads  # the simulator's is an empty dict answering any key
    overload = next(iter(overloads.values()), None) or overloads[None]
    resident = int(overload.max_cooperative_grid_blocks(shape.threads))
    if resident < 1:
        raise RuntimeError("no block of this kernel fits on an SM")
    return min(resident, items)


def _configure(kernel: Any, grid: int, threads: int) -> Callable[..., Any]:
    """``kernel[grid, threads]`` made once (Numba's occupancy warning for small grids is
    expected here: few blocks are the point at batch 1)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Grid size")
        launch = kernel[grid, threads]
    if launch is kernel:  # the simulator configures the kernel object itself: redo each call
        return lambda *args: kernel[grid, threads](*args)
    return launch  # type: ignore[no-any-return]


def hybridize_cuda(obj: Any, generated: Generated, report: Report) -> Hybridized:
    """The CUDA version of ``generated``, or the CPU one with a warning saying why not."""
    from astc.hybrid import _finish

    def cpu(why: str) -> Hybridized:
        report.add(entry(Code.HYBRID_NO_KERNEL, f"no CUDA: {why}", applied=False))
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
    chain = DenseChain(tuple(generated.chain), shapes, next(iter(dtypes)).name)
    # The CPU side runs the NumPy code only: the GPU handles what it can, it the rest.
    spec = dict(generated.spec, kernel=None)
    cpu_only = Generated(generated.title, generated.python, None, spec, generated.params)
    result = CudaHybridized(_finish(obj, cpu_only, report), chain, cuda, generated=generated)
    report.add(
        entry(
            Code.HYBRID_KERNEL,
            f"CUDA kernel: {len(chain.layers)} dense layer(s) in one launch, warps split each "
            "dot product, work items spread over a cooperative grid",
        )
    )
    return result
