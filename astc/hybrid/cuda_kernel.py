"""The CUDA kernel for a chain of dense layers: one launch runs the whole forward pass.

Layer ``k -> m`` is cut into work items of ``R`` input rows x 32 output units; inside an item,
the warps of the block split the ``k`` dimension (lane ``l`` reads ``W[i, 32 * tile + l]``: a
warp reads 128 contiguous bytes), each thread keeps ``unroll`` weight loads in flight, and the
partial sums meet in shared memory, where bias and ReLU are applied on the way out. ``R`` is 1
below 16 rows (up to 32 warps per item: short serial chains) and 8 above (each weight read
feeds 8 rows). Two variants (``KernelShape.grid_sync``):

* ``grid-sync``: work items spread over a cooperative grid of at most as many blocks as can be
  co-resident, ``cuda.cg.this_grid().sync()`` between layers, so even one input row reads its
  weights with many SMs;
* ``block-per-row-group``: one block per ``R`` rows runs every layer, ``syncthreads`` between.

The kernel is built from parsed templates (:mod:`astc.hybrid.templates`), sizes baked in.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import numpy as np

from astc import generated
from astc.hybrid import templates

TILE = 32  # output units per work item: one per lane, so a warp reads 128 contiguous bytes
UNROLL = 4  # weight loads each thread keeps in flight (independent accumulator chains)

Layer = tuple[str, str | None, bool]  # (weight, bias or None, relu) parameter names


@dataclass(frozen=True)
class KernelShape:
    """How a kernel splits the work (see the module docstring)."""

    rows_per_item: int  # R: input rows one work item computes (each weight load used R times)
    warps: int  # W: warps per block, which split the k (input) dimension of every layer
    unroll: int = UNROLL
    grid_sync: bool = True  # cooperative: work items spread over the grid, grid.sync between

    @property
    def threads(self) -> int:
        return 32 * self.warps


def kernel_shape(rows: int, widest_in: int, max_warps: int = 32) -> KernelShape:
    """The split for ``rows`` input rows: at small batch, many warps per output tile (up to
    ``max_warps``; the serial chain per thread is ``k / (32 * unroll)``); at large batch, 8 rows
    per work item so each weight read from L2 feeds 8 multiply-adds."""
    if rows < 16:
        warps = max(1, min(max_warps, -(-widest_in // (4 * UNROLL))))
        return KernelShape(1, warps)
    return KernelShape(8, 8)


@dataclass(frozen=True)
class DenseChain:
    """A forward pass that is only dense layers over one input: sizes and parameter layout."""

    layers: tuple[Layer, ...]
    shapes: dict[str, tuple[int, ...]] = field(hash=False)
    dtype: str

    @property
    def widths(self) -> list[int]:
        """Input width, then each layer's output width."""
        return [self.shapes[self.layers[0][0]][0]] + [self.shapes[w][1] for w, _, _ in self.layers]

    @property
    def in_width(self) -> int:
        return self.widths[0]

    @property
    def out_width(self) -> int:
        return self.widths[-1]

    @property
    def hidden(self) -> int:
        """Scratch elements per input row: the sum of the hidden widths."""
        return sum(self.widths[1:-1])

    @property
    def widest_in(self) -> int:
        return max(self.widths[:-1])

    @property
    def most_tiles(self) -> int:
        return max(-(-m // TILE) for m in self.widths[1:])

    def param_names(self) -> list[str]:
        """The parameters the chain reads, each once, in the order they are packed."""
        return list(dict.fromkeys(n for w, b, _ in self.layers for n in (w, b) if n is not None))

    def offsets(self) -> dict[str, int]:
        """Where each parameter starts in the flat parameter array (C order inside)."""
        offsets: dict[str, int] = {}
        at = 0
        for name in self.param_names():
            offsets[name] = at
            at += int(np.prod(self.shapes[name]))
        return offsets

    def pack(self, params: dict[str, np.ndarray]) -> np.ndarray:
        """Every parameter, flattened into one array of the chain's dtype."""
        flat = np.concatenate([np.ravel(params[n]) for n in self.param_names()])
        return flat.astype(self.dtype, copy=False)


_KERNEL = """
def FORWARD(x, out, P, S):
    rows = x.shape[0]
    t = cuda.threadIdx.x
    lane = t % 32
    warp = t // 32
    red = cuda.shared.array((WARPS, ROWS, 32), DTYPE)
    groups = (rows + ROWS - 1) // ROWS
    GRID
    LAYERS
"""

_ITEM = """
for item in ITEMS:
    r0 = (item // TILES) * ROWS
    j = (item % TILES) * 32 + lane
    jw = min(j, LAST_UNIT) + W_AT
    ROW_SETUP
    PARTIAL_SUMS
    STORE_PARTIALS
    cuda.syncthreads()
    if warp < ROWS:
        row = r0 + warp
        if j < UNITS and row < rows:
            s = DTYPE(0)
            for q in range(WARPS):
                s += red[q, warp, lane]
            BIAS
            RELU
            STORE
    cuda.syncthreads()
"""


def kernel_source(chain: DenseChain, shape: KernelShape) -> str:
    """Source of ``_astc_cuda_forward(x, out, P, S)`` for ``chain`` (sizes baked in).

    ``P`` is every parameter flattened into one array (:meth:`DenseChain.offsets`), ``S``
    scratch for the intermediate activations (``rows * chain.hidden`` elements). A block
    takes work items ``blockIdx.x, blockIdx.x + gridDim.x, ...`` (``grid_sync``) or the items
    of row group ``blockIdx.x`` (otherwise); see the module docstring.
    """
    if shape.rows_per_item > shape.warps:
        raise ValueError(f"rows_per_item {shape.rows_per_item} exceeds warps {shape.warps}")
    layers: list[ast.stmt] = []
    for n in range(len(chain.layers)):
        layers += _layer(chain, shape, n)
        if n < len(chain.layers) - 1:
            layers += templates.replace("grid.sync()" if shape.grid_sync else "cuda.syncthreads()")
    tree = templates.replace(
        _KERNEL,
        FORWARD=generated.CUDA_FORWARD,
        WARPS=ast.Constant(shape.warps),
        ROWS=ast.Constant(shape.rows_per_item),
        DTYPE=chain.dtype,
        GRID=templates.replace("grid = cuda.cg.this_grid()") if shape.grid_sync else [],
        LAYERS=layers,
    )
    return ast.unparse(templates.module(tree)) + "\n"


def _layer(chain: DenseChain, shape: KernelShape, n: int) -> list[ast.stmt]:
    """Layer ``n``: one loop over its work items (see :data:`_ITEM`)."""
    w, b, relu = chain.layers[n]
    m = chain.widths[n + 1]
    tiles = ast.Constant(-(-m // TILE))
    if shape.grid_sync:
        items = templates.replace_expr(
            "range(cuda.blockIdx.x, groups * T, cuda.gridDim.x)", T=tiles
        )
    else:
        items = templates.replace_expr(
            "range(cuda.blockIdx.x * T, cuda.blockIdx.x * T + T)", T=tiles
        )
    if n == len(chain.layers) - 1:
        store = templates.replace("out[row, j] = s")
    else:  # into the scratch: layer n's outputs after those of the layers before
        before = ast.Constant(sum(chain.widths[1 : n + 1]))
        store = templates.replace("S[rows * BEFORE + row * M + j] = s", BEFORE=before, M=_int(m))
    offsets = chain.offsets()
    bias = templates.replace("s += P[AT + j]", AT=_int(offsets[b])) if b is not None else []
    return templates.replace(
        _ITEM,
        ITEMS=items,
        TILES=tiles,
        ROWS=_int(shape.rows_per_item),
        LAST_UNIT=_int(m - 1),
        W_AT=_int(offsets[w]),
        ROW_SETUP=_row_setup(chain, shape, n),
        PARTIAL_SUMS=_partial_sums(chain, shape, n),
        STORE_PARTIALS=_each_row(shape, "red[warp, R, lane] = A"),
        UNITS=_int(m),
        DTYPE=chain.dtype,
        WARPS=_int(shape.warps),
        BIAS=bias,
        RELU=templates.replace("if s < 0:\n    s = DTYPE(0)", DTYPE=chain.dtype) if relu else [],
        STORE=store,
    )


def _int(value: int) -> ast.Constant:
    return ast.Constant(value)


def _each_row(
    shape: KernelShape, template: str, **replacements: templates.Replacement
) -> list[ast.stmt]:
    """``template`` once per row ``R`` of a work item, ``A``/``X`` naming its sum/start."""
    used = templates.placeholders(template)
    statements: list[ast.stmt] = []
    for r in range(shape.rows_per_item):
        row: dict[str, templates.Replacement] = {"R": _int(r), "A": f"a{r}", "X": f"x{r}"}
        row = {key: value for key, value in row.items() if key in used}
        statements += templates.replace(template, **row, **replacements)
    return statements


def _row_setup(chain: DenseChain, shape: KernelShape, n: int) -> list[ast.stmt]:
    """``xR`` (where row ``R`` of the item starts) and ``aR = 0`` for each row of an item;
    rows past the end repeat the last row (their sums are not stored)."""
    if n == 0:  # the row of x itself
        return _each_row(shape, "X = min(r0 + R, rows - 1)\nA = DTYPE(0)", DTYPE=chain.dtype)
    before, k = _int(sum(chain.widths[1:n])), _int(chain.widths[n])
    return _each_row(
        shape,
        "X = rows * BEFORE + min(r0 + R, rows - 1) * K\nA = DTYPE(0)",
        BEFORE=before,
        K=k,
        DTYPE=chain.dtype,
    )


def _partial_sums(chain: DenseChain, shape: KernelShape, n: int) -> list[ast.stmt]:
    """Warp ``w`` sums ``i = w, w + W, ...`` (``unroll`` loads in flight), then the rest."""
    k, m = chain.widths[n], chain.widths[n + 1]
    W, U = shape.warps, shape.unroll
    # the input element of row R at index I: x itself for the first layer, else the scratch
    element = "A += x[X, I] * WU" if n == 0 else "A += S[X + I] * WU"
    full = k // (W * U) * (W * U)  # every warp runs the same number of unrolled steps
    statements: list[ast.stmt] = []
    if full:
        steps = [templates.replace_expr("i + STEP", STEP=_int(u * W)) for u in range(U)]
        steps[0] = templates.name("i")
        loads = [
            s
            for u, step in enumerate(steps)
            for s in templates.replace("WU = P[jw + I * M]", WU=f"w{u}", I=step, M=_int(m))
        ]
        sums = [
            s for u, step in enumerate(steps) for s in _each_row(shape, element, I=step, WU=f"w{u}")
        ]
        statements += templates.replace(
            "for i in range(warp, FULL, STEP):\n    BODY",
            FULL=_int(full),
            STEP=_int(W * U),
            BODY=loads + sums,
        )
    if full < k:
        body = templates.replace("w0 = P[jw + i * M]", M=_int(m))
        body += _each_row(shape, element, I=templates.name("i"), WU="w0")
        statements += templates.replace(
            "for i in range(FIRST + warp, K, W):\n    BODY",
            FIRST=_int(full),
            K=_int(k),
            W=_int(W),
            BODY=body,
        )
    return statements
