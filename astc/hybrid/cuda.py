"""``hybridize(net, target="cuda")``: the whole forward pass as one CUDA kernel launch.

Supported: forward passes that lower to a chain of dense layers (``x @ W (+ b)
(-> relu)``, see :meth:`astc.hybrid.lower.Lowered.chain`). Each layer ``k -> m`` is cut into
work items of ``R`` input rows x 32 output units; inside an item, the warps of the block split
the ``k`` dimension (lane ``l`` reads ``W[i, 32 * tile + l]``: a warp reads 128 contiguous
bytes), each thread keeps ``unroll`` weight loads in flight, and the partial sums meet in
shared memory. ``R`` is 1 below 16 rows (up to 32 warps per item: short serial chains) and 8
above (each weight read feeds 8 rows). Two variants (see :func:`kernel_source`):

* ``grid-sync`` (preferred): work items are spread over a cooperative grid of at most as many
  blocks as can be co-resident, and ``cuda.cg.this_grid().sync()`` separates the layers, so
  even one input row reads its weights with many SMs;
* ``block-per-row-group`` (when cooperative launch is not available): one block per ``R``
  rows runs every layer, ``syncthreads`` between layers.

Both keep the intermediate activations in a per-batch-size scratch buffer on the device. The
parameters are copied to the device once, as one flat array, at hybridization; after changing
the host arrays call ``.upload()``. Launch configurations, scratch buffers and (for NumPy
inputs) device input/output buffers are cached per batch size (the last 8 sizes).

Inputs: NumPy arrays (copied in, result copied back as NumPy) or objects with
``__cuda_array_interface__`` (used in place; the result is a new device array). Other inputs,
dtypes or ranks run the CPU code. The first GPU call of each kernel variant is checked against
NumPy like the CPU kernel is. Anything else falls back to the CPU result with a warning saying
why.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from astc.diagnostics import Code, Report, ReportEntry
from astc.hybrid._runtime import HybridizationWarning, _same
from astc.hybrid.codegen import Generated
from astc.hybrid.result import Hybridized

_PLANS_KEPT = 8  # batch sizes whose buffers and launch configuration stay cached
_TILE = 32  # output units per work item: one per lane, so a warp reads 128 contiguous bytes of W
_UNROLL = 4  # weight loads each thread keeps in flight (independent accumulator chains)


@dataclass(frozen=True)
class KernelShape:
    """How a kernel splits the work: see :func:`kernel_source`."""

    rows_per_item: int  # R: input rows one work item computes (each weight load used R times)
    warps: int  # W: warps per block, which split the k (input) dimension of every layer
    unroll: int = _UNROLL
    grid_sync: bool = True  # cooperative: work items spread over the grid, grid.sync between

    @property
    def threads(self) -> int:
        return 32 * self.warps


def kernel_shape(rows: int, widest_in: int, max_warps: int = 32) -> KernelShape:
    """The split for ``rows`` input rows: at small batch, many warps per output tile (up to
    ``max_warps``; the serial chain per thread is ``k / (32 * unroll)``); at large batch, 8 rows
    per work item so each weight read from L2 feeds 8 multiply-adds."""
    if rows < 16:
        warps = max(1, min(max_warps, -(-widest_in // (4 * _UNROLL))))
        return KernelShape(1, warps)
    return KernelShape(8, 8)


def kernel_source(
    chain: list[tuple[str, str | None, bool]],
    shapes: dict[str, tuple[int, ...]],
    dtype: str,
    shape: KernelShape,
) -> str:
    """Source of ``_astc_cuda_forward(x, out, P, S)`` for ``chain`` (sizes baked in).

    ``P`` is every parameter flattened into one array (offsets from :func:`param_offsets`),
    ``S`` scratch for the intermediate activations (``rows * sum(hidden widths)`` elements).
    Layer ``k -> m`` is cut into work items (``R`` rows x 32 output units); a block takes items
    ``blockIdx.x, blockIdx.x + gridDim.x, ...`` (``grid_sync``) or the items of row group
    ``blockIdx.x`` (otherwise). In an item, lane ``l`` of warp ``w`` sums ``i = w, w + W, ...``
    for unit ``32 * tile + l``; the ``W`` partial sums meet in shared memory, where ``R``
    warps add them up, add the bias, apply ReLU and store. Layers are separated by
    ``grid.sync()`` (``grid_sync``) or ``syncthreads`` (one block per row group).
    """
    R, W, U = shape.rows_per_item, shape.warps, shape.unroll
    if R > W:
        raise ValueError(f"rows_per_item {R} exceeds warps {W}")
    widths = [shapes[chain[0][0]][0]] + [shapes[w][1] for w, _, _ in chain]
    offsets = param_offsets(chain, shapes)
    lines = [
        "def _astc_cuda_forward(x, out, P, S):",
        "    rows = x.shape[0]",
        "    t = cuda.threadIdx.x",
        "    lane = t % 32",
        "    warp = t // 32",
        f"    red = cuda.shared.array(({W}, {R}, 32), {dtype})",
        f"    groups = (rows + {R - 1}) // {R}",
    ]
    if shape.grid_sync:
        lines.append("    grid = cuda.cg.this_grid()")
    for n, (w, b, relu) in enumerate(chain):
        k, m = widths[n], widths[n + 1]
        tiles = -(-m // _TILE)
        last = n == len(chain) - 1
        if shape.grid_sync:
            items = f"range(cuda.blockIdx.x, groups * {tiles}, cuda.gridDim.x)"
        else:
            items = f"range(cuda.blockIdx.x * {tiles}, cuda.blockIdx.x * {tiles} + {tiles})"
        lines += [
            f"    # layer {n}: {k} -> {m}" + (" (relu)" if relu else ""),
            f"    for item in {items}:",
            f"        r0 = (item // {tiles}) * {R}",
            f"        j = (item % {tiles}) * 32 + lane",
            f"        jw = min(j, {m - 1}) + {offsets[w]}",
        ]
        for r in range(R):  # rows past the end repeat the last row; their sums are not stored
            row = f"min(r0 + {r}, rows - 1)"
            if n == 0:
                lines.append(f"        x{r} = {row}")
            else:
                lines.append(f"        x{r} = rows * {sum(widths[1:n])} + {row} * {k}")
            lines.append(f"        a{r} = {dtype}(0)")
        pattern = "x[x{r}, {i}]" if n == 0 else "S[x{r} + {i}]"
        full = k // (W * U) * (W * U)  # every warp runs the same number of unrolled steps
        if full:
            lines.append(f"        for i in range(warp, {full}, {W * U}):")
            for u in range(U):
                i = "i" if u == 0 else f"i + {u * W}"
                lines.append(f"            w{u} = P[jw + ({i}) * {m}]")
            for u in range(U):
                i = "i" if u == 0 else f"i + {u * W}"
                lines += [
                    f"            a{r} += {pattern.format(r=r, i=f'({i})')} * w{u}"
                    for r in range(R)
                ]
        if full < k:
            lines.append(f"        for i in range({full} + warp, {k}, {W}):")
            lines.append(f"            w0 = P[jw + i * {m}]")
            lines += [f"            a{r} += {pattern.format(r=r, i='i')} * w0" for r in range(R)]
        lines += [f"        red[warp, {r}, lane] = a{r}" for r in range(R)]
        lines += [
            "        cuda.syncthreads()",
            f"        if warp < {R}:",
            "            row = r0 + warp",
            f"            if j < {m} and row < rows:",
            f"                s = {dtype}(0)",
            f"                for q in range({W}):",
            "                    s += red[q, warp, lane]",
        ]
        if b is not None:
            lines.append(f"                s += P[{offsets[b]} + j]")
        if relu:
            lines += ["                if s < 0:", f"                    s = {dtype}(0)"]
        if last:
            lines.append("                out[row, j] = s")
        else:
            lines.append(f"                S[rows * {sum(widths[1 : n + 1])} + row * {m} + j] = s")
        lines.append("        cuda.syncthreads()")
        if not last:
            lines.append("    grid.sync()" if shape.grid_sync else "    cuda.syncthreads()")
    return "\n".join(lines) + "\n"


Chain = list[tuple[str, str | None, bool]]


def param_names(chain: Chain) -> list[str]:
    """The parameters ``chain`` reads, each once, in the order they are packed."""
    return list(dict.fromkeys(n for w, b, _ in chain for n in (w, b) if n is not None))


def param_offsets(chain: Chain, shapes: dict[str, tuple[int, ...]]) -> dict[str, int]:
    """Where each parameter starts in the flat parameter array (C order inside)."""
    offsets: dict[str, int] = {}
    at = 0
    for name in param_names(chain):
        offsets[name] = at
        at += int(np.prod(shapes[name]))
    return offsets


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


class CudaHybridized(Hybridized):
    """A :class:`Hybridized` whose call runs one CUDA kernel launch (see module docstring)."""

    cuda: Any
    chain: Chain
    shapes: dict[str, tuple[int, ...]]
    dtype_name: str
    d_params: Any
    param_names: list[str]
    out_width: int
    in_width: int
    hidden: int  # sum of the hidden widths: scratch elements per row
    gpu_checked: bool | None
    grid_sync: bool  # False once cooperative launch failed: block-per-row-group from then on
    max_warps: int  # 8 once a 1024-thread block failed to launch
    fallbacks: list[str]  # each variant given up, and why
    kernels: dict[KernelShape, Any]
    plans: dict[int, Plan]
    checked_shapes: set[KernelShape]
    variant: str  # the last plan's description (what the last call ran)

    def upload(self) -> None:
        """Copy the host parameters to the device again (after updating them)."""
        index = {f"p{i}": p for i, p in enumerate(self.params)}
        flat = np.concatenate([np.ravel(index[n]) for n in self.param_names])
        self.d_params = self.cuda.to_device(flat.astype(self.dtype_name, copy=False))

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
        plan = self.plans.get(rows)
        if plan is None or not plan.checked:
            return self._gpu_first_call(x, d_x, rows, on_device)
        return self._run(plan, d_x, rows, on_device)

    def _run(self, plan: Plan, d_x: Any, rows: int, on_device: bool) -> Any:
        """One launch; the result as a device array (``on_device``) or a NumPy array."""
        self.variant = plan.description
        if on_device:
            d_out = self.cuda.device_array((rows, self.out_width), dtype=self.dtype)
            plan.launch(d_x, d_out, self.d_params, plan.scratch)
            return d_out
        if plan.d_in is None:
            plan.d_in = self.cuda.device_array((rows, self.in_width), dtype=self.dtype)
            plan.d_out = self.cuda.device_array((rows, self.out_width), dtype=self.dtype)
        plan.d_in.copy_to_device(np.ascontiguousarray(d_x))
        plan.launch(plan.d_in, plan.d_out, self.d_params, plan.scratch)
        return plan.d_out.copy_to_host()

    def _gpu_first_call(self, x: Any, d_x: Any, rows: int, on_device: bool) -> Any:
        """Plan, launch and check against NumPy. A failure or a wrong result moves to a safer
        setting (no grid sync: no cooperative launch here; then at most 8 warps: a block too
        large for the kernel's registers), recorded in ``.fallbacks``; then the CPU."""
        host_x = d_x_host(self.cuda, x) if on_device else x
        want = self.python(host_x, *self.params)
        while True:
            try:
                plan = self._plan(rows)
                got = self._run(plan, d_x, rows, on_device)
                if not _same(got.copy_to_host() if on_device else got, want):
                    raise _Mismatch("gave a result that differs from NumPy's")
                break
            except Exception as error:  # noqa: BLE001 - any CUDA failure: a safer setting
                why = str(error) if isinstance(error, _Mismatch) else f"failed ({error})"
                variant = "grid-sync" if self.grid_sync else "block-per-row-group"
                self.fallbacks.append(f"{variant} (<= {self.max_warps} warps): {why}")
                if self.grid_sync:
                    self.grid_sync = False
                elif self.max_warps > 8:
                    self.max_warps = 8
                else:
                    return self._to_cpu(want, on_device, f"the CUDA kernel {why}")
                self.plans.clear()
        self.checked_shapes.add(plan.shape)
        plan.checked = True
        self.gpu_checked = True
        return got

    def _to_cpu(self, want: Any, on_device: bool, why: str) -> Any:
        self.gpu_checked = False
        warnings.warn(f"{why}: running on the CPU", HybridizationWarning, stacklevel=4)
        return self.cuda.to_device(want) if on_device else want

    def _kernel(self, shape: KernelShape) -> Any:
        kernel = self.kernels.get(shape)
        if kernel is None:
            source = kernel_source(self.chain, self.shapes, self.dtype_name, shape)
            namespace: dict[str, Any] = {
                "cuda": self.cuda,
                self.dtype_name: np.dtype(self.dtype_name).type,
            }
            title = f"<astc.hybridize cuda {self.dtype_name} {shape}>"
            exec(compile(source, title, "exec"), namespace)
            t = self.dtype_name
            signature = f"void({t}[:, :], {t}[:, :], {t}[::1], {t}[::1])"
            # A block must fit the SM's 64K registers (1024 threads: 64 each, which the R = 1
            # kernel uses without spilling, ptxas says); the simulator takes no such option.
            limit = {"max_registers": 65536 // shape.threads} if shape.threads > 256 else {}
            try:
                decorate = self.cuda.jit(signature, **limit)
            except TypeError:
                decorate = self.cuda.jit(signature)
            kernel = decorate(namespace["_astc_cuda_forward"])
            self.kernels[shape] = kernel
        return kernel

    def _plan(self, rows: int) -> Plan:
        """The launch for ``rows`` rows: grid-sync over co-resident blocks, else a block per
        row group."""
        widest_in = max(self.shapes[w][0] for w, _, _ in self.chain)
        shape = kernel_shape(rows, widest_in, self.max_warps)
        groups = -(-rows // shape.rows_per_item)
        items = groups * max(-(-self.shapes[w][1] // _TILE) for w, _, _ in self.chain)
        shape = replace(shape, grid_sync=self.grid_sync)
        kernel = self._kernel(shape)
        if shape.grid_sync:
            overloads = kernel.overloads  # the simulator's is an empty dict answering any key
            overload = next(iter(overloads.values()), None) or overloads[None]
            resident = int(overload.max_cooperative_grid_blocks(shape.threads))
            if resident < 1:
                raise RuntimeError("no block of this kernel fits on an SM")
            grid = min(resident, items)
        else:
            grid = groups
        launch = _configure(kernel, grid, shape.threads)
        scratch = self.cuda.device_array(max(1, rows * self.hidden), dtype=self.dtype)
        name = "grid-sync" if shape.grid_sync else "block-per-row-group"
        description = (
            f"{name}: {grid} block(s) x {shape.threads} threads, "
            f"{shape.rows_per_item} row(s) x {_TILE} units per work item"
        )
        plan = Plan(shape, launch, grid, scratch, shape in self.checked_shapes, description)
        if len(self.plans) >= _PLANS_KEPT:
            del self.plans[next(iter(self.plans))]
        self.plans[rows] = plan
        return plan


class _Mismatch(Exception):
    """A kernel's first result disagreed with NumPy's."""


def _configure(kernel: Any, grid: int, threads: int) -> Any:
    """``kernel[grid, threads]`` made once (Numba's occupancy warning for small grids is
    expected here: few blocks are the point at batch 1)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Grid size")
        launch = kernel[grid, threads]
    if launch is kernel:  # the simulator configures the kernel object itself: redo each call
        return lambda *args: kernel[grid, threads](*args)
    return launch


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
    chain = generated.chain
    shapes = {f"p{i}": p.shape for i, p in enumerate(generated.params)}
    dtype = next(iter(dtypes)).name
    # CPU dispatcher with the NumPy path only: the GPU handles what it can, this the rest.
    cpu_spec = dict(generated.spec, kernel=None)
    cpu_gen = Generated(generated.title, generated.source, cpu_spec, generated.params)
    base = _finish(obj, cpu_gen, report)
    result = CudaHybridized(base.python, None, base.params)
    result.original, result.report, result.generated = obj, report, generated
    widest_in = max(shapes[w][0] for w, _, _ in chain)
    example = kernel_source(chain, shapes, dtype, kernel_shape(1, widest_in))
    result.source = (
        f"{generated.source}\n\n# ---- CUDA kernel (one launch per call; this one for batch 1)"
        f" ----\n{example}"
    )
    result.cuda, result.chain, result.shapes, result.dtype_name = cuda, chain, shapes, dtype
    result.param_names = param_names(chain)
    result.in_width = shapes[chain[0][0]][0]
    result.out_width = shapes[chain[-1][0]][1]
    result.hidden = sum(shapes[w][1] for w, _, _ in chain[:-1])
    result.gpu_checked, result.grid_sync, result.max_warps = None, True, 32
    result.kernels, result.plans, result.checked_shapes = {}, {}, set()
    result.variant, result.fallbacks = "not run yet", []
    result.upload()
    report.add(
        ReportEntry(
            "hybridize",
            Code.HYBRID_KERNEL,
            True,
            0,
            f"CUDA kernel: {len(chain)} dense layer(s) in one launch, warps split each dot "
            "product, work items spread over a cooperative grid",
        )
    )
    return result
