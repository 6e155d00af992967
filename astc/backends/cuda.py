"""``target="cuda"``: the CUDA form of a kernel, as source text for the compiled module.

Two shapes are recognised on the kernel body (after inlining):

* **map** — scalar set-up statements, then one independent loop (see
  :mod:`astc.backends.parallel`) ``for i in range(lo, hi)`` and nothing after it. The loop
  becomes a grid-stride loop ``for i in range(lo + grid(1), hi, gridsize(1))``.
* **reduce** — set-up, ``acc = <float literal>``, a loop whose only cross-iteration
  effect is ``acc += expr``, then ``return acc``. Each thread sums a grid-stride slice,
  a block sums its threads in shared memory (tree reduction), and one atomic add per
  block combines blocks; the host adds the literal start value. The order of float
  additions differs from the sequential loop, so reductions are explicit-only.

The host side is :func:`_astc_cuda_wrap` in :mod:`astc.backends.runtime`: NumPy arrays
are copied to the device and (the ones the kernel writes) back; objects with
``__cuda_array_interface__`` are passed without copies. Without a CUDA device the CPU
kernel runs.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from astc import generated
from astc.backends.parallel import independence_refusal, range_loop_var

THREADS = 256

#: Functions a CUDA kernel computes as the CPU does (IEEE, correctly rounded or exact);
#: others come from CUDA's libdevice, whose results differ in the last bit.
_EXACT_ON_DEVICE = frozenset({"sqrt", "fabs", "abs", "range", "float", "int"})


def device_inexact(fn: ast.FunctionDef) -> str | None:
    """Why a map kernel could give other results on a GPU than on the CPU, or None.

    NVVM contracts ``a * b + c`` into one fused multiply-add by default (rounded once,
    not twice; Numba exposes no switch for it), across temporaries too, so a body with a
    multiplication and an addition or subtraction outside its subscripts is refused; so
    are library functions other than the correctly rounded ones.
    """
    mult = add = False
    todo: list[ast.AST] = list(fn.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Subscript):
            todo.append(node.value)  # indices are ints: nothing to fuse
            continue
        if isinstance(node, ast.For):
            todo.extend([node.target, *node.body])  # the range's bounds are ints
            continue
        if isinstance(node, ast.BinOp | ast.AugAssign):
            mult = mult or isinstance(node.op, ast.Mult)
            add = add or isinstance(node.op, ast.Add | ast.Sub)
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _EXACT_ON_DEVICE and not name.startswith(generated.CUDA):
                return f"`{name}()` comes from CUDA's libdevice (last-bit differences)"
        todo.extend(ast.iter_child_nodes(node))
    if mult and add:
        return (
            "CUDA fuses a multiplication and an addition into one multiply-add (rounded once): "
            "explicit kernels only"
        )
    return None


@dataclass(frozen=True)
class CudaForm:
    kind: str  # "map" | "reduce"
    source: str  # the CUDA kernel's def, named _astc_cudak_<name>
    written: tuple[int, ...]  # positional indices of array parameters the kernel stores to
    init: float  # reduce: the accumulator's start value


def _setup_ok(stmts: list[ast.stmt]) -> bool:
    return all(
        isinstance(s, ast.Assign) and all(isinstance(t, ast.Name) for t in s.targets) for s in stmts
    )


def _grid_range(loop: ast.For) -> ast.Call:
    assert isinstance(loop.iter, ast.Call)
    args = loop.iter.args
    lo: ast.expr = args[0] if len(args) == 2 else ast.Constant(0)
    hi = args[-1]
    grid = ast.parse(f"{generated.CUDA}.grid(1)", mode="eval").body
    stride = ast.parse(f"{generated.CUDA}.gridsize(1)", mode="eval").body
    start = (
        grid if isinstance(lo, ast.Constant) and lo.value == 0 else ast.BinOp(lo, ast.Add(), grid)
    )
    return ast.Call(ast.Name("range", ast.Load()), [start, hi, stride], [])


#: A block's tree reduction of its threads' accumulators into ``result[0]`` (``sh``, ``t``,
#: ``w``: locals; ``cuda``, ``f64``: the runtime's).
_REDUCE_TAIL = """\
{sh} = {cuda}.shared.array({threads}, {f64})
{t} = {cuda}.threadIdx.x
{sh}[{t}] = {acc}
{cuda}.syncthreads()
{w} = {half}
while {w} > 0:
    if {t} < {w}:
        {sh}[{t}] += {sh}[{t} + {w}]
    {cuda}.syncthreads()
    {w} //= 2
if {t} == 0:
    {cuda}.atomic.add({result}, 0, {sh}[0])
"""
_REDUCE_NAMES = {
    "cuda": generated.CUDA,
    "f64": generated.F64,
    "result": generated.CUDA_RESULT,
    **{n: generated.local(n) for n in ("sh", "t", "w")},
}


def cuda_form(kernel: ast.FunctionDef, name: str) -> tuple[CudaForm | None, str]:
    """The CUDA kernel for ``kernel`` (a copy, not mutated), or None and why not."""
    fn = ast.parse(ast.unparse(kernel)).body[0]
    assert isinstance(fn, ast.FunctionDef)
    body = fn.body
    loops = [i for i, s in enumerate(body) if isinstance(s, ast.For)]
    if len(loops) != 1:
        return None, "CUDA needs exactly one top-level loop"
    at = loops[0]
    loop = body[at]
    assert isinstance(loop, ast.For)
    if range_loop_var(loop) is None:
        return None, "CUDA needs a `for i in range(...)` loop"
    params = [a.arg for a in fn.args.args]
    fn.name = generated.cuda_kernel(name)
    tail = body[at + 1 :]
    if not tail or (len(tail) == 1 and isinstance(tail[0], ast.Return) and tail[0].value is None):
        if not _setup_ok(body[:at]):
            return None, "statements before the loop are not plain scalar assignments"
        problem = independence_refusal(loop, [])
        if problem is not None:
            return None, f"loop iterations are not independent: {problem}"
        written = _written(loop, params)
        loop.iter = _grid_range(loop)
        fn.body = body[: at + 1]
        return CudaForm("map", ast.unparse(ast.fix_missing_locations(fn)), written, 0.0), ""
    return _reduce_form(fn, body, at, loop, params)


def _written(loop: ast.For, params: list[str]) -> tuple[int, ...]:
    names = {
        n.value.id
        for n in ast.walk(loop)
        if isinstance(n, ast.Subscript)
        and isinstance(n.ctx, ast.Store)
        and isinstance(n.value, ast.Name)
    }
    return tuple(i for i, p in enumerate(params) if p in names)


def _reduce_form(
    fn: ast.FunctionDef, body: list[ast.stmt], at: int, loop: ast.For, params: list[str]
) -> tuple[CudaForm | None, str]:
    tail = body[at + 1 :]
    if not (
        len(tail) == 1
        and isinstance(tail[0], ast.Return)
        and isinstance(tail[0].value, ast.Name)
        and at >= 1
    ):
        return None, "not a map (loop with nothing after it) or reduce (`return acc`) shape"
    acc = tail[0].value.id
    init_stmt = body[at - 1]
    if not (
        isinstance(init_stmt, ast.Assign)
        and len(init_stmt.targets) == 1
        and isinstance(init_stmt.targets[0], ast.Name)
        and init_stmt.targets[0].id == acc
        and isinstance(init_stmt.value, ast.Constant)
        and isinstance(init_stmt.value.value, float)
    ):
        return None, f"reduce needs `{acc} = <float literal>` just before the loop"
    if not _setup_ok(body[: at - 1]):
        return None, "statements before the loop are not plain scalar assignments"
    augs = [
        n
        for n in ast.walk(loop)
        if isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id == acc
    ]
    if len(augs) != 1 or not isinstance(augs[0].op, ast.Add) or augs[0] not in loop.body:
        return None, f"reduce needs exactly one top-level `{acc} += ...` in the loop"
    without = ast.For(loop.target, loop.iter, [s for s in loop.body if s is not augs[0]], [], None)
    problem = independence_refusal(without, [])
    if problem is not None or any(
        isinstance(n, ast.Name) and n.id == acc for s in without.body for n in ast.walk(s)
    ):
        return None, f"loop does more than accumulate `{acc}`: {problem or 'reads it'}"
    if _written(loop, params):
        return None, "reduce loop also stores to arrays"
    init = float(init_stmt.value.value)
    init_stmt.value = ast.Constant(0.0)
    loop.iter = _grid_range(loop)
    fn.args.args.append(ast.arg(generated.CUDA_RESULT))
    tail_text = _REDUCE_TAIL.format(threads=THREADS, half=THREADS // 2, acc=acc, **_REDUCE_NAMES)
    tail_stmts = ast.parse(tail_text).body
    fn.body = [*body[: at + 1], *tail_stmts]
    return CudaForm("reduce", ast.unparse(ast.fix_missing_locations(fn)), (), init), ""
