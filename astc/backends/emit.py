"""Source text of kernels for the compiled module.

For a kernel ``f`` the unit that defines it becomes::

    def f(...):                      # the plain function, as the core passes left it,
        ...                          # astc markers removed
    <runtime, once per module>       # astc/backends/runtime.py, annotations stripped
    def _astc_kernel_f(...):         # what Numba compiles: f with every guarded call
        ...                          # site's fast path (helpers inlined), no docstring
    f = _astc_kernel_bind(globals(), "f", f, _astc_kernel_f, "<fingerprint>", {...}, guards)

The guards of the default model (``(a + b if add is _astc_add else add(a, b))``) cannot be
typed by Numba, so the kernel copy takes every fast path and the runtime checks the same
identities once per call before entering Numba: compiled nopython code cannot run Python
code, so nothing inside the kernel can rebind them (see docs/kernels.md).
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import libcst as cst

from astc import __version__
from astc.guards import fast_paths
from astc.passes.cst_util import docstring_of
from astc.passes.statements import body_of

_BEGIN = "# --- BEGIN RUNTIME ---"
_END = "# --- END RUNTIME ---"


class _StripAnnotations(cst.CSTTransformer):
    def leave_Param(self, original: cst.Param, updated: cst.Param) -> cst.Param:
        return updated.with_changes(annotation=None)

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        return updated.with_changes(returns=None)

    def leave_AnnAssign(
        self, original: cst.AnnAssign, updated: cst.AnnAssign
    ) -> cst.BaseSmallStatement:
        if updated.value is None:
            return cst.Pass()
        return cst.Assign([cst.AssignTarget(updated.target)], updated.value)


@functools.lru_cache(maxsize=1)
def runtime_source() -> str:
    """The runtime's source (no annotations, no typing imports), as it runs in the output."""
    text = (Path(__file__).with_name("runtime.py")).read_text(encoding="utf-8")
    block = text[text.index(_BEGIN) + len(_BEGIN) : text.index(_END)].strip() + "\n"
    return cst.parse_module(block).visit(_StripAnnotations()).code


def runtime_line(newline: str) -> str:
    """One line that defines the runtime, so that it shifts no line of the user's code."""
    return (
        f"exec({runtime_source()!r})  # astc: Numba kernel runtime "
        f"(readable source: astc/backends/runtime.py){newline}"
    )


def strip_decorators(fn: cst.FunctionDef, indices: list[int]) -> cst.FunctionDef:
    """``fn`` without the decorators at these positions (astc markers); each removed
    decorator leaves a blank line, so that the ``def`` keeps its line number."""
    kept = [d for i, d in enumerate(fn.decorators) if i not in indices]
    if len(kept) == len(fn.decorators):
        return fn
    lines = list(fn.leading_lines)
    for i, dec in enumerate(fn.decorators):
        if i in indices:
            lines += [*dec.leading_lines, cst.EmptyLine()]
    return fn.with_changes(decorators=kept, leading_lines=lines)


def kernel_copy(fn: cst.FunctionDef) -> tuple[cst.FunctionDef, list[str]]:
    """The function Numba compiles, and the guard names the runtime must check."""
    body = list(body_of(fn) or [])
    if not body:  # `def f(): return x` on one line
        assert isinstance(fn.body, cst.SimpleStatementSuite)
        body = [cst.SimpleStatementLine(body=list(fn.body.body))]
    if docstring_of(body) is not None:
        body = body[1:]
    if not body:
        body = [cst.SimpleStatementLine(body=[cst.Pass()])]
    first = body[0]
    body[0] = first.with_changes(leading_lines=[])
    new = fn.with_changes(
        name=cst.Name(f"_astc_kernel_{fn.name.value}"),
        decorators=[],
        leading_lines=[],
        body=cst.IndentedBlock(body=body),
    )
    fast, names = fast_paths(new)
    return fast, sorted(names)


class _RenameCalls(cst.CSTTransformer):
    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.Call:
        func = updated.func
        if isinstance(func, cst.Name) and func.value in self.names:
            return updated.with_changes(func=cst.Name(f"_astc_kernel_{func.value}"))
        return updated


def rename_calls(fn: cst.FunctionDef, names: set[str]) -> cst.FunctionDef:
    """Calls of these module functions go to their ``_astc_kernel_`` copies (jitted too)."""
    new = fn.visit(_RenameCalls(names))
    assert isinstance(new, cst.FunctionDef)
    return new


def use_prange(fn: cst.FunctionDef, loops: set[int]) -> cst.FunctionDef:
    """``fn`` with the top-level loops at these body positions made ``prange`` loops."""
    assert isinstance(fn.body, cst.IndentedBlock)
    body = list(fn.body.body)
    for i in loops:
        stmt = body[i]
        if isinstance(stmt, cst.For) and isinstance(stmt.iter, cst.Call):
            body[i] = stmt.with_changes(iter=stmt.iter.with_changes(func=cst.Name("_astc_prange")))
    return fn.with_changes(body=fn.body.with_changes(body=body))


def fingerprint(kernel_source: str, options: dict[str, object], astc_options: str) -> str:
    """Everything that went into the kernel: its source (helpers inlined), options, versions."""
    blob = json.dumps([kernel_source, options, astc_options, __version__], sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:20]


def binding(
    name: str,
    source: str,
    line: int,
    fp: str,
    options: dict[str, object],
    guards: list[str],
    newline: str,
) -> str:
    """One line binding the public name to the lazy dispatcher; ``source`` holds the kernel
    copy, its helper copies and CUDA form (defined at the first call, see the runtime)."""
    opts = "{" + ", ".join(f"{k!r}: {v!r}" for k, v in sorted(options.items())) + "}"
    guard_tuple = "(" + "".join(f"{g!r}, " for g in guards).rstrip(" ") + ")"
    return (
        f"{name} = _astc_kernel_bind(globals(), {name!r}, {name}, {source!r}, {line}, "
        f"{fp!r}, {opts}, {guard_tuple}){newline}"
    )


def cuda_host(name: str, kind: str, written: tuple[int, ...], init: float, threads: int) -> str:
    """The factory the runtime calls to wrap the CPU dispatcher with the CUDA launch."""
    return (
        f"def _astc_cuda_host_{name}(cpu):\n"
        f"    return _astc_cuda_wrap(cpu, _astc_cudak_{name}, {kind!r}, {written!r}, "
        f"{init!r}, {threads})\n"
    )
